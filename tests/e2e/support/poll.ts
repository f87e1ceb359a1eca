/** Every browser test waits for a state, never for a fixed time: these are its two ways of waiting. */

export interface PollOptions {
  timeoutMs?: number;
  everyMs?: number;
}

/**
 * Reads `read` until `done` accepts what it returned, and gives that back; throws after `timeoutMs`,
 * naming `what`. A read that throws counts as "not yet" (a page may be mid-navigation: Firefox's BiDi
 * raises while a moz-extension:// document is swapped); the last error is in the message.
 */
export async function until<T>(
  read: () => T | Promise<T>,
  done: (value: T) => boolean,
  what: string,
  { timeoutMs = 15_000, everyMs = 100 }: PollOptions = {},
): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await read();
      if (done(value)) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() >= end)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/**
 * Reads `read` until its value (compared as JSON) held still for `stableMs`, or `timeoutMs` passed:
 * marks painted in batches, a list still loading, a smooth scroll. `settled` says which.
 */
export async function steady<T>(
  read: () => T | Promise<T>,
  {
    stableMs = 500,
    timeoutMs = 15_000,
    everyMs = 100,
    accept = () => true,
  }: PollOptions & { stableMs?: number; accept?: (value: T) => boolean } = {},
): Promise<{ value: T; settled: boolean; waitedMs: number }> {
  const t0 = Date.now();
  let value = await read();
  let key = JSON.stringify(value);
  let since = t0;
  for (;;) {
    const now = Date.now();
    if (accept(value) && now - since >= stableMs) return { value, settled: true, waitedMs: now - t0 };
    if (now - t0 >= timeoutMs) return { value, settled: false, waitedMs: now - t0 };
    await new Promise((r) => setTimeout(r, everyMs));
    value = await read();
    const next = JSON.stringify(value);
    if (next !== key) {
      key = next;
      since = Date.now();
    }
  }
}
