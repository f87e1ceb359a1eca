import { render } from 'preact';
import { GlossaryPage } from '../../components/GlossaryPage';
import '../../components/ui.css';
import '../../components/page.css';

const root = document.getElementById('app')!;
render(<GlossaryPage />, root);

// LEAD: start the content highlighter on `root` here, so glossary terms in this page are marked and
// explained like on any web page. Rendering above is synchronous, so the text is already in place.
