import { sendToBackground, type FirstStageRuntime } from './extension-api';
import type { PageSession } from './session';
import {
  isContentRequest,
  PRECHECK,
  type ContentAnswer,
  type ContentReply,
  type ContentRequest,
  type ExplainReply,
  type PrecheckRequest,
  type Unsupported,
} from '../messaging/protocol';
import { listenWithAnswer, offerAnswer } from './answer-slot';
import { isOrphaned, watchOrphaned } from './orphan';
import { whenMayHoldTerm, type PrecheckTest } from './page-text';
import { FIRST_STAGE_LIMITS } from './limits';
import { whenIdle } from './yield';

export interface FirstStageDeps {
  /** The extension's runtime, read only once it is needed (its first touch costs the page). */
  runtime: () => FirstStageRuntime;
  /** Loads the engine and starts its session on `doc` (the settings are read there). */
  startEngine: (doc: Document, signal: AbortSignal) => Promise<PageSession>;
  /** Whether a text may hold a term (default: ask the background, which holds the glossary's precheck). */
  mayHold?: PrecheckTest;
}

/**
 * The content script on every page, in stages so that a page pays only for what it uses: its
 * answers to the popup and commands at once (a function left in its isolated world; a message
 * listener only once the engine runs); the page's text, once the page is idle, to the background, which says whether it may
 * hold a term (the word work off the page's main thread); the engine (and with it the settings) once
 * it may, or when the user asks to explain a selection; the card on first use (lazy-tooltip.ts).
 */
export function runOnPage(doc: Document, outer: AbortSignal, deps: FirstStageDeps): void {
  // Ends with the page, or when the extension is gone: everything this script set up goes with it.
  const life = new AbortController();
  outer.addEventListener('abort', () => life.abort(), { once: true, signal: life.signal });
  const signal = life.signal;
  let session: Promise<PageSession> | undefined;
  let current: PageSession | undefined;
  const gone = (): boolean => {
    if (isOrphaned(deps.runtime())) life.abort();
    return signal.aborted;
  };
  const start = (): Promise<PageSession> => {
    if (gone()) return Promise.reject(new Error('the extension is gone'));
    return (session ??= deps.startEngine(doc, signal).then(
      (s) => {
        watchOrphaned(deps.runtime(), () => life.abort(), signal);
        signal.addEventListener('abort', listenWithAnswer(deps.runtime(), answer), { once: true });
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
  const reply = (req: ContentRequest): Promise<ContentReply> => {
    switch (req.type) {
      case 'hg:terms':
        return Promise.resolve({ counts: current?.counts() ?? [], hostname: doc.location?.hostname ?? '' });
      case 'hg:jump':
        return (current?.jump(req.direction, req.termId) ?? Promise.resolve(false)).then((found) => ({ found }));
      case 'hg:explain':
        return explain(req.text);
    }
  };
  // A script that outlived its extension answers nothing: the popup then says to reload the page.
  // A failed answer is still an answer: the asker must not wait for ever.
  const answer: ContentAnswer = (req) =>
    !isContentRequest(req) || gone() ? Promise.resolve(undefined) : reply(req).catch(() => undefined);
  signal.addEventListener('abort', offerAnswer(answer), { once: true });

  const mayHold = deps.mayHold ?? askBackground(deps.runtime);
  void whenIdle(doc.defaultView, FIRST_STAGE_LIMITS.firstReadIdleMs)
    .then(() => (signal.aborted ? undefined : whenMayHoldTerm(doc, mayHold, signal)))
    .then(() => (signal.aborted ? undefined : start().catch(() => undefined)));
}

/** The precheck, asked of the background; a failed ask rejects (the caller then says "maybe"). */
const askBackground =
  (runtime: () => FirstStageRuntime): PrecheckTest =>
  async (text) => {
    const request: PrecheckRequest = { type: PRECHECK, text };
    return (await sendToBackground(runtime(), request)) === true;
  };

/**
 * In a top-level document the extension does not mark (a PDF viewer, a file shown as it is, a
 * browser without the Highlight API): answers the popup with the reason, and nothing else.
 */
export function answerUnsupported(runtime: FirstStageRuntime, unsupported: Unsupported, hostname: string): void {
  const replies: Record<ContentRequest['type'], ContentReply> = {
    'hg:terms': { counts: [], hostname, unsupported },
    'hg:jump': { found: false },
    'hg:explain': {},
  };
  const answer: ContentAnswer = async (req) => (isContentRequest(req) ? replies[req.type] : undefined);
  offerAnswer(answer);
  listenWithAnswer(runtime, answer);
}
