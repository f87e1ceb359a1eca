import { normalizeText } from './normalize';
import type { MatchableTerm } from './matcher';

/**
 * The content script's first question on every page: could this text hold a glossary term at all?
 * Built at build time from the forms that are marked without help from context (a page with only
 * everyday words such as "rest" or "fall" never gets a mark, since those need the health-page gate,
 * which needs unambiguous terms). Answers "maybe" for every text in which the matcher would find
 * such a form (tested as a property), and "no" for almost every page that is not about health.
 *
 * It compares words, not patterns: each word of the text is looked up in a set of forms' first
 * words (up to KEY_WORDS of them, read on from a word that begins a longer key). One big alternation of every form cost 11-15 ms in
 * V8 to compile on each page, more than the whole budget of the first stage.
 */
export interface PrecheckData {
  /** Lower-cased keys, `|`-separated: each a form's first words. */
  keys: string;
  /** The first words of the keys of several words, `|`-separated (read on with the next words). */
  prefixes: string;
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
  const keys = new Set<string>();
  const prefixes = new Set<string>();
  // Sorted, so "back" comes before "back pain".
  for (const key of all) {
    const ws = key.split(' ');
    if (ws.some((_, i) => keys.has(ws.slice(0, i + 1).join(' ')))) continue;
    if (ws.length > 1) prefixes.add(ws[0]!);
    keys.add(key);
  }
  return { keys: [...keys].join('|'), prefixes: [...prefixes].join('|') };
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

interface KeySets {
  keys: Set<string>;
  prefixes: Set<string>;
}

function hasForm(tokens: readonly string[], sets: KeySets): boolean {
  for (let i = 0; i < tokens.length; i++) {
    let key = tokens[i]!;
    if (sets.keys.has(key)) return true;
    if (!sets.prefixes.has(key)) continue;
    for (let j = i + 1; j < i + KEY_WORDS && j < tokens.length; j++) {
      key = `${key} ${tokens[j]}`;
      if (sets.keys.has(key)) return true;
    }
  }
  return false;
}

/**
 * The precheck of `data` (or of its JSON text): whether a text may hold one of its forms. The sets
 * are built on first use by the Set constructor from one split each (native code): a loop that
 * added the words one by one ran cold on every page, 1-4 ms.
 */
export function loadPrecheck(data: PrecheckData | string): (text: string) => boolean {
  let sets: KeySets | undefined;
  const load = (): KeySets => {
    const d: PrecheckData = typeof data === 'string' ? (JSON.parse(data) as PrecheckData) : data;
    return { keys: new Set(d.keys ? d.keys.split('|') : []), prefixes: new Set(d.prefixes.split('|')) };
  };
  return (text) => {
    sets ??= load();
    // A soft hyphen sits inside a word (the matcher drops it).
    const plain = text.includes('\u00ad') ? text.replaceAll('\u00ad', '') : text;
    return hasForm(plain.toLowerCase().split(NOT_WORD), sets);
  };
}
