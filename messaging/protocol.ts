/**
 * Messages the popup and background send to the content script of a tab (browser.tabs.sendMessage),
 * and what it answers. Both sides import them.
 */
export type ContentRequest =
  /** Terms marked on this page: id -> count, in first-seen order. */
  | { type: 'hg:terms' }
  /** Scroll to the next (or previous) occurrence of a term, or of any term, and show its card. */
  | { type: 'hg:jump'; termId?: string; direction: 1 | -1 }
  /** Show the card for a glossary term in the current selection (context menu). */
  | { type: 'hg:explain'; text: string };

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
