/**
 * Quick-reference search over glossary names, variants and abbreviations. PURE: no DOM, no browser.
 *
 * Hand-written rather than MiniSearch: with under a thousand short keys a linear scan answers in
 * microseconds, and it ranks in the tiers a reader expects (exact, then starts-with, then word
 * start, then one typo) instead of by BM25 relevance, with transpositions ("kpyhosis") as one typo.
 */
import { normalizeText } from './normalize';
import type { Term } from './types';

/** How a hit matched, best first; hits are sorted by this tier before anything else. */
export const Tier = {
  /** The whole name, variant or abbreviation ("kyphosis", "VCF"). */
  Exact: 0,
  /** The start of one ("kypho" -> kyphosis, kyphoplasty). */
  Prefix: 1,
  /** The start of a later word in one ("fracture" -> hip fracture). */
  WordPrefix: 2,
  /** One typo away (two for long queries) from one, or from its start ("kyphosys"). */
  Fuzzy: 3,
} as const;
export type Tier = (typeof Tier)[keyof typeof Tier];

export interface SearchHit {
  term: Term;
  tier: Tier;
  /** The name, variant or abbreviation that matched, as written in the data. */
  matched: string;
}

interface Key {
  term: Term;
  text: string;
  /** 0 name, 1 variant, 2 abbreviation: a tie-breaker, so a name beats a variant that matches as well. */
  field: number;
  /** Folded form without spaces or punctuation ("x-ray" and "xray" are one key). */
  compact: string;
  /** `compact` from each later word on ("vertebralcompressionfracture" -> "compressionfracture", "fracture"). */
  tails: string[];
}

export interface SearchIndex {
  readonly keys: readonly Key[];
}

/** Queries longer than any glossary name cannot match; cutting them keeps a pasted page cheap. */
const MAX_QUERY = 100;
/** Below this many letters a typo would match half the glossary ("bon" ~ "bone", "ion", ...). */
const FUZZY_MIN = 4;
/** From this many letters on, two typos are allowed ("osteoporsois"). */
const FUZZY_TWO = 10;

/**
 * Folds a string for comparison: case, accents (NFD, marks dropped), typographic apostrophes and
 * soft hyphens (shared with the matcher), then splits into words of letters and digits.
 */
export function foldWords(s: string): string[] {
  const folded = normalizeText(s.normalize('NFD').replace(/\p{M}+/gu, ''), true);
  return folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Builds the index once per glossary; `search` then runs on every keystroke. */
export function createSearchIndex(terms: readonly Term[]): SearchIndex {
  const keys: Key[] = [];
  for (const term of terms) {
    const texts: [string, number][] = [
      [term.term, 0],
      ...term.variants.map((v): [string, number] => [v, 1]),
      ...term.abbreviations.map((a): [string, number] => [a, 2]),
    ];
    for (const [text, field] of texts) {
      const words = foldWords(text);
      if (words.length === 0) continue;
      keys.push({ term, text, field, compact: words.join(''), tails: words.slice(1).map((_, i) => words.slice(i + 1).join('')) });
    }
  }
  return { keys };
}

/**
 * Glossary entries matching `query`, best first, one hit per entry. Any input is safe: regex
 * characters are plain text, emoji and punctuation are ignored, and an empty query finds nothing.
 */
export function search(index: SearchIndex, query: string, limit = Infinity): SearchHit[] {
  const q = foldWords(String(query).slice(0, MAX_QUERY)).join('');
  if (!q) return [];
  const maxEdits = q.length >= FUZZY_TWO ? 2 : q.length >= FUZZY_MIN ? 1 : 0;
  const best = new Map<string, { hit: SearchHit; score: number; key: Key }>();
  for (const key of index.keys) {
    const scored = rank(key, q, maxEdits);
    if (scored === undefined) continue;
    const prev = best.get(key.term.id);
    if (!prev || scored.score < prev.score || (scored.score === prev.score && key.field < prev.key.field)) {
      best.set(key.term.id, { hit: { term: key.term, tier: scored.tier, matched: key.text }, score: scored.score, key });
    }
  }
  return [...best.values()]
    .sort(
      (a, b) =>
        a.score - b.score ||
        a.key.field - b.key.field ||
        a.key.compact.length - b.key.compact.length ||
        a.hit.term.term.localeCompare(b.hit.term.term, 'en'),
    )
    .slice(0, limit)
    .map((s) => s.hit);
}

/** Tier and a finer score (tier * 10 + edits) for one key, or undefined when it does not match. */
function rank(key: Key, q: string, maxEdits: number): { tier: Tier; score: number } | undefined {
  const { compact, tails } = key;
  if (compact === q) return { tier: Tier.Exact, score: 0 };
  if (compact.startsWith(q)) return { tier: Tier.Prefix, score: 10 };
  if (tails.some((t) => t.startsWith(q))) return { tier: Tier.WordPrefix, score: 20 };
  if (maxEdits === 0) return undefined;
  let whole = Infinity;
  let start = Infinity;
  for (const s of [compact, ...tails]) {
    whole = Math.min(whole, editDistance(q, s, maxEdits));
    // Its start too, so a typo made while still typing ("osteopr") finds the entry; ranked after.
    if (s.length > q.length) start = Math.min(start, editDistance(q, s.slice(0, q.length), maxEdits));
  }
  if (whole <= maxEdits) return { tier: Tier.Fuzzy, score: 30 + whole };
  if (start <= maxEdits) return { tier: Tier.Fuzzy, score: 30.5 + start };
  return undefined;
}

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions), or `max + 1` as
 * soon as it must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return Math.min(prev[n]!, max + 1);
}
