/**
 * Requests the popup and background make of the content script in a tab's frames, and what it
 * answers. Both sides import them. They travel by `scripting.executeScript` (ask-tab.ts), so a page
 * without terms needs no message listener, whose first touch of `chrome.runtime` cost every page
 * about 1 ms of script (docs/performance.md); by runtime message only where the browser refuses.
 */
export type ContentRequest =
  /** Terms marked on this page: id -> count, in first-seen order. */
  | { type: 'hg:terms' }
  /** Scroll to the next (or previous) occurrence of a term, or of any term, and show its card. */
  | { type: 'hg:jump'; termId?: string; direction: 1 | -1 }
  /** Show the card for a glossary term in the current selection (context menu). */
  | { type: 'hg:explain'; text: string };

/**
 * The name under which the content script leaves its answering function on the global object of
 * its isolated world, where the extension's own injected function finds it. Pages cannot see that
 * world, so no page can call it or learn that it is there.
 */
export const CONTENT_ANSWER = '__healthGlossaryAnswer';

/** What the content script leaves under CONTENT_ANSWER. */
export type ContentAnswer = (request: ContentRequest) => Promise<ContentReply | undefined>;
export type ContentReply = TermsReply | JumpReply | ExplainReply;

/** Whether `value` is one of the requests above (what an answerer accepts). */
export const isContentRequest = (value: unknown): value is ContentRequest => {
  const type = (value as { type?: unknown } | null | undefined)?.type;
  return type === 'hg:terms' || type === 'hg:jump' || type === 'hg:explain';
};

/** The context menu's "Explain" entry (the background creates it; tests click it). */
export const EXPLAIN_MENU_ID = 'health-glossary-explain';

/** Documents the content script reaches but does not mark: a PDF viewer, a file shown as it is, a browser without the Highlight API. */
export type Unsupported = 'pdf' | 'document' | 'old-browser';
export const UNSUPPORTED: readonly Unsupported[] = ['pdf', 'document', 'old-browser'];

export interface TermsReply {
  counts: [termId: string, count: number][];
  /** The page's hostname, so the popup's "On this site" switch needs no tab permission. */
  hostname?: string;
  /** Set when the document is one the extension does not mark, and why. */
  unsupported?: Unsupported;
}
export interface JumpReply {
  found: boolean;
}
export interface ExplainReply {
  /** The term shown, or undefined when the selection holds no glossary term. */
  termId?: string;
}

/**
 * The one message the first stage sends, with the text of its document: may it hold a term? The
 * background answers (true: load the engine), so the word work runs off the page's main thread and
 * the first stage carries none of the glossary. The text goes nowhere else.
 */
export const PRECHECK = 'hg:precheck';
export interface PrecheckRequest {
  type: typeof PRECHECK;
  text: string;
}

export const isPrecheckRequest = (value: unknown): value is PrecheckRequest => {
  const v = value as Partial<PrecheckRequest> | null | undefined;
  return v?.type === PRECHECK && typeof v.text === 'string';
};
