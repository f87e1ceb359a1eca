import { defineContentScript } from 'wxt/utils/define-content-script';
import { isEligibleDocument } from './eligible';
import { runOnPage } from './first-stage';
import './style.css';

// The first stage, on every page: a few checks and a precheck of the text; the engine and the card
// load only where they are needed (see session.ts).
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_idle',
  // WXT would otherwise post "<extension id>:content:wxt:content-script-started" to the page's
  // window on every load, telling any page which extension is installed.
  noScriptStartedPostMessage: true,
  main(ctx) {
    if (isEligibleDocument(document)) runOnPage(document, ctx.signal);
  },
});
