import { render } from 'preact';
import { Popup } from '../../components/Popup';
import { explainOwnPage } from '../../content/own-pages';
import '../../components/ui.css';
import '../../components/popup.css';

render(<Popup />, document.getElementById('app')!);
explainOwnPage('glossary-page');
