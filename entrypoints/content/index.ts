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
    // Only HTML documents: not SVG, XML (Chromium's XML viewer rebuilds the page as XHTML) or text
    // files; old engines have no Highlight API.
    if (document.contentType !== 'text/html' || typeof Highlight === 'undefined') return;
    // Frames from other sites (ads, embeds) are left alone; same-site frames are the page's own.
    if (isCrossOriginFrame()) return;
    void runOnPage(document, cards, loadMatcher(trie), ctx.signal);
  },
});

function isCrossOriginFrame(): boolean {
  if (window === window.top) return false;
  try {
    return window.top?.location.href === undefined;
  } catch {
    return true;
  }
}
