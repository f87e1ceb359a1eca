import { askTab } from '../messaging/ask-tab';
import { UNSUPPORTED, type JumpReply, type TermsReply } from '../messaging/protocol';
import { termById } from '../glossary/terms';

/**
 * Glossary terms the tab's content script marked, with counts, over all its frames (an embedded
 * reader's terms count too); the site and any reason not to mark come from the top frame.
 * Undefined when the tab has no content script to answer (browser pages, stores, tabs opened before install).
 */
export async function requestTerms(tabId: number): Promise<TermsReply | undefined> {
  const replies = (await askTab(tabId, { type: 'hg:terms' })).map(cleanTermsReply).filter((r) => r !== undefined);
  if (replies.length === 0) return undefined;
  const counts = new Map<string, number>();
  for (const r of replies) for (const [id, n] of r.counts) counts.set(id, (counts.get(id) ?? 0) + n);
  return { ...replies[0], counts: [...counts] };
}

/** Asks the tab to scroll to the next place `termId` appears and show its card. */
export async function jumpTo(tabId: number, termId: string): Promise<JumpReply | undefined> {
  const replies = (await askTab(tabId, { type: 'hg:jump', termId, direction: 1 })) as Partial<JumpReply>[];
  return replies.length === 0 ? undefined : { found: replies.some((r) => r.found === true) };
}

/** A reply as the popup can use it: known term ids and positive counts only (another version may answer). */
export function cleanTermsReply(reply: unknown): TermsReply | undefined {
  const counts = (reply as Partial<TermsReply> | undefined)?.counts;
  if (!Array.isArray(counts)) return undefined;
  const { hostname, unsupported } = reply as Partial<TermsReply>;
  return {
    ...(typeof hostname === 'string' && hostname ? { hostname } : {}),
    ...(UNSUPPORTED.includes(unsupported!) ? { unsupported } : {}),
    counts: counts.filter(
      (c): c is [string, number] =>
        Array.isArray(c) && typeof c[0] === 'string' && termById.has(c[0]) && typeof c[1] === 'number' && c[1] > 0,
    ),
  };
}
