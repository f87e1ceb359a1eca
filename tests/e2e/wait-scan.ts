import { highlightSize } from './page-probes';

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
