/**
 * An experiment for the first stage (docs/performance.md, next steps): the precheck run in the page
 * without allocating per word, so that a page without terms needs no message to the background. Each
 * word of the text is hashed (FNV-1a) in one `charCodeAt` loop; the hashes of the last four words are
 * combined into the hashes of keys of one to four words and looked up in an open-addressed table of
 * the glossary's key hashes. It answers as `loadPrecheck` does, except on a 32-bit hash collision
 * (a rare extra "maybe"). Measured with `first-stage-pieces.ts --in-page-precheck` and dropped: the
 * cold loop over every character cost 8-13 ms of the page's main thread, the message it would save 2 ms.
 */
import type { PrecheckData } from '../../glossary/precheck';

/** Table slots: a power of two, about three times the keys, so a miss ends after one or two probes. */
const SLOTS = 4096;

/** The precheck's keys, each as its words: the one-word keys and every phrase. */
export function precheckKeys(data: PrecheckData): string[][] {
  const keys = data.words.split('|').map((w) => [w]);
  for (const line of data.phrases.split('\n').filter(Boolean)) {
    const [first, ...rest] = line.split('|');
    for (const r of rest) keys.push([first!, ...r.split(' ')]);
  }
  return keys;
}

/**
 * Whether `text` holds one of the keys whose hashes fill `table`. Self-contained (its source is
 * the benchmark's content script): the same arithmetic builds the table below.
 */
export function mayHoldByHash(text: string, table: Uint32Array): boolean {
  const mask = table.length - 1;
  const has = (hash: number): boolean => {
    const h = hash >>> 0 || 1;
    for (let i = h & mask; table[i] !== 0; i = (i + 1) & mask) if (table[i] === h) return true;
    return false;
  };
  const mix = (a: number, b: number): number => Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b) >>> 0;
  let h1 = 0;
  let h2 = 0;
  let h3 = 0;
  let n = 0;
  let h = 0x811c9dc5;
  let inWord = false;
  for (let i = 0, len = text.length; i <= len; i++) {
    let c = i < len ? text.charCodeAt(i) : 32;
    if (c === 0xad) continue; // a soft hyphen sits inside a word
    if (c >= 65 && c <= 90) c += 32;
    else if (c === 0x212a)
      c = 107; // KELVIN SIGN lower-cases to "k"
    else if (c === 0x130) {
      // "İ" lower-cases to "i" and a combining dot, which ends the word
      h = Math.imul(h ^ 105, 16777619);
      inWord = true;
      c = 32;
    }
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      h = Math.imul(h ^ c, 16777619);
      inWord = true;
      continue;
    }
    if (!inWord) continue;
    const w = h >>> 0;
    h = 0x811c9dc5;
    inWord = false;
    n++;
    if (has(w)) return true;
    if (n > 1 && has(mix(h1, w))) return true;
    if (n > 2 && has(mix(mix(h2, h1), w))) return true;
    if (n > 3 && has(mix(mix(mix(h3, h2), h1), w))) return true;
    h3 = h2;
    h2 = h1;
    h1 = w;
  }
  return false;
}

/** The hash of one word, as the loop above computes it. */
function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 16777619);
  return h >>> 0;
}

const mix = (a: number, b: number): number => Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b) >>> 0;

/** The table of the keys' hashes (build time). */
export function buildKeyTable(data: PrecheckData): Uint32Array {
  const table = new Uint32Array(SLOTS);
  const keys = precheckKeys(data);
  if (keys.length * 2 > SLOTS) throw new Error(`in-page precheck: ${keys.length} keys need more than ${SLOTS} slots`);
  for (const key of keys) {
    const hash = key.map(wordHash).reduce(mix) || 1;
    let i = hash & (SLOTS - 1);
    while (table[i] !== 0 && table[i] !== hash) i = (i + 1) & (SLOTS - 1);
    table[i] = hash;
  }
  return table;
}

/**
 * A content script that reads the page's text and runs the in-page precheck; with `message`, it then
 * asks the background only when the precheck says "maybe" (`messageCode` uses `text`).
 */
export function inPageScript(data: PrecheckData, before: string, messageCode?: string): string {
  const base64 = Buffer.from(buildKeyTable(data).buffer).toString('base64');
  return `${before}
const text = document.body.innerText;
const bytes = atob(${JSON.stringify(base64)});
const table = new Uint32Array(bytes.length >> 2);
for (let i = 0; i < table.length; i++) table[i] = (bytes.charCodeAt(4 * i) | bytes.charCodeAt(4 * i + 1) << 8 | bytes.charCodeAt(4 * i + 2) << 16 | bytes.charCodeAt(4 * i + 3) << 24) >>> 0;
const __name = (f) => f; // the helper tsx's transform may wrap inner functions in
const mayHoldByHash = ${mayHoldByHash.toString()};
const maybe = mayHoldByHash(text, table);
${messageCode ? `if (maybe) ${messageCode}` : 'globalThis.hgMaybe = maybe; // kept, so the work is not dropped'}`;
}
