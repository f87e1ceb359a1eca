/**
 * The part of the extension API that the first stage uses, called directly: the polyfill behind
 * `wxt/browser` (and WXT's content-script context, which needs it) cost every page 3-5 ms of script
 * before it could stop. Read only once the engine is wanted: the first touch of `chrome.runtime`
 * alone costs a page about 1 ms.
 */
export type MessageListener = (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => boolean | void;

export interface FirstStageRuntime {
  /** Undefined once the extension was reloaded, updated, disabled or removed (Chrome). */
  readonly id?: string;
  getURL(path: string): string;
  onMessage: {
    addListener(listener: MessageListener): void;
    removeListener(listener: MessageListener): void;
  };
}

/** The extension's runtime API as the content script sees it. */
export function extensionRuntime(): FirstStageRuntime {
  return (globalThis as unknown as { chrome: { runtime: FirstStageRuntime } }).chrome.runtime;
}
