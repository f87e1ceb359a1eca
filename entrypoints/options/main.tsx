import { render } from 'preact';
import { Options } from '../../components/Options';
import '../../components/ui.css';
import '../../components/page.css';

render(<Options />, document.getElementById('app')!);
