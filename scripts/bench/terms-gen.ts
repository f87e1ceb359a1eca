import type { MatchableTerm } from '../../glossary/matcher';

/** Small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ONSETS = [
  'b',
  'd',
  'f',
  'g',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'z',
  'br',
  'dr',
  'gl',
  'kr',
  'pl',
  'st',
  'tr',
  'th',
  'sh',
  'ch',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou', 'ea', 'io'];
const CODAS = ['', '', '', 'n', 'r', 's', 'l', 'x', 'm', 'nd', 'rt'];

/** A pronounceable made-up word of 2-4 syllables ("dravoulix", "plimenta"). */
export function fakeWord(rand: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  let w = '';
  const syllables = 2 + Math.floor(rand() * 3);
  for (let s = 0; s < syllables; s++) w += pick(ONSETS) + pick(VOWELS) + (s === syllables - 1 ? pick(CODAS) : '');
  return w;
}

/**
 * `count` generated glossary entries with a fixed seed: `occurring` (phrases known to be on the page)
 * first, then random pronounceable multi-word terms (2-3 made-up words, each with a plural variant)
 * that do not occur in any real text.
 */
export function generatedTerms(count: number, occurring: readonly string[] = [], seed = 20261130): MatchableTerm[] {
  const rand = rng(seed);
  const out: MatchableTerm[] = occurring
    .slice(0, count)
    .map((term, i) => ({ id: `occurs-${i}`, term, variants: [], abbreviations: [] }));
  const seen = new Set(out.map((t) => t.term));
  while (out.length < count) {
    const words = 2 + Math.floor(rand() * 2);
    const term = Array.from({ length: words }, () => fakeWord(rand)).join(rand() < 0.1 ? '-' : ' ');
    if (seen.has(term)) continue;
    seen.add(term);
    out.push({ id: `gen-${out.length}`, term, variants: [`${term}s`], abbreviations: [] });
  }
  return out;
}
