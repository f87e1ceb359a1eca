import { defineContentScript } from 'wxt/utils/define-content-script';
import cards from 'virtual:glossary-cards';
import trie from 'virtual:glossary-trie';
import { loadMatcher } from '../../glossary/matcher';
import { runOnPage } from './session';
import './style.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    // SVG and XML documents have no HTML body to read; old engines have no Highlight API.
    if (!(document.documentElement instanceof HTMLElement) || typeof Highlight === 'undefined') return;
    void runOnPage(document, cards, loadMatcher(trie), ctx.signal);
  },
});
