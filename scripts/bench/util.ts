/** Shared by the in-page bench code. */
import { buildTrie, loadMatcher, type MatchableTerm, type Matcher } from '../../glossary/matcher';

export function timed<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const r = fn();
  return [r, performance.now() - t0];
}

/**
 * The matcher as the content script gets it, timed: the trie is built at build time (buildMs) and
 * shipped as JSON, so the per-page cost is JSON.parse + loadMatcher (compileMs).
 */
export function compile(terms: readonly MatchableTerm[]): { matcher: Matcher; compileMs: number; buildMs: number } {
  const [trie, buildMs] = timed(() => buildTrie(terms));
  const json = JSON.stringify(trie);
  const [matcher, compileMs] = timed(() => loadMatcher(JSON.parse(json)));
  return { matcher, compileMs, buildMs };
}

/**
 * The content script paints at the next frame, at most every 500 ms; the one-pass benchmarks time
 * the painting in the same call.
 */
export const SYNC_PAINT = { frame: (fn: () => void): void => fn(), gapMs: 0 };
