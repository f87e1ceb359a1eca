/**
 * The part of the extension API that the first stage uses, called directly: the polyfill behind
 * `wxt/browser` (and WXT's content-script context, which needs it) cost every page 3-5 ms of script
 * before it could stop. Read only once it is needed: the first touch of `chrome.runtime` alone costs
 * a page about 1 ms.
 */
export type MessageListener = (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => boolean | void;

export interface FirstStageRuntime {
  /** Undefined once the extension was reloaded, updated, disabled or removed (Chrome). */
  readonly id?: string;
  /** Set while a callback runs if its call failed (no receiver, the extension gone). */
  readonly lastError?: { message?: string } | null;
  getURL(path: string): string;
  /** The callback form: both browsers' `chrome` namespaces take it (Firefox's promise form is `browser`). */
  sendMessage(message: unknown, callback: (reply: unknown) => void): void;
  onMessage: {
    addListener(listener: MessageListener): void;
    removeListener(listener: MessageListener): void;
  };
}

/** The extension's runtime API as the content script sees it. */
export function extensionRuntime(): FirstStageRuntime {
  return (globalThis as unknown as { chrome: { runtime: FirstStageRuntime } }).chrome.runtime;
}

/** Sends `message` to the background and resolves with its reply; rejects when nobody answered. */
export function sendToBackground(runtime: FirstStageRuntime, message: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    try {
      runtime.sendMessage(message, (reply) => {
        const error = runtime.lastError;
        if (error) reject(new Error(error.message ?? 'no answer'));
        else resolve(reply);
      });
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}
