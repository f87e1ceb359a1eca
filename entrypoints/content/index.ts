import { defineContentScript } from 'wxt/utils/define-content-script';
import { TERMS } from '../../glossary/terms';
import { runOnPage } from './session';
import './style.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    // SVG and XML documents have no HTML body to read; old engines have no Highlight API.
    if (!(document.documentElement instanceof HTMLElement) || typeof Highlight === 'undefined') return;
    void runOnPage(document, TERMS, ctx.signal);
  },
});
