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
  main(ctx) {
    if (isEligibleDocument(document)) runOnPage(document, ctx.signal);
  },
});
