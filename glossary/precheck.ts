import { normalizeText } from './normalize';
import type { MatchableTerm } from './matcher';

/**
 * The content script's first question on every page: could this text hold a glossary term at all?
 * Built at build time from the forms that are marked without help from context (a page with only
 * everyday words such as "rest" or "fall" never gets a mark, since those need the health-page gate,
 * which needs unambiguous terms). Answers "maybe" for every text in which the matcher would find
 * such a form (tested as a property), and "no" for almost every page that is not about health.
 */
export interface PrecheckData {
  /** Regular expression source: case-insensitive names, one trie of alternatives. */
  names: string;
  /** Regular expression source: case-sensitive abbreviations. */
  abbreviations: string;
}

/** Separators that the matcher treats alike between the words of a form. */
const GAP = '[\\s\\-\\u2010\\u2011\\u2013]+';
const APOSTROPHE = "['\\u2018\\u2019\\u02bc\\uff07]";

const escapeChar = (c: string): string => (/[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c);

interface Node {
  kids: Map<string, Node>;
  end: boolean;
}

/** One alternation per trie level, so the engine tries each shared prefix once. */
function trieSource(keys: readonly string[]): string {
  const root: Node = { kids: new Map(), end: false };
  for (const key of keys) {
    let node = root;
    for (const c of key) {
      let next = node.kids.get(c);
      if (!next) node.kids.set(c, (next = { kids: new Map(), end: false }));
      node = next;
    }
    node.end = true;
  }
  const emit = (node: Node): string => {
    // A key ending here makes every longer key redundant: the check only needs a prefix.
    if (node.end) return '';
    const alts = [...node.kids].sort(([a], [b]) => (a < b ? -1 : 1)).map(([c, kid]) => piece(c) + emit(kid));
    return alts.length === 1 ? alts[0]! : `(?:${alts.join('|')})`;
  };
  return emit(root);
}

// A gap and an apostrophe stay one character in the shipped data and are expanded on load.
const piece = (c: string): string => (c === ' ' || c === "'" ? c : escapeChar(c));
const expand = (source: string): string => source.replaceAll(' ', GAP).replaceAll("'", APOSTROPHE);

/**
 * The form as the precheck sees it: normalised like the matcher, hyphens as gaps. Only the first
 * `MAX_KEY` characters are kept: enough to tell "vertebral compression" from "vertebrate", and a
 * shorter pattern ships in the start-up script.
 */
export const MAX_KEY = 14;

function key(form: string): string {
  const k = normalizeText(form, true).replace(/[\s\-\u2010\u2011\u2013]+/g, ' ');
  return k.length > MAX_KEY ? k.slice(0, MAX_KEY) : k;
}

/** Builds the precheck from the forms that can be marked on any page (build time). */
export function buildPrecheck(
  terms: readonly MatchableTerm[],
  marksAlone: (term: MatchableTerm, form: string) => boolean,
): PrecheckData {
  const names = new Set<string>();
  const abbreviations = new Set<string>();
  for (const t of terms) {
    for (const f of [t.term, ...t.variants]) if (marksAlone(t, f)) names.add(key(f));
    for (const a of t.abbreviations) if (marksAlone(t, a)) abbreviations.add(normalizeText(a, false));
  }
  names.delete('');
  abbreviations.delete('');
  return {
    names: trieSource([...names].sort()),
    abbreviations: trieSource([...abbreviations].sort()),
  };
}

const WORD = /[\p{L}\p{N}\p{M}]/u;

/**
 * Compiles the precheck. The patterns carry no word boundary (a lookbehind at every position cost
 * 8x more in V8): a hit is confirmed to start a word here, and hits are rare on other pages.
 */
export function loadPrecheck(data: PrecheckData): (text: string) => boolean {
  let names: RegExp | undefined;
  let abbreviations: RegExp | undefined;
  const hitAtWordStart = (re: RegExp, text: string): boolean => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m.index === 0 || !WORD.test(text[m.index - 1]!)) return true;
      re.lastIndex = m.index + 1;
    }
    return false;
  };
  return (text) => {
    // Compiled on first use: a frame that stops before reading text never pays for it.
    names ??= data.names ? new RegExp(expand(data.names), 'gi') : /(?!)/g;
    abbreviations ??= data.abbreviations ? new RegExp(expand(data.abbreviations), 'g') : /(?!)/g;
    const plain = text.includes('\u00ad') ? text.replaceAll('\u00ad', '') : text;
    return hitAtWordStart(names, plain) || hitAtWordStart(abbreviations, plain);
  };
}
