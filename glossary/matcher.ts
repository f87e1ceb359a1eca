import { DROP, isWordCode, normalizeCode, normalizeText, SPACE } from './normalize';
import type { Match, Term } from './types';

/** The fields of a Term the matcher reads. */
export type MatchableTerm = Pick<Term, 'id' | 'term' | 'variants' | 'abbreviations'>;

/**
 * A trie of every normalised, case-folded written form, packed so it can be built at build time and
 * shipped as data (`virtual:glossary-trie`) instead of being compiled on each page. Nodes are
 * numbered breadth-first, so the k-th edge (in node order) leads to node k + 1 and edges need no
 * target list: `fanout[n]` is node n's edge count and `chars` holds every edge's character.
 */
export interface CompiledTrie {
  ids: string[];
  /** Edge characters of all nodes, node by node, each node's sorted. */
  chars: string;
  /** Number of edges of each node plus 48 (printable, so the JSON stays small), one unit per node. */
  fanout: string;
  /** Flat [node, termIndex, node, termIndex, ...] for every pattern end, names before abbreviations. */
  outputs: number[];
  /** For each output, the exact (unfolded) abbreviation that must appear; '' for names. */
  exact: string[];
}

const FANOUT_BASE = 48;

/** A compiled glossary: find(text) returns non-overlapping whole-word matches. */
export interface Matcher {
  /**
   * Matches starting in `[from, to)` (default: the whole text); a match may run past `to`. Lets a
   * caller cut a huge text into slices without cutting words.
   */
  find(text: string, from?: number, to?: number): Match[];
  /** Number of trie nodes, for benchmarks and tests. */
  readonly size: number;
}

/** Builds the trie (at build time for the extension; directly in tests and benchmarks). */
export function buildTrie(terms: readonly MatchableTerm[]): CompiledTrie {
  const kids: Map<number, number>[] = [new Map()];
  const outs: { term: number; exact: string }[][] = [[]];
  const insert = (form: string, term: number, exact: string): void => {
    const key = normalizeText(form, true);
    if (key === '') return;
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let next = kids[node]!.get(c);
      if (next === undefined) {
        next = kids.length;
        kids.push(new Map());
        outs.push([]);
        kids[node]!.set(c, next);
      }
      node = next;
    }
    outs[node]!.push({ term, exact });
  };
  terms.forEach((t, i) => {
    insert(t.term, i, '');
    for (const v of t.variants) insert(v, i, '');
    for (const a of t.abbreviations) insert(a, i, normalizeText(a, false));
  });
  // Renumber breadth-first, children in character order.
  const order: number[] = [0];
  let chars = '';
  let fanout = '';
  for (let q = 0; q < order.length; q++) {
    const edges = [...kids[order[q]!]!].sort((a, b) => a[0] - b[0]);
    fanout += String.fromCharCode(FANOUT_BASE + edges.length);
    for (const [c, next] of edges) {
      chars += String.fromCharCode(c);
      order.push(next);
    }
  }
  const outputs: number[] = [];
  const exact: string[] = [];
  order.forEach((old, n) => {
    // Case-insensitive names first: an exact abbreviation check is only needed when no name fits.
    for (const o of outs[old]!.sort((a, b) => Number(a.exact !== '') - Number(b.exact !== ''))) {
      outputs.push(n, o.term);
      exact.push(o.exact);
    }
  });
  return { ids: terms.map((t) => t.id), chars, fanout, outputs, exact };
}

/** Compiles terms into a matcher (build + load); the content script loads a prebuilt trie instead. */
export function compileMatcher(terms: readonly MatchableTerm[]): Matcher {
  return loadMatcher(buildTrie(terms));
}

/**
 * Wraps a built trie for matching. Matching walks the trie only from word starts, so its cost per
 * character depends on the length of the longest term, not on how many terms there are.
 */
export function loadMatcher(trie: CompiledTrie): Matcher {
  const nodes = trie.fanout.length;
  const edgeStart = new Int32Array(nodes + 1);
  for (let n = 0; n < nodes; n++) edgeStart[n + 1] = edgeStart[n]! + trie.fanout.charCodeAt(n) - FANOUT_BASE;
  const edgeChar = new Uint16Array(trie.chars.length);
  for (let k = 0; k < edgeChar.length; k++) edgeChar[k] = trie.chars.charCodeAt(k);
  // Per node, the range of its patterns in outTerm/outExact.
  const outStart = new Int32Array(nodes + 1);
  for (let k = 0; k < trie.outputs.length; k += 2) outStart[trie.outputs[k]! + 1]!++;
  for (let n = 0; n < nodes; n++) outStart[n + 1]! += outStart[n]!;
  const outTerm = trie.outputs.filter((_, k) => k % 2 === 1);
  const outExact = trie.exact;
  const ids = trie.ids;
  // The root is where every word starts: a direct table for ASCII spares a scan of its edges.
  const rootAscii = new Int32Array(128).fill(-1);
  for (let k = edgeStart[0]!; k < edgeStart[1]!; k++) if (edgeChar[k]! < 128) rootAscii[edgeChar[k]!] = k + 1;

  const child = (node: number, c: number): number => {
    if (node === 0 && c < 128) return rootAscii[c]!;
    for (let k = edgeStart[node]!, end = edgeStart[node + 1]!; k < end; k++) {
      const e = edgeChar[k]!;
      if (e === c) return k + 1;
      if (e > c) return -1;
    }
    return -1;
  };

  /** Follows the trie from a word start, recording every whole-word pattern end it passes. */
  const walk = (text: string, start: number, into: Match[]): void => {
    let node = 0;
    let prevSpace = false;
    for (let j = start; j < text.length; j++) {
      const c = normalizeCode(text.charCodeAt(j), true);
      if (c === DROP) continue;
      if (c === SPACE) {
        if (prevSpace) continue;
        prevSpace = true;
      } else prevSpace = false;
      node = child(node, c);
      if (node < 0) return;
      const o0 = outStart[node]!;
      const o1 = outStart[node + 1]!;
      if (o0 === o1) continue;
      const end = j + 1;
      if (end < text.length && isWordCode(text.charCodeAt(end))) continue;
      for (let k = o0; k < o1; k++) {
        const exact = outExact[k]!;
        if (exact !== '' && normalizeText(text.slice(start, end), false) !== exact) continue;
        into.push({ start, end, termId: ids[outTerm[k]!]! });
        break;
      }
    }
  };

  const find = (text: string, from = 0, to = text.length): Match[] => {
    const candidates: Match[] = [];
    const n = Math.min(to, text.length);
    let i = from;
    // Starting inside a word: that word began before the slice.
    if (i > 0) while (i < n && isWordCode(text.charCodeAt(i - 1)) && isWordCode(text.charCodeAt(i))) i++;
    while (i < n) {
      while (i < n && !isWordCode(text.charCodeAt(i))) i++;
      if (i >= n) break;
      if (child(0, normalizeCode(text.charCodeAt(i), true)) >= 0) walk(text, i, candidates);
      while (i < n && isWordCode(text.charCodeAt(i))) i++;
    }
    return resolveOverlaps(candidates);
  };

  return { find, size: nodes };
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
