import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { whyNotMarked } from '../content/eligible';
import { extensionRuntime } from '../content/extension-api';
import { answerUnsupported, runOnPage } from '../content/first-stage';
import { loadEngine } from '../content/load-engine';

// The content script, on every page (declared in wxt.config.ts): a few checks and a precheck of
// the text. An unlisted script, not a WXT content script, so that it carries neither the polyfill
// nor WXT's context: a page with no term pays for nothing else (docs/performance.md).
export default defineUnlistedScript(() => {
  const why = whyNotMarked(document);
  // Only the top document says why: the popup takes the site and the reason from the top frame.
  if (why === 'frame' || (why && window !== window.top)) return;
  if (why) return answerUnsupported(extensionRuntime(), why, location.hostname);
  runOnPage(document, new AbortController().signal, {
    runtime: extensionRuntime,
    startEngine: async (doc, signal) => {
      const s = (await loadEngine()).startSession(doc, signal);
      await s.ready;
      return s;
    },
  });
});
