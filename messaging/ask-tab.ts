import { browser } from 'wxt/browser';
import { CONTENT_ANSWER, type ContentRequest } from './protocol';

/** Longer than any content script takes to answer; a tab that never answers (seen in Firefox) is then given up. */
export const REPLY_TIMEOUT_MS = 3000;
/** "Explain" may first load the engine and scan the page: a big page takes longer than a jump. */
export const EXPLAIN_TIMEOUT_MS = 10_000;

/**
 * Runs in each frame of the tab, in this extension's isolated world, and returns what the content
 * script answers (undefined where none runs). Serialized by the browser: it must use nothing from
 * outside its own body.
 */
function answerInFrame(name: string, request: ContentRequest): unknown {
  const answer = (globalThis as unknown as Record<string, unknown>)[name];
  return typeof answer === 'function' ? (answer as (r: ContentRequest) => unknown)(request) : undefined;
}

export interface AskOptions {
  timeoutMs?: number;
  /** Only this frame (a context-menu click names the frame of the selection); all frames otherwise. */
  frameId?: number;
}

/**
 * Asks the content script in a tab's frames. The answers, the top frame's first; none when nothing
 * answers, or nothing in time: the browser's own pages, stores, PDF viewers in Firefox, tabs
 * opened before the extension. The function runs in the tab under `activeTab` (the user opened the
 * popup from the toolbar, or used a command or the menu) or, in Firefox, the content script's match
 * patterns; where the browser refuses (Chromium, an extension page opened otherwise), the request
 * goes by runtime message, which only a page with terms listens to.
 */
export async function askTab(tabId: number, request: ContentRequest, options: AskOptions = {}): Promise<unknown[]> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error('no answer in time')), options.timeoutMs ?? REPLY_TIMEOUT_MS);
  });
  const target = options.frameId === undefined ? { tabId, allFrames: true } : { tabId, frameIds: [options.frameId] };
  const byScript = async (): Promise<unknown[]> =>
    (await browser.scripting.executeScript({ target, func: answerInFrame, args: [CONTENT_ANSWER, request] }))
      .filter((r) => r.result !== undefined && r.result !== null)
      .sort((a, b) => Number(a.frameId !== 0) - Number(b.frameId !== 0))
      .map((r) => r.result as unknown);
  const byMessage = async (): Promise<unknown[]> => {
    const reply: unknown = await browser.tabs.sendMessage(
      tabId,
      request,
      options.frameId === undefined ? undefined : { frameId: options.frameId },
    );
    return reply === undefined || reply === null ? [] : [reply];
  };
  try {
    return await Promise.race([byScript().catch(byMessage), timeout]);
  } catch {
    return [];
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
