import { FIRST_STAGE_LIMITS } from './limits';

/** What this module reads of the runtime: Chrome clears `id` once the extension is gone. */
export interface RuntimeIdentity {
  readonly id?: string;
}

/**
 * Whether this content script outlived its extension (reloaded, updated, disabled or removed):
 * Chrome keeps the old script running, with an API that no longer answers and an `id` of undefined.
 */
export function isOrphaned(runtime: RuntimeIdentity): boolean {
  try {
    return !runtime.id;
  } catch {
    return true;
  }
}

/**
 * Calls `onOrphaned` once, soon after the extension is gone, so the page's marks, listeners and
 * card go with it. No browser event says so to a content script: a slow timer asks (a property
 * read), only while this page has a session worth stopping.
 */
export function watchOrphaned(runtime: RuntimeIdentity, onOrphaned: () => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  const timer = setInterval(() => {
    if (!isOrphaned(runtime)) return;
    clearInterval(timer);
    onOrphaned();
  }, FIRST_STAGE_LIMITS.orphanCheckMs);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}
