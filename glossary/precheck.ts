import { normalizeText } from './normalize';
import type { MatchableTerm } from './matcher';

/**
 * The first question about every page: could its text hold a glossary term at all? The first stage
 * asks it of the background (entrypoints/background.ts), so the word work runs there.
 * Built at build time from the forms that are marked without help from context (a page with only
 * everyday words such as "rest" or "fall" never gets a mark, since those need the health-page gate,
 * which needs unambiguous terms). Answers "maybe" for every text in which the matcher would find
 * such a form (tested as a property), and "no" for almost every page that is not about health.
 *
 * It compares words, not patterns (one big alternation of every form cost 11-15 ms in V8 to compile
 * on each page, more than the whole budget of the first stage), and it looks words up from the
 * glossary's side: the text's words go into one Set (built natively), then each key word of the
 * glossary is looked up there, a few hundred lookups whatever the page's length. Looking each of
 * the page's words up in the glossary's sets instead ran a cold loop over every word, 2-4 ms.
 */
export interface PrecheckData {
  /** Lower-cased keys of one word, `|`-separated. */
  words: string;
  /** The first words of the keys of several words, `|`-separated. */
  prefixes: string;
  /** The keys of several words, one line per first word, each key without it: `\nback|pain|brace\n`. */
  phrases: string;
}

/**
 * A key is a form's words, at most this many: "loss of" or "wear and tear" alone would wake the
 * engine on most pages; "loss of bladder control" and "wear and tear arthritis" do not.
 */
const KEY_WORDS = 4;

/**
 * Words are runs of ASCII letters and digits. Any other character splits the text and the forms
 * alike ("Kümmell" is "k" + "mmell" on both sides), so a form the matcher finds, bounded by
 * characters that are not its word characters, is always found here: a finer split only adds
 * "maybe"s. One plain class splits text three times faster than Unicode's letter classes.
 */
const NOT_WORD = /[^a-z0-9]+/;

const words = (s: string): string[] => s.toLowerCase().split(NOT_WORD).filter(Boolean);

/** The first words of a form that the precheck looks for. */
const keyWords = (form: string): string[] => words(form).slice(0, KEY_WORDS);

/** A shorter key makes the longer ones that begin with it redundant. */
function encode(forms: Iterable<string>): PrecheckData {
  const all = [...new Set([...forms].map((f) => keyWords(f).join(' ')))].filter(Boolean).sort();
  const single: string[] = [];
  const byFirst = new Map<string, string[]>();
  const kept = new Set<string>();
  // Sorted, so "back" comes before "back pain".
  for (const key of all) {
    const ws = key.split(' ');
    if (ws.some((_, i) => kept.has(ws.slice(0, i + 1).join(' ')))) continue;
    kept.add(key);
    if (ws.length === 1) single.push(key);
    else byFirst.set(ws[0]!, [...(byFirst.get(ws[0]!) ?? []), ws.slice(1).join(' ')]);
  }
  const lines = [...byFirst].map(([first, keys]) => [first, ...keys].join('|'));
  return { words: single.join('|'), prefixes: [...byFirst.keys()].join('|'), phrases: `\n${lines.join('\n')}\n` };
}

/**
 * Builds the precheck from the forms that can be marked on any page (build time). Abbreviations
 * are compared without case here ("BMD" and "bmd"): the engine checks their case.
 */
export function buildPrecheck(
  terms: readonly MatchableTerm[],
  marksAlone: (term: MatchableTerm, form: string) => boolean,
): PrecheckData {
  const forms: string[] = [];
  for (const t of terms)
    for (const f of [t.term, ...t.variants, ...t.abbreviations]) if (marksAlone(t, f)) forms.push(normalizeText(f, false));
  return encode(forms);
}

/**
 * Whether `joined` (the text's words, each between single spaces) holds a key of several words that
 * begins with `first`: each place the word stands is read on, word by word, up to KEY_WORDS, and
 * what follows it is compared with the rest of each such key.
 */
function hasPhrase(joined: string, first: string, phrases: string): boolean {
  const at = phrases.indexOf(`\n${first}|`);
  if (at < 0) return false;
  const keys = phrases.slice(at + first.length + 2, phrases.indexOf('\n', at + 1)).split('|');
  const needle = ` ${first} `;
  for (let i = joined.indexOf(needle); i >= 0; i = joined.indexOf(needle, i + needle.length - 1)) {
    let end = i + needle.length - 1;
    for (let n = 1; n < KEY_WORDS; n++) {
      end = joined.indexOf(' ', end + 1);
      if (end < 0) break;
      if (keys.includes(joined.slice(i + needle.length, end))) return true;
    }
  }
  return false;
}

/** The precheck's data, split once: the key words as lists, the phrases as their one string. */
interface Loaded {
  words: string[];
  prefixes: string[];
  phrases: string;
}

function hasKey(text: string, data: Loaded): boolean {
  // A soft hyphen sits inside a word (the matcher drops it).
  const plain = text.includes('\u00ad') ? text.replaceAll('\u00ad', '') : text;
  const tokens = plain.toLowerCase().split(NOT_WORD);
  const seen = new Set(tokens);
  for (const w of data.words) if (seen.has(w)) return true;
  let joined: string | undefined;
  for (const first of data.prefixes) {
    if (!seen.has(first)) continue;
    joined ??= ` ${tokens.join(' ')} `;
    if (hasPhrase(joined, first, data.phrases)) return true;
  }
  return false;
}

/** The precheck of `data` (split on first use): whether a text may hold one of its forms. */
export function loadPrecheck(data: PrecheckData): (text: string) => boolean {
  let loaded: Loaded | undefined;
  const load = (): Loaded => ({ words: data.words.split('|'), prefixes: data.prefixes.split('|'), phrases: data.phrases });
  return (text) => hasKey(text, (loaded ??= load()));
}
