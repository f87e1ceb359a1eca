import precheck from 'virtual:glossary-precheck';
import { browser } from 'wxt/browser';
import { loadPrecheck } from '../../glossary/precheck';
import type { PageSession } from './session';
import { loadEngine } from './load-engine';
import type { ContentRequest, ExplainReply, JumpReply, TermsReply } from './messages';
import { whenMayHoldTerm } from './page-text';

/**
 * The content script on every page, in stages so that a page pays only for what it uses: the
 * message listener at once; the engine (and with it the settings) once the page's text may hold
 * a term, or when the user asks to explain a selection; the card on first use (lazy-tooltip.ts).
 */
export function runOnPage(doc: Document, signal: AbortSignal): void {
  const hostname = doc.location?.hostname ?? '';
  let session: Promise<PageSession> | undefined;
  let current: PageSession | undefined;
  const start = (): Promise<PageSession> =>
    (session ??= loadEngine().then(async (engine) => {
      const s = engine.startSession(doc, signal);
      await s.ready;
      return (current = s);
    }));

  const explain = async (text: string): Promise<ExplainReply> => {
    const sel = doc.getSelection();
    if (!sel || sel.rangeCount === 0) return {};
    const range = sel.getRangeAt(0).cloneRange();
    return { termId: (await start()).explain(text, range) };
  };
  const onMessage = (msg: unknown): Promise<TermsReply | JumpReply | ExplainReply> | undefined => {
    const req = msg as ContentRequest;
    switch (req?.type) {
      case 'hg:terms':
        return Promise.resolve({ counts: current?.counts() ?? [], hostname });
      case 'hg:jump':
        return (current?.jump(req.direction, req.termId) ?? Promise.resolve(false)).then((found) => ({ found }));
      case 'hg:explain':
        return explain(req.text);
      default:
        return undefined;
    }
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage), { once: true });

  const root = doc.body ?? doc.documentElement;
  void whenMayHoldTerm(root, loadPrecheck(precheck), signal).then(() => (signal.aborted ? undefined : start()));
}
