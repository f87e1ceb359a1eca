import precheck from 'virtual:glossary-precheck';
import { loadPrecheck } from '../glossary/precheck';
import type { FirstStageRuntime, MessageListener } from './extension-api';
import type { PageSession } from './session';
import type { ContentRequest, ExplainReply, JumpReply, TermsReply, Unsupported } from '../messaging/protocol';
import { isOrphaned, watchOrphaned } from './orphan';
import { whenMayHoldTerm } from './page-text';

export interface FirstStageDeps {
  runtime: FirstStageRuntime;
  /** Loads the engine and starts its session on `doc` (the settings are read there). */
  startEngine: (doc: Document, signal: AbortSignal) => Promise<PageSession>;
  /** Whether a text may hold a term (default: the bundled glossary's precheck). */
  mayHold?: (text: string) => boolean;
}

/**
 * The content script on every page, in stages so that a page pays only for what it uses: the
 * message listener at once; the engine (and with it the settings) once the page's text may hold
 * a term, or when the user asks to explain a selection; the card on first use (lazy-tooltip.ts).
 */
export function runOnPage(doc: Document, outer: AbortSignal, deps: FirstStageDeps): void {
  const hostname = doc.location?.hostname ?? '';
  // Ends with the page, or when the extension is gone: everything this script set up goes with it.
  const life = new AbortController();
  outer.addEventListener('abort', () => life.abort(), { once: true, signal: life.signal });
  const signal = life.signal;
  let session: Promise<PageSession> | undefined;
  let current: PageSession | undefined;
  const start = (): Promise<PageSession> => {
    if (isOrphaned(deps.runtime)) {
      life.abort();
      return Promise.reject(new Error('the extension is gone'));
    }
    return (session ??= deps.startEngine(doc, signal).then(
      (s) => {
        watchOrphaned(deps.runtime, () => life.abort(), signal);
        return (current = s);
      },
      (e: unknown) => {
        session = undefined; // tried again on the next wake-up or request
        throw e;
      },
    ));
  };

  const explain = async (text: string): Promise<ExplainReply> => {
    const sel = doc.getSelection();
    if (!sel || sel.rangeCount === 0) return {};
    const range = sel.getRangeAt(0).cloneRange();
    return { termId: (await start()).explain(text, range) };
  };
  const answer = (req: ContentRequest): Promise<TermsReply | JumpReply | ExplainReply> => {
    switch (req.type) {
      case 'hg:terms':
        return Promise.resolve({ counts: current?.counts() ?? [], hostname });
      case 'hg:jump':
        return (current?.jump(req.direction, req.termId) ?? Promise.resolve(false)).then((found) => ({ found }));
      case 'hg:explain':
        return explain(req.text);
    }
  };
  const onMessage: MessageListener = (msg, _sender, sendResponse) => {
    const req = msg as ContentRequest | undefined;
    if (req?.type !== 'hg:terms' && req?.type !== 'hg:jump' && req?.type !== 'hg:explain') return;
    // A failed answer is still an answer: the sender's promise must not wait for ever.
    answer(req).then(sendResponse, () => sendResponse(undefined));
    return true;
  };
  deps.runtime.onMessage.addListener(onMessage);
  signal.addEventListener(
    'abort',
    () => {
      try {
        deps.runtime.onMessage.removeListener(onMessage);
      } catch {
        // An orphan's API may refuse: its listener can never be called again anyway.
      }
    },
    { once: true },
  );

  const mayHold = deps.mayHold ?? loadPrecheck(precheck);
  void whenMayHoldTerm(doc, mayHold, signal).then(() => (signal.aborted ? undefined : start().catch(() => undefined)));
}

/**
 * In a top-level document the extension does not mark (a PDF viewer, a file shown as it is, a
 * browser without the Highlight API): answers the popup with the reason, and nothing else.
 */
export function answerUnsupported(runtime: FirstStageRuntime, unsupported: Unsupported, hostname: string): void {
  runtime.onMessage.addListener((msg, _sender, sendResponse) => {
    const type = (msg as ContentRequest | undefined)?.type;
    if (type === 'hg:terms') sendResponse({ counts: [], hostname, unsupported } satisfies TermsReply);
    else if (type === 'hg:jump') sendResponse({ found: false } satisfies JumpReply);
    else if (type === 'hg:explain') sendResponse({} satisfies ExplainReply);
  });
}
