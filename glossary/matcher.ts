import { DROP, isWordCode, normalizeCode, normalizeText, SPACE } from './normalize';
import type { Match, Term } from './types';

/** The fields of a Term the matcher reads. */
export type MatchableTerm = Pick<Term, 'id' | 'term' | 'variants' | 'abbreviations'>;

interface Pattern {
  termId: number;
  /** For abbreviations: the exact (unfolded) normalised form that must appear. */
  exact?: string;
}

/** A compiled glossary: find(text) returns non-overlapping whole-word matches. */
export interface Matcher {
  find(text: string): Match[];
  /** Number of trie nodes, for benchmarks and tests. */
  readonly size: number;
}

/**
 * Compiles the glossary into a trie of normalised, case-folded forms. Matching walks the trie only
 * from word starts, so its cost per character depends on the length of the longest term, not on
 * how many terms there are.
 */
export function compileMatcher(terms: readonly MatchableTerm[]): Matcher {
  const children: Map<number, number>[] = [new Map()];
  const outputs: (Pattern[] | undefined)[] = [undefined];
  const ids: string[] = terms.map((t) => t.id);

  const insert = (form: string, pattern: Pattern): void => {
    const key = normalizeText(form, true);
    if (key === '') return;
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      const kids = children[node]!;
      let next = kids.get(c);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        outputs.push(undefined);
        kids.set(c, next);
      }
      node = next;
    }
    (outputs[node] ??= []).push(pattern);
  };

  terms.forEach((t, termId) => {
    insert(t.term, { termId });
    for (const v of t.variants) insert(v, { termId });
    for (const a of t.abbreviations) insert(a, { termId, exact: normalizeText(a, false) });
  });
  // Case-insensitive names first: an exact abbreviation check is only needed when no name fits.
  for (const out of outputs) out?.sort((a, b) => Number(a.exact !== undefined) - Number(b.exact !== undefined));

  return { find: (text) => find(text, children, outputs, ids), size: children.length };
}

function find(
  text: string,
  children: readonly Map<number, number>[],
  outputs: readonly (Pattern[] | undefined)[],
  ids: readonly string[],
): Match[] {
  const candidates: Match[] = [];
  const n = text.length;
  const root = children[0]!;
  let i = 0;
  while (i < n) {
    // Skip to the next word start.
    while (i < n && !isWordCode(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    if (root.has(normalizeCode(text.charCodeAt(i), true))) walk(text, start, children, outputs, ids, candidates);
    while (i < n && isWordCode(text.charCodeAt(i))) i++;
  }
  return resolveOverlaps(candidates);
}

/** Follows the trie from a word start, recording every whole-word pattern end it passes. */
function walk(
  text: string,
  start: number,
  children: readonly Map<number, number>[],
  outputs: readonly (Pattern[] | undefined)[],
  ids: readonly string[],
  into: Match[],
): void {
  let node = 0;
  let prevSpace = false;
  for (let j = start; j < text.length; j++) {
    const c = normalizeCode(text.charCodeAt(j), true);
    if (c === DROP) continue;
    if (c === SPACE) {
      if (prevSpace) continue;
      prevSpace = true;
    } else prevSpace = false;
    const next = children[node]!.get(c);
    if (next === undefined) return;
    node = next;
    const out = outputs[node];
    if (out === undefined) continue;
    const end = j + 1;
    if (end < text.length && isWordCode(text.charCodeAt(end))) continue;
    for (const p of out) {
      if (p.exact !== undefined && normalizeText(text.slice(start, end), false) !== p.exact) continue;
      into.push({ start, end, termId: ids[p.termId]! });
      break;
    }
  }
}

/**
 * Longest match wins, then leftmost; the survivors come back in text order. Candidates arrive in
 * start order, so only clusters of overlapping candidates (rare) need the priority sort.
 */
function resolveOverlaps(candidates: Match[]): Match[] {
  const kept: Match[] = [];
  let cluster: Match[] = [];
  let clusterEnd = -1;
  const flush = (): void => {
    if (cluster.length === 1) kept.push(cluster[0]!);
    else if (cluster.length > 1) {
      const won: Match[] = [];
      cluster.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
      for (const m of cluster) if (!won.some((k) => m.start < k.end && k.start < m.end)) won.push(m);
      kept.push(...won.sort((a, b) => a.start - b.start));
    }
    cluster = [];
  };
  for (const m of candidates) {
    if (m.start >= clusterEnd) flush();
    cluster.push(m);
    clusterEnd = Math.max(clusterEnd, m.end);
  }
  flush();
  return kept;
}
