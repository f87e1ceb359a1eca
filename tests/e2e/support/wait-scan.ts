import type { TestPage } from './browsers';
import { findMark, HIGHLIGHT, HIGHLIGHT_PREFIX, highlightSize, type Which } from './page-probes';
import { steady, until } from './poll';

/** Polls the page until the extension's highlight exists and its size held still for `stableMs`. */
export async function waitForMarksToSettle(
  evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) => Promise<R>,
  name: string,
  { stableMs = 500, timeoutMs = 3000, pollMs = 100 } = {},
): Promise<{ size: number; settled: boolean; waitedMs: number }> {
  const { value, settled, waitedMs } = await steady(() => evaluate(highlightSize, name), {
    stableMs,
    timeoutMs,
    everyMs: pollMs,
    accept: (size) => size >= 0,
  });
  return { size: value, settled, waitedMs };
}

/**
 * The centre of the mark over `text` once it is painted (null if it is not within `timeoutMs`).
 * Marks arrive in batches, what is in view first and a paint at most every 250 ms, so a count of
 * marks reached does not mean this one is there yet.
 */
export async function waitForMark(
  evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) => Promise<R>,
  arg: Which & { text: string },
  timeoutMs = 5000,
): Promise<{ x: number; y: number } | null> {
  return until(() => evaluate(findMark, arg), Boolean, `the mark over "${arg.text}"`, { timeoutMs }).catch(() => null);
}

/** Opens a page with many terms and waits until all its marks are painted (what is in view comes first, the rest a paint or two later). */
export async function openMarked(page: TestPage, url: string): Promise<void> {
  await page.goto(url);
  await page.waitFor((n) => (CSS.highlights.get(n)?.size ?? 0) > 5, HIGHLIGHT);
  await waitForMarksToSettle((fn, arg) => page.evaluate(fn, arg), HIGHLIGHT_PREFIX, { stableMs: 1000, timeoutMs: 10_000 });
}
