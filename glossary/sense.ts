/**
 * The sense check: whether an ambiguous form ("fall", "CT", "fracture" alone) is used in its health
 * sense where it stands. PURE: no DOM, no browser.
 */
import { loadMatcher, type CompiledSense, type LoadedMatcher } from './matcher';
import type { Match } from './types';

/** Where a cue must occur: the form's sentence, or anywhere in its block (what textRuns yields as one run). */
export type SenseWindow = 'sentence' | 'block';

/**
 * The window the content script uses. Measured on the sense corpus (tests/glossary/sense-corpus):
 * see scripts/glossary-report.ts, which prints precision and recall for both.
 */
export const SENSE_WINDOW: SenseWindow = 'block';

/** Characters a window reaches either side of the form at most, so a 5 MB text node costs no more. */
const MAX_REACH = 600;

/** Words before a full stop that do not end a sentence ("e.g.", "Dr.", an initial). */
const NOT_AN_END = /(?:^|[^\p{L}])(?:e\.g|i\.e|[ap]\.m|etc|vs|approx|Dr|Mr|Mrs|Ms|St|No|Fig|\p{Lu})$/u;

export interface SenseCheck {
  /**
   * The matches of one block that stand, in order: every match of an unambiguous form, and each
   * ambiguous one that no counter-phrase covers and that has a cue in its window.
   */
  standing(text: string, matches: readonly Match[]): Match[];
}

/**
 * A sense check over compiled cues and counters. The phrase trie is loaded on the first ambiguous
 * match, so a page without any pays nothing for it.
 */
export function createSenseCheck(
  source: CompiledSense | undefined | (() => CompiledSense | undefined),
  window: SenseWindow = SENSE_WINDOW,
): SenseCheck {
  // A function is read on the first ambiguous match only (the bundled trie parses its cues then).
  const senseOf = typeof source === 'function' ? source : () => source;
  let phrases: { matcher: LoadedMatcher; cues: number[][] } | undefined;
  // Each rule's cue phrases with its groups' phrases, resolved once.
  const load = (s: CompiledSense): NonNullable<typeof phrases> =>
    (phrases ??= {
      matcher: loadMatcher(s.phrases),
      cues: s.rules.map(([words, named]) => [...words, ...named.flatMap((g) => s.groups[g] ?? [])]),
    });

  return {
    standing(text, matches) {
      if (!matches.some((m) => m.rule !== undefined)) return matches as Match[];
      const sense = senseOf();
      if (!sense) return matches.filter((m) => m.rule === undefined);
      const { matcher, cues: cuesOf } = load(sense);
      const windows = new Map<Match, [number, number]>();
      let from = text.length;
      let to = 0;
      for (const m of matches) {
        if (m.rule === undefined) continue;
        const w = window === 'sentence' ? sentenceAround(text, m.start, m.end) : reach(text, m.start, m.end);
        windows.set(m, w);
        from = Math.min(from, w[0]);
        to = Math.max(to, w[1]);
      }
      // One pass over the span of all windows finds every cue and counter phrase in it; a counter
      // may start before the window ("7 p.m. CT" when "p.m." ended the sentence).
      const found = new Map<number, Match[]>();
      for (const p of matcher.findAll(text, Math.max(0, from - sense.longest), to)) {
        const k = Number(p.termId);
        const list = found.get(k);
        if (list) list.push(p);
        else found.set(k, [p]);
      }
      const vetoed = (m: Match, counters: readonly number[]): boolean =>
        counters.some((k) => found.get(k)?.some((p) => p.start <= m.start && p.end >= m.end));
      const cued = (m: Match, cues: readonly number[], [ws, we]: [number, number]): boolean =>
        cues.some((k) => found.get(k)?.some((p) => p.start >= ws && p.end <= we && (p.end <= m.start || p.start >= m.end)));

      // Phrase cues and counters decide most forms; `#id` cues need the block's other marks, and a
      // mark confirmed that way may confirm another ("cast" by "#fracture"), so repeat until still.
      const stands = new Set<Match>(matches.filter((m) => m.rule === undefined));
      const open: Match[] = [];
      for (const [m, w] of windows) {
        const counters = sense.rules[m.rule!]![3];
        if (vetoed(m, counters)) continue;
        if (cued(m, cuesOf[m.rule!]!, w)) stands.add(m);
        else open.push(m);
      }
      for (let grew = true; grew && open.length;) {
        grew = false;
        for (let i = open.length - 1; i >= 0; i--) {
          const m = open[i]!;
          const ids = sense.rules[m.rule!]![2];
          const [ws, we] = windows.get(m)!;
          const near = (o: Match): boolean => o !== m && stands.has(o) && ids.includes(o.termId) && o.start >= ws && o.end <= we;
          if (ids.length && matches.some(near)) {
            stands.add(m);
            open.splice(i, 1);
            grew = true;
          }
        }
      }
      return matches.filter((m) => stands.has(m));
    },
  };
}

/** The window of `[start, end)` in a block: the block, up to MAX_REACH characters either side. */
function reach(text: string, start: number, end: number): [number, number] {
  return [Math.max(0, start - MAX_REACH), Math.min(text.length, end + MAX_REACH)];
}

/** Whether a sentence ends with the character at `i` (a full stop, ! or ? before a space or the end). */
function endsSentence(text: string, i: number): boolean {
  const c = text[i];
  if (c !== '.' && c !== '!' && c !== '?') return false;
  const next = text.charCodeAt(i + 1);
  if (!(i + 1 >= text.length || next === 32 || next === 10 || next === 9 || next === 0xa0)) return false;
  return c !== '.' || !NOT_AN_END.test(text.slice(Math.max(0, i - 8), i));
}

/** The sentence around `[start, end)`, up to MAX_REACH characters either side. */
export function sentenceAround(text: string, start: number, end: number): [number, number] {
  const [lo, hi] = reach(text, start, end);
  let s = start;
  while (s > lo && !endsSentence(text, s - 1)) s--;
  let e = end;
  while (e < hi && !endsSentence(text, e)) e++;
  return [s, Math.min(hi, e + 1)];
}
