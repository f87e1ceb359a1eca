/** Shared by the in-page bench code and the experiments. */
import * as matcherModule from '../../glossary/matcher';
import type { MatchableTerm, Matcher } from '../../glossary/matcher';

export function timed<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const r = fn();
  return [r, performance.now() - t0];
}

const matchers: Record<string, unknown> = { ...matcherModule };

/**
 * The matcher as the content script gets it, timed. With a build-time trie (buildTrie + loadMatcher,
 * shipped as JSON), the per-page cost is JSON.parse + loadMatcher, and buildMs is paid at build time;
 * otherwise it is compileMatcher.
 */
export function compile(terms: readonly MatchableTerm[]): { matcher: Matcher; compileMs: number; buildMs?: number } {
  const buildTrie = matchers['buildTrie'] as ((t: readonly MatchableTerm[]) => unknown) | undefined;
  const loadMatcher = matchers['loadMatcher'] as ((trie: unknown) => Matcher) | undefined;
  if (buildTrie && loadMatcher) {
    const [trie, buildMs] = timed(() => buildTrie(terms));
    const json = JSON.stringify(trie);
    const [matcher, compileMs] = timed(() => loadMatcher(JSON.parse(json)));
    return { matcher, compileMs, buildMs };
  }
  const [matcher, compileMs] = timed(() => (matchers['compileMatcher'] as (t: readonly MatchableTerm[]) => Matcher)(terms));
  return { matcher, compileMs };
}

/** MarkIndex may hold ranges back until paint() (batched repaints); older versions add them at once. */
export function paint(index: object): void {
  (index as { paint?: () => void }).paint?.();
}

/**
 * The content script paints at the next frame, at most every 500 ms; the one-pass benchmarks time
 * the painting in the same call, as they did before painting was deferred.
 */
export const SYNC_PAINT = { frame: (fn: () => void): void => fn(), gapMs: 0 };
