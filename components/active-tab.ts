import { browser, type Browser } from 'wxt/browser';
import { UNSUPPORTED, type ContentRequest, type JumpReply, type TermsReply } from '../entrypoints/content/messages';
import { termById } from '../glossary/terms';

/** The tab the popup was opened over. */
export async function getActiveTab(): Promise<Browser.tabs.Tab | undefined> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab;
  } catch {
    return undefined;
  }
}

/** Longer than any content script takes to answer; a tab that never answers (seen in Firefox) is then given up. */
export const REPLY_TIMEOUT_MS = 3000;

/** Sends a request to the tab's content script; rejects when nothing answers or nothing answers in time. */
function send(tabId: number, message: ContentRequest): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('no reply')), REPLY_TIMEOUT_MS);
  });
  return Promise.race([browser.tabs.sendMessage(tabId, message), timeout]).finally(() => clearTimeout(timer));
}

/**
 * Glossary terms the tab's content script marked, with counts; undefined when the tab has no
 * content script to answer (browser pages, stores, tabs opened before install).
 */
export async function requestTerms(tabId: number): Promise<TermsReply | undefined> {
  try {
    return cleanTermsReply(await send(tabId, { type: 'hg:terms' }));
  } catch {
    return undefined;
  }
}

/** Asks the tab to scroll to the next place `termId` appears and show its card. */
export async function jumpTo(tabId: number, termId: string): Promise<JumpReply | undefined> {
  try {
    const reply = (await send(tabId, { type: 'hg:jump', termId, direction: 1 })) as Partial<JumpReply> | undefined;
    return { found: reply?.found === true };
  } catch {
    return undefined;
  }
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
