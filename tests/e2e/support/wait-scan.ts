import { highlightSize, markCenter } from './page-probes';

/** Polls the page until the extension's highlight exists and its size held still for `stableMs`. */
export async function waitForMarksToSettle(
  evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) => Promise<R>,
  name: string,
  { stableMs = 500, timeoutMs = 3000, pollMs = 100 } = {},
): Promise<{ size: number; settled: boolean; waitedMs: number }> {
  const t0 = Date.now();
  let last = Number.NaN;
  let since = t0;
  for (;;) {
    const size = await evaluate(highlightSize, name);
    const now = Date.now();
    if (size !== last) {
      last = size;
      since = now;
    } else if (size >= 0 && now - since >= stableMs) return { size, settled: true, waitedMs: now - t0 };
    if (now - t0 >= timeoutMs) return { size, settled: false, waitedMs: now - t0 };
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/**
 * The centre of the mark over `text` once it is painted (null if it is not within `timeoutMs`).
 * Marks arrive in batches, what is in view first and a paint at most every 250 ms, so a count of
 * marks reached does not mean this one is there yet.
 */
export async function waitForMark(
  evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) => Promise<R>,
  arg: { name: string; text: string },
  timeoutMs = 5000,
): Promise<{ x: number; y: number } | null> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const at = await evaluate(markCenter, arg);
    if (at || Date.now() >= end) return at;
    await new Promise((r) => setTimeout(r, 100));
  }
}
