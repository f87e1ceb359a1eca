/**
 * EXPERIMENT (profiling only, not used by the extension): a self-contained copy of the packed-trie
 * matcher in glossary/matcher.ts (as of 2026-11-30), with one change under test: instead of a JS
 * loop over every character to find word starts, a native RegExp finds the word starts whose first
 * two normalised characters begin some glossary form, and the trie is walked only from those.
 * Results must equal compileMatcher's (checked by the `exp:find-equal` experiment).
 */
import type { MatchableTerm, Matcher } from '../../glossary/matcher';
import { DROP, isWordCode, normalizeCode, normalizeText, SPACE } from '../../glossary/normalize';
import type { Match } from '../../glossary/types';

interface Trie {
  ids: string[];
  edgeStart: Int32Array;
  edgeChar: Uint16Array;
  outStart: Int32Array;
  outTerm: number[];
  outExact: string[];
  keys: string[];
}

function build(terms: readonly MatchableTerm[]): Trie {
  const kids: Map<number, number>[] = [new Map()];
  const outs: { term: number; exact: string }[][] = [[]];
  const keys: string[] = [];
  const insert = (form: string, term: number, exact: string): void => {
    const key = normalizeText(form, true);
    if (key === '') return;
    keys.push(key);
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
  const order: number[] = [0];
  const fan: number[] = [];
  const chars: number[] = [];
  for (let q = 0; q < order.length; q++) {
    const edges = [...kids[order[q]!]!].sort((a, b) => a[0] - b[0]);
    fan.push(edges.length);
    for (const [c, next] of edges) {
      chars.push(c);
      order.push(next);
    }
  }
  const nodes = fan.length;
  const edgeStart = new Int32Array(nodes + 1);
  for (let n = 0; n < nodes; n++) edgeStart[n + 1] = edgeStart[n]! + fan[n]!;
  const outStart = new Int32Array(nodes + 1);
  const outTerm: number[] = [];
  const outExact: string[] = [];
  order.forEach((old, n) => {
    const list = outs[old]!.sort((a, b) => Number(a.exact !== '') - Number(b.exact !== ''));
    outStart[n + 1] = list.length;
    for (const o of list) {
      outTerm.push(o.term);
      outExact.push(o.exact);
    }
  });
  for (let n = 0; n < nodes; n++) outStart[n + 1]! += outStart[n]!;
  return { ids: terms.map((t) => t.id), edgeStart, edgeChar: Uint16Array.from(chars), outStart, outTerm, outExact, keys };
}

/** A regex source for one normalised character: spaces, apostrophes and hyphens as their classes. */
function charSource(c: number): string {
  if (c === SPACE) return '[\\t\\n\\f\\r \\u00a0\\u2007\\u202f\\u2002\\u2003\\u2009\\u200a\\u3000]';
  if (c === 39) return "['\\u2018\\u2019\\u02bc\\uff07]";
  if (c === 45) return '[\\-\\u2010\\u2011]';
  const ch = String.fromCharCode(c);
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

/**
 * A regex that matches at word starts followed by the first `depth` characters of some key,
 * written as a trie (a(?:b|c)|d(?:…)) so the engine dispatches on one character at a time.
 */
export function prefixRegExp(keys: readonly string[], depth: number): RegExp {
  interface N {
    kids: Map<number, N>;
    end: boolean;
  }
  const root: N = { kids: new Map(), end: false };
  for (const k of keys) {
    let n = root;
    const p = k.slice(0, depth);
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      let next = n.kids.get(c);
      if (!next) n.kids.set(c, (next = { kids: new Map(), end: false }));
      n = next;
    }
    // A key shorter than the depth is a whole word: it must end there.
    if (p.length < depth) n.end = true;
  }
  const src = (n: N): string => {
    const alts = [...n.kids].sort((a, b) => a[0] - b[0]).map(([c, k]) => charSource(c) + (k.kids.size || k.end ? src(k) : ''));
    if (n.end) alts.push('(?![\\p{L}\\p{N}\\p{M}])');
    if (alts.length === 0) return '';
    return alts.length === 1 ? alts[0]! : `(?:${alts.join('|')})`;
  };
  return new RegExp(`(?<![\\p{L}\\p{N}\\p{M}\\u00ad])${src(root)}`, 'giu');
}

export function compileFast(terms: readonly MatchableTerm[], depth = 2): Matcher & { regex: RegExp } {
  const t = build(terms);
  const { edgeStart, edgeChar, outStart, outTerm, outExact, ids } = t;
  const regex = prefixRegExp(t.keys, depth);
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
  /** The project's loop: every character in JS. Used for runs with soft hyphens (DROP chars). */
  const slowFind = (text: string, into: Match[]): void => {
    const n = text.length;
    let i = 0;
    while (i < n) {
      while (i < n && !isWordCode(text.charCodeAt(i))) i++;
      if (i >= n) break;
      if (child(0, normalizeCode(text.charCodeAt(i), true)) >= 0) walk(text, i, into);
      while (i < n && isWordCode(text.charCodeAt(i))) i++;
    }
  };
  const find = (text: string): Match[] => {
    const candidates: Match[] = [];
    if (text.indexOf('\u00ad') >= 0) slowFind(text, candidates);
    else {
      regex.lastIndex = 0;
      // Only word starts that begin some form reach JS; the scan between them is native.
      for (let m = regex.exec(text); m; m = regex.exec(text)) {
        walk(text, m.index, candidates);
        // A prefix with a space in it ("a s") may have consumed the next word's start.
        regex.lastIndex = m.index + 1;
      }
    }
    return resolveOverlaps(candidates);
  };
  return { find, size: edgeChar.length + 1, regex };
}

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

/**
 * EXPERIMENT: a page-level precheck. One case-insensitive regex (written as a trie) of every form of
 * the *unambiguous* terms, with no word boundaries, run over document.body.textContent. If it finds
 * nothing, the scanner cannot mark anything (ambiguous terms are only marked on pages with ≥ 3
 * unambiguous ones), so the walk can be skipped. Conservative: textContent also holds skipped
 * elements' text, and no boundary is required (block edges are glued together in textContent).
 * Abbreviations are matched case-sensitively, as the scanner does. Not covered: open shadow roots
 * (not in textContent) and soft hyphens (checked with indexOf; the scan then runs as usual).
 */
export function presenceRegExp(
  terms: readonly (MatchableTerm & { ambiguous?: boolean })[],
  split = false,
): RegExp | [RegExp, RegExp] {
  interface N {
    kids: Map<number, N>;
    end: boolean;
  }
  const root: N = { kids: new Map(), end: false };
  const abbreviations = new Set<string>();
  for (const t of terms) {
    if (t.ambiguous) continue;
    for (const a of t.abbreviations) abbreviations.add(normalizeText(a, false));
    for (const f of [t.term, ...t.variants]) {
      const k = normalizeText(f, true);
      let n = root;
      for (let i = 0; i < k.length; i++) {
        const c = k.charCodeAt(i);
        let next = n.kids.get(c);
        if (!next) n.kids.set(c, (next = { kids: new Map(), end: false }));
        n = next;
      }
      n.end = true;
    }
  }
  const src = (n: N): string => {
    // A form that ends here is enough: longer forms through this node need not be spelled out.
    if (n.end) return '';
    const alts = [...n.kids]
      .sort((a, b) => a[0] - b[0])
      .map(([c, k]) => (c === SPACE ? `${charSource(c)}+` : charSource(c)) + src(k));
    return alts.length === 1 ? alts[0]! : `(?:${alts.join('|')})`;
  };
  const abbr = [...abbreviations].map((a) => [...a].map((ch) => charSource(ch.charCodeAt(0))).join(''));
  // split: names as a plain case-sensitive regex for text lower-cased natively beforehand (no
  // per-character case folding in the engine), abbreviations as a second small regex.
  if (split) return [new RegExp(src(root)), new RegExp(abbr.join('|'))];
  return new RegExp(`${src(root)}|(?-i:${abbr.join('|')})`, 'iu');
}

/**
 * EXPERIMENT: the project's matching loop with table lookups instead of calls for ASCII characters
 * (word test and case fold), and no allocation for runs without candidates. Same trie and walk.
 */
export function compileTable(terms: readonly MatchableTerm[]): Matcher {
  const t = build(terms);
  const { edgeStart, edgeChar, outStart, outTerm, outExact, ids } = t;
  // ASCII: 0 = not a word char, else the folded code (letters lower-cased, digits as is).
  const FOLD = new Uint8Array(128);
  for (let c = 48; c <= 57; c++) FOLD[c] = c;
  for (let c = 97; c <= 122; c++) FOLD[c] = c;
  for (let c = 65; c <= 90; c++) FOLD[c] = c + 32;
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
  const word = (c: number): boolean => (c < 128 ? FOLD[c]! !== 0 : isWordCode(c));
  const walk = (text: string, start: number, into: Match[]): void => {
    let node = 0;
    let prevSpace = false;
    for (let j = start; j < text.length; j++) {
      const raw = text.charCodeAt(j);
      let c: number;
      if (raw < 128) {
        c = FOLD[raw]!;
        if (c === 0) c = raw === 9 || raw === 10 || raw === 12 || raw === 13 ? SPACE : raw;
      } else c = normalizeCode(raw, true);
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
      if (end < text.length && word(text.charCodeAt(end))) continue;
      for (let k = o0; k < o1; k++) {
        const exact = outExact[k]!;
        if (exact !== '' && normalizeText(text.slice(start, end), false) !== exact) continue;
        into.push({ start, end, termId: ids[outTerm[k]!]! });
        break;
      }
    }
  };
  const NONE: Match[] = [];
  const find = (text: string): Match[] => {
    let candidates: Match[] | undefined;
    const n = text.length;
    let i = 0;
    while (i < n) {
      let c = text.charCodeAt(i);
      while (!(c < 128 ? FOLD[c]! !== 0 : isWordCode(c))) {
        if (++i >= n) break;
        c = text.charCodeAt(i);
      }
      if (i >= n) break;
      const first = c < 128 ? rootAscii[FOLD[c]!]! : child(0, normalizeCode(c, true));
      if (first >= 0) walk(text, i, (candidates ??= []));
      i++;
      while (i < n && word(text.charCodeAt(i))) i++;
    }
    return candidates ? resolveOverlaps(candidates) : NONE;
  };
  return { find, size: edgeChar.length + 1 };
}
