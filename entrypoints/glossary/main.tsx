import { render } from 'preact';
import { GlossaryPage } from '../../components/GlossaryPage';
import { explainOwnPage } from '../../content/own-pages';
import '../../components/ui.css';
import '../../components/page.css';

const root = document.getElementById('app')!;
render(<GlossaryPage />, root);
// Rendering is synchronous, so the text is in place for the highlighter.
explainOwnPage('this-page');
