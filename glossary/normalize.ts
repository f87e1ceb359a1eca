/**
 * Character normalisation shared by the matcher and the search: both must agree that
 * "vertebra’s", "vertebra's" and "verte\u00ADbra's" are the same word.
 */

/** Returned by `normalizeCode` for characters that are dropped (soft hyphens). */
export const DROP = -1;
/** Any run of whitespace is matched as one space. */
export const SPACE = 32;

const foldCache = new Map<number, number>();

function foldUnicode(c: number): number {
  let f = foldCache.get(c);
  if (f === undefined) {
    const lower = String.fromCharCode(c).toLowerCase();
    // Some letters lower-case to two code units (U+0130); they keep their own code.
    f = lower.length === 1 ? lower.charCodeAt(0) : c;
    foldCache.set(c, f);
  }
  return f;
}

/**
 * Whether a code unit is a hyphen or an en dash (-, U+2010, U+2011, U+2013): between letters it is
 * matched as a space, so "weight-bearing", "weight bearing" and "weight‑bearing" are one form.
 */
export function isDashCode(c: number): boolean {
  return c === 45 || c === 0x2010 || c === 0x2011 || c === 0x2013;
}

/**
 * Maps one UTF-16 code unit to its matching form: typographic apostrophes to ', non-breaking and
 * other spaces, hyphens and en dashes to SPACE, soft hyphens to DROP. With `fold`, letters are
 * lower-cased. (The matcher treats a dash as a space only between word characters.)
 */
export function normalizeCode(c: number, fold: boolean): number {
  if (c < 128) {
    if (fold && c >= 65 && c <= 90) return c + 32;
    if (c === 9 || c === 10 || c === 12 || c === 13 || c === 45) return SPACE;
    return c;
  }
  switch (c) {
    case 0x00ad: // soft hyphen: invisible, splits a word only for line breaking
      return DROP;
    case 0x2018:
    case 0x2019:
    case 0x02bc:
    case 0xff07:
      return 39;
    case 0x00a0:
    case 0x2007:
    case 0x202f:
    case 0x2002:
    case 0x2003:
    case 0x2009:
    case 0x200a:
    case 0x3000:
      return SPACE;
    case 0x2010:
    case 0x2011:
    case 0x2013:
      return SPACE;
    default:
      return fold ? foldUnicode(c) : c;
  }
}

/** The normalised form of a whole string: whitespace and dashes collapsed to one space, soft hyphens dropped. */
export function normalizeText(s: string, fold: boolean): string {
  let out = '';
  let prevSpace = true;
  for (let i = 0; i < s.length; i++) {
    const c = normalizeCode(s.charCodeAt(i), fold);
    if (c === DROP) continue;
    if (c === SPACE) {
      if (prevSpace) continue;
      prevSpace = true;
    } else prevSpace = false;
    out += String.fromCharCode(c);
  }
  return prevSpace && out.endsWith(' ') ? out.slice(0, -1) : out;
}

const wordCache = new Map<number, boolean>();
const WORD = /[\p{L}\p{N}\p{M}]/u;

/** Whether a code unit is part of a word (Unicode letters, digits and combining marks). */
export function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c === 0x00ad) return true; // a soft hyphen sits inside a word
  if (c === 0xe000) return true; // the scanner's stand-in for hidden word characters
  let w = wordCache.get(c);
  if (w === undefined) {
    // Surrogate halves are treated as word characters: astral letters (rare) stay whole words.
    w = (c >= 0xd800 && c <= 0xdfff) || WORD.test(String.fromCharCode(c));
    wordCache.set(c, w);
  }
  return w;
}
