import { render } from 'preact';
import { VisitSheet } from '../../components/VisitSheet';
import '../../components/ui.css';
import '../../components/page.css';
import '../../components/visit-sheet.css';

render(<VisitSheet />, document.getElementById('app')!);
