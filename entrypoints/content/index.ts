import { defineContentScript } from 'wxt/utils/define-content-script';
import { TERMS } from '../../glossary/terms';
import { startHighlighter } from './highlighter';
import './style.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    // Pages that are not HTML documents (SVG, XML viewers) have no body to read.
    if (!(document.documentElement instanceof HTMLElement) || typeof Highlight === 'undefined') return;
    startHighlighter(document, { terms: TERMS, signal: ctx.signal });
  },
});
