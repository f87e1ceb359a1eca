import { browser } from 'wxt/browser';
import type { ContentRequest } from './protocol';

/** Longer than any content script takes to answer; a tab that never answers (seen in Firefox) is then given up. */
export const REPLY_TIMEOUT_MS = 3000;
/** "Explain" may first load the engine and scan the page: a big page takes longer than a jump. */
export const EXPLAIN_TIMEOUT_MS = 10_000;

/**
 * Sends a request to a tab's content script. Undefined when nothing answers, or nothing in time:
 * the browser's own pages, stores, PDF viewers in Firefox, tabs opened before the extension.
 */
export async function askTab(tabId: number, request: ContentRequest, timeoutMs = REPLY_TIMEOUT_MS): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), timeoutMs);
  });
  try {
    return await Promise.race([browser.tabs.sendMessage(tabId, request), timeout]);
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

/** The tab in front of the window the user is in (the popup's, or the one a command came from). */
export async function activeTab(): Promise<{ id?: number; url?: string } | undefined> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab;
  } catch {
    return undefined;
  }
}
