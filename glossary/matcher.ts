import { DROP, isDashCode, isWordCode, normalizeCode, normalizeText, SPACE } from './normalize';
import type { CueGroups, Match, Term } from './types';

/** The fields of a Term the matcher reads. */
export type MatchableTerm = Pick<Term, 'id' | 'term' | 'variants' | 'abbreviations'> &
  Partial<Pick<Term, 'cues' | 'ambiguousForms'>>;

/**
 * The cues and counter-phrases of every ambiguous form, compiled at build time. Rule k belongs to
 * the k-th ambiguous form of the glossary (entries in order, each entry's `ambiguousForms` in order).
 */
export interface CompiledSense {
  /** Every cue and counter phrase as a trie of its own, whose ids are the phrases' indices. */
  phrases: CompiledTrie;
  /** Per rule: [cue phrase indices, cue group indices, entry ids whose marks are cues, counter phrase indices]. */
  rules: [number[], number[], string[], number[]][];
  /** The phrase indices of each cue group a rule names (`@bone-health`), shared by the rules. */
  groups: number[][];
  /** Length of the longest phrase, so a counter starting before a window is still found. */
  longest: number;
}

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
  /** Flat [output, rule, output, rule, ...] for the outputs of ambiguous forms (see CompiledSense). */
  rules?: number[];
  /** Cues and counter-phrases of the ambiguous forms; absent when there are none. */
  sense?: CompiledSense;
}

const FANOUT_BASE = 48;

/** A loaded trie: a Matcher that can also list overlapping matches (the sense check's phrases). */
export interface LoadedMatcher extends Matcher {
  /** Like `find`, but every whole-word pattern at every word start, overlapping ones too. */
  findAll(text: string, from?: number, to?: number): Match[];
}

/** A compiled glossary: find(text) returns non-overlapping whole-word matches. */
export interface Matcher {
  /**
   * Matches starting in `[from, to)` (default: the whole text); a match may run past `to`. Lets a
   * caller cut a huge text into slices without cutting words.
   */
  find(text: string, from?: number, to?: number): Match[];
  /** Number of trie nodes, for benchmarks and tests. */
  readonly size: number;
  /** The compiled cues and counters of the ambiguous forms (loaded lazily by `glossary/sense.ts`). */
  readonly sense?: CompiledSense;
}

/**
 * Builds the trie (at build time for the extension; directly in tests and benchmarks). `groups`
 * resolves `@<group>` cues of the ambiguous forms.
 */
export function buildTrie(terms: readonly MatchableTerm[], groups: CueGroups = {}): CompiledTrie {
  const kids: Map<number, number>[] = [new Map()];
  const outs: { term: number; exact: string; rule: number }[][] = [[]];
  // Rule numbers of the ambiguous forms, by term: names by key, abbreviations as written.
  const ruleOf = new Map<string, number>();
  let rules = 0;
  terms.forEach((t, i) => {
    for (const f of t.ambiguousForms ?? []) {
      const rule = rules++;
      if (t.abbreviations.includes(f.form)) ruleOf.set(`${i}a${f.form}`, rule);
      if ([t.term, ...t.variants].some((v) => normalizeText(v, true) === normalizeText(f.form, true)))
        ruleOf.set(`${i}n${normalizeText(f.form, true)}`, rule);
    }
  });
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
    const rule = ruleOf.get(exact === '' ? `${term}n${key}` : `${term}a${form}`) ?? -1;
    outs[node]!.push({ term, exact, rule });
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
  const ruleList: number[] = [];
  order.forEach((old, n) => {
    // Case-insensitive names first: an exact abbreviation check is only needed when no name fits.
    for (const o of outs[old]!.sort((a, b) => Number(a.exact !== '') - Number(b.exact !== ''))) {
      if (o.rule >= 0) ruleList.push(exact.length, o.rule);
      outputs.push(n, o.term);
      exact.push(o.exact);
    }
  });
  const trie: CompiledTrie = { ids: terms.map((t) => t.id), chars, fanout, outputs, exact };
  if (rules > 0) {
    trie.rules = ruleList;
    trie.sense = buildSense(terms, groups);
  }
  return trie;
}

/** Cue and counter phrases of every ambiguous form, in rule order, as a phrase trie plus index lists. */
function buildSense(terms: readonly MatchableTerm[], groups: CueGroups): CompiledSense {
  const phrases = new Map<string, number>();
  const phrase = (p: string): number => {
    const key = normalizeText(p, true);
    let k = phrases.get(key);
    if (k === undefined) phrases.set(key, (k = phrases.size));
    return k;
  };
  const rules: CompiledSense['rules'] = [];
  const groupIndex = new Map<string, number>();
  const groupList: number[][] = [];
  const group = (name: string): number => {
    let k = groupIndex.get(name);
    if (k === undefined) {
      groupIndex.set(name, (k = groupList.length));
      groupList.push((groups[name] ?? []).map(phrase));
    }
    return k;
  };
  for (const t of terms) {
    for (const f of t.ambiguousForms ?? []) {
      const words = new Set<number>();
      const named = new Set<number>();
      const ids = new Set<string>();
      for (const cue of f.cues ?? t.cues ?? []) {
        if (cue.startsWith('#')) ids.add(cue.slice(1));
        else if (cue.startsWith('@')) named.add(group(cue.slice(1)));
        else words.add(phrase(cue));
      }
      rules.push([[...words], [...named], [...ids], (f.counter ?? []).map(phrase)]);
    }
  }
  // A phrase's id is its index: the trie holds its text already.
  const list = [...phrases.keys()].map((key, i) => ({ id: String(i), term: key, variants: [], abbreviations: [] }));
  const longest = Math.max(0, ...list.map((p) => p.term.length));
  return { phrases: buildTrie(list), rules, groups: groupList, longest };
}

/** The ambiguous form of each sense rule, in rule order (`Match.rule` indexes this list). */
export function ambiguousFormsOf(terms: readonly MatchableTerm[]): { termId: string; form: string }[] {
  return terms.flatMap((t) => (t.ambiguousForms ?? []).map((f) => ({ termId: t.id, form: f.form })));
}

/** Compiles terms into a matcher (build + load); the content script loads a prebuilt trie instead. */
export function compileMatcher(terms: readonly MatchableTerm[], groups: CueGroups = {}): LoadedMatcher {
  return loadMatcher(buildTrie(terms, groups));
}

/**
 * Wraps a built trie for matching. Matching walks the trie only from word starts, so its cost per
 * character depends on the length of the longest term, not on how many terms there are.
 */
export function loadMatcher(trie: CompiledTrie): LoadedMatcher {
  // Decoded with as few loops as the packing allows: on a page this runs cold, once, and each loop
  // over the 13,000 nodes cost about half a millisecond there. Edge characters are read from the string.
  const { chars, fanout, outputs } = trie;
  const nodes = fanout.length;
  const edgeStart = new Int32Array(nodes + 1);
  // Per node, the range of its patterns in outTerm/outExact.
  const outStart = new Int32Array(nodes + 1);
  for (let k = 0; k < outputs.length; k += 2) outStart[outputs[k]! + 1]!++;
  for (let n = 0, e = 0, o = 0; n < nodes; n++) {
    e += fanout.charCodeAt(n) - FANOUT_BASE;
    edgeStart[n + 1] = e;
    o += outStart[n + 1]!;
    outStart[n + 1] = o;
  }
  const outTerm = outputs.filter((_, k) => k % 2 === 1);
  const outExact = trie.exact;
  const outRule = new Int32Array(outExact.length).fill(-1);
  const rules = trie.rules ?? [];
  for (let k = 0; k < rules.length; k += 2) outRule[rules[k]!] = rules[k + 1]!;
  const ids = trie.ids;
  // The root is where every word starts: a direct table for ASCII spares a scan of its edges.
  const rootAscii = new Int32Array(128).fill(-1);
  for (let k = edgeStart[0]!; k < edgeStart[1]!; k++) if (chars.charCodeAt(k) < 128) rootAscii[chars.charCodeAt(k)] = k + 1;

  const child = (node: number, c: number): number => {
    if (node === 0 && c < 128) return rootAscii[c]!;
    for (let k = edgeStart[node]!, end = edgeStart[node + 1]!; k < end; k++) {
      const e = chars.charCodeAt(k);
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
      const raw = text.charCodeAt(j);
      const c = normalizeCode(raw, true);
      if (c === DROP) continue;
      // A dash joins words only between word characters ("weight-bearing"), not as " - ".
      if (isDashCode(raw) && !(isWordCode(text.charCodeAt(j - 1)) && isWordCode(text.charCodeAt(j + 1)))) return;
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
        const rule = outRule[k]!;
        into.push(rule < 0 ? { start, end, termId: ids[outTerm[k]!]! } : { start, end, termId: ids[outTerm[k]!]!, rule });
        break;
      }
    }
  };

  const findAll = (text: string, from = 0, to = text.length): Match[] => {
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
    return candidates;
  };
  const find = (text: string, from = 0, to = text.length): Match[] => resolveOverlaps(findAll(text, from, to));

  return {
    find,
    findAll,
    size: nodes,
    // Read when asked: the bundled trie parses its sense part on first read (glossary-trie-plugin.ts).
    get sense() {
      return trie.sense;
    },
  };
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
