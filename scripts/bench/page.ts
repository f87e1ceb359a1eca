/**
 * In-page half of the benchmark: bundled by run.ts (esbuild, IIFE) and injected into every page as
 * an init script. Exposes `window.__bench`. Every `run()` call is meant to happen on a freshly loaded
 * page, so each variant pays the same cold costs the content script pays (JS wrappers for DOM nodes,
 * cold JIT) and mark.js always sees an untouched DOM.
 */
// Resolved to mark.js's ES2015 build (dist/mark.es6.js) by the esbuild alias in run.ts.
import Mark from 'mark.js';
import type { MatchableTerm, Matcher } from '../../glossary/matcher';
import { normalizeText } from '../../glossary/normalize';
import { TERMS } from '../../glossary/terms';
import { MarkIndex } from '../../content/marks';
import { SKIPPED_TAGS, textRuns } from '../../content/scan';
import { createScanner } from '../../content/scanner';
import { generatedTerms } from './terms-gen';
import { compile, SYNC_PAINT, timed } from './util';

/** mark.js runs are abandoned (from inside its own callbacks) after this long. */
const MARKJS_TIMEOUT_MS = 10_000;

/** The scanner's skipped elements, as one CSS selector for mark.js's `exclude` (self and descendants). */
const EDITABLE = '[contenteditable]:not([contenteditable="false"])';
const EXCLUDE = [...SKIPPED_TAGS, EDITABLE].flatMap((s) => [s, `${s} *`]).join(',');
/** Punctuation that may touch a term, for mark.js `accuracy: 'exactly'` (its default is whitespace only). */
const LIMITERS = [
  ',',
  '.',
  ';',
  ':',
  '!',
  '?',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  '\u2018',
  '\u2019',
  '\u201c',
  '\u201d',
  '/',
  '-',
  '\u2013',
  '\u2014',
  '\u2026',
  '*',
  '&',
  '+',
  '=',
];

type Kind = 'real' | '10k';

export interface RunResult {
  ms: number;
  [k: string]: unknown;
}

type Thunk = () => RunResult | Promise<RunResult>;

const state: { terms10k?: MatchableTerm[] } = {};

function termsOf(kind: Kind): readonly MatchableTerm[] {
  if (kind === 'real') return TERMS;
  if (!state.terms10k) state.terms10k = [...TERMS, ...generatedTerms(10_000, occurringBigrams(300))];
  return state.terms10k;
}

/**
 * A few hundred two-word phrases that do occur in this page's prose (deterministic), so that the
 * +10k glossary has hits beyond the real terms. Read from innerText (layout text, no DOM wrappers
 * created, so the timed walk that follows stays cold).
 */
function occurringBigrams(count: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of (document.body?.innerText ?? '').split('\n')) {
    const words = line.split(' ');
    for (let i = 0; i + 1 < words.length; i++) {
      const a = words[i]!;
      const b = words[i + 1]!;
      if (!/^[A-Za-z]{4,}$/.test(a) || !/^[A-Za-z]{4,}$/.test(b)) continue;
      const key = `${a} ${b}`.toLowerCase();
      if (!seen.has(key)) {
        seen.add(key);
        out.push(key);
      }
    }
  }
  // Deterministic spread over the page: every k-th distinct phrase.
  const step = Math.max(1, Math.floor(out.length / count));
  return out.filter((_, i) => i % step === 0).slice(0, count);
}

function allForms(terms: readonly MatchableTerm[]): { forms: string[]; abbreviations: Set<string> } {
  const forms: string[] = [];
  const abbreviations = new Set<string>();
  for (const t of terms) {
    forms.push(t.term, ...t.variants);
    for (const a of t.abbreviations) {
      forms.push(a);
      abbreviations.add(a);
    }
  }
  return { forms, abbreviations };
}

let modifiersSupported: boolean | undefined;
function supportsModifiers(): boolean {
  if (modifiersSupported === undefined) {
    try {
      modifiersSupported = new RegExp('(?-i:A)', 'iu').test('A') && !new RegExp('(?-i:A)', 'iu').test('a');
    } catch {
      modifiersSupported = false;
    }
  }
  return modifiersSupported;
}

/** One form as a regex source: any whitespace run for a space, any apostrophe for ', any hyphen for -. */
function formSource(form: string): string {
  let s = '';
  for (let i = 0; i < form.length; i++) {
    const ch = form[i]!;
    if (/\s/.test(ch)) {
      if (!s.endsWith('\\s+')) s += '\\s+';
    } else if (ch === "'" || ch === '\u2019') s += "['\\u2018\\u2019\\u02bc\\uff07]";
    else if (ch === '-') s += '[\\-\\u2010\\u2011]';
    else if (/[\\^$.*+?()[\]{}|/]/.test(ch)) s += `\\${ch}`;
    else s += ch;
  }
  return s;
}

/**
 * One case-insensitive alternation of every form, longest first (JS alternation is leftmost-first,
 * so longest-first approximates the scanner's longest match), bounded by the same Unicode word rule
 * as the scanner. Abbreviations keep their case with a `(?-i:…)` modifier group where supported.
 */
function termsRegExp(terms: readonly MatchableTerm[]): RegExp {
  const { forms, abbreviations } = allForms(terms);
  const mods = supportsModifiers();
  const uniq = [...new Set(forms)].sort((a, b) => b.length - a.length);
  const alts = uniq.map((f) => (mods && abbreviations.has(f) ? `(?-i:${formSource(f)})` : formSource(f)));
  return new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?:${alts.join('|')})(?![\\p{L}\\p{N}\\p{M}])`, 'giu');
}

// ---------------------------------------------------------------------------------------------------
// Floor and scanner

function floor(root: Node): { nodes: number; chars: number } {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let nodes = 0;
  let chars = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    chars += (n as Text).data.length;
    nodes++;
  }
  return { nodes, chars };
}

function newHighlight(): Highlight {
  const h = new Highlight();
  CSS.highlights.set('health-glossary-bench', h);
  return h;
}

/** The project's pipeline in one synchronous pass: textRuns → matcher.find → MarkIndex.add. */
function scanSync(matcher: Matcher, root: Node): { runs: number; matches: number; marks: number } {
  const index = new MarkIndex(newHighlight(), SYNC_PAINT);
  let runs = 0;
  let matches = 0;
  for (const run of textRuns(root)) {
    runs++;
    for (const m of matcher.find(run.text)) {
      index.add(run, m);
      matches++;
    }
  }
  index.paint();
  return { runs, matches, marks: index.size };
}

/** Setup (untimed): compile, observer, scanner. The returned thunk is the timed, time-sliced scan. */
function sliced(kind: Kind): [Thunk, Record<string, unknown>] {
  const { matcher, compileMs, buildMs } = compile(termsOf(kind));
  const longTasks: { start: number; duration: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
  });
  observer.observe({ type: 'longtask' });
  performance.clearMeasures('health-glossary:scan');
  const scanner = createScanner({
    matcher,
    highlight: newHighlight(),
    signal: new AbortController().signal,
  });
  const thunk = async (): Promise<RunResult> => {
    const t0 = performance.now();
    await scanner.scan(document.body);
    const ms = performance.now() - t0;
    // Long-task entries are delivered after the task ends: give them a moment to arrive.
    await new Promise((r) => setTimeout(r, 100));
    for (const e of observer.takeRecords()) longTasks.push({ start: e.startTime, duration: e.duration });
    observer.disconnect();
    const entry = performance.getEntriesByName('health-glossary:scan').at(-1) as PerformanceMeasure | undefined;
    const detail = entry?.detail as { busyMs?: number } | undefined;
    const during = longTasks.filter((t) => t.start >= t0 - 0.5);
    return {
      ms,
      busyMs: detail?.busyMs ?? NaN,
      longTasks: during.length,
      longestTask: during.length ? Math.max(...during.map((t) => t.duration)) : 0,
      marks: scanner.index.size,
    };
  };
  return [thunk, { compileMs, buildMs }];
}

// ---------------------------------------------------------------------------------------------------
// mark.js

class Timeout extends Error {}

function markOptions(t0: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const check = (): void => {
    if (performance.now() - t0 > MARKJS_TIMEOUT_MS) throw new Timeout();
  };
  return {
    acrossElements: true,
    separateWordSearch: false,
    diacritics: false,
    exclude: [EXCLUDE],
    filter: () => {
      check();
      return true;
    },
    noMatch: check,
    ...extra,
  };
}

/**
 * mark.js's mark() handles its keywords recursively (each keyword's done callback starts the next),
 * so ~800 forms in one call overflow the stack ("Invalid regular expression: Stack overflow"). The
 * list is therefore given in calls of MARK_CHUNK forms, longest first overall, which is the order
 * mark.js itself would use.
 */
const MARK_CHUNK = 100;
function markList(instance: Mark, forms: string[], t0: number, done: (n: number) => void): void {
  const sorted = [...forms].sort((a, b) => b.length - a.length);
  for (let i = 0; i < sorted.length; i += MARK_CHUNK)
    instance.mark(
      sorted.slice(i, i + MARK_CHUNK),
      markOptions(t0, { accuracy: { value: 'exactly', limiters: LIMITERS }, done }) as never,
    );
}

function markjs(variant: 'regexp' | 'list', kind: Kind): [Thunk, Record<string, unknown>] {
  const terms = termsOf(kind);
  // The regex / form list is built outside the timing, like a compiled matcher.
  const [input, prepMs] = timed(() => (variant === 'regexp' ? termsRegExp(terms) : [...new Set(allForms(terms).forms)]));
  const thunk = (): RunResult => {
    const instance = new Mark(document.body);
    let total = 0;
    const t0 = performance.now();
    try {
      if (variant === 'regexp')
        instance.markRegExp(input as RegExp, markOptions(t0, { done: (n: number) => (total = n) }) as never);
      else markList(instance, input as string[], t0, (n) => (total += n));
    } catch (e) {
      if (e instanceof Timeout) return { ms: performance.now() - t0, timeout: true };
      throw e;
    }
    return { ms: performance.now() - t0, elements: total };
  };
  return [thunk, { prepMs, forms: variant === 'list' ? (input as string[]).length : undefined }];
}

// ---------------------------------------------------------------------------------------------------
// Verification: what each side found, as normalised texts

const norm = (s: string): string => normalizeText(s, true);

function scannerTexts(kind: Kind): { texts: string[]; raw: string[]; glued: string[] } {
  const { matcher } = compile(termsOf(kind));
  const texts: string[] = [];
  const raw: string[] = [];
  // Matches at the edge of a run whose neighbouring text (in document order, ignoring blocks) starts
  // or ends with a letter: mark.js concatenates all text nodes with no separator, so it sees these
  // words glued to their neighbours ("hip" + "Fracture" = "hipFracture") and cannot match them.
  const glued: string[] = [];
  const all: Text[] = [];
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = w.nextNode(); n; n = w.nextNode()) all.push(n as Text);
  const pos = new Map(all.map((n, i) => [n, i]));
  const markjsSees = (n: Text): boolean => !(n.parentElement?.closest(EXCLUDE) ?? null);
  const neighbour = (from: number, dir: 1 | -1): string => {
    for (let i = from + dir; i >= 0 && i < all.length; i += dir) {
      const d = all[i]!.data;
      if (d.length && markjsSees(all[i]!)) return dir === 1 ? d[0]! : d[d.length - 1]!;
    }
    return ' ';
  };
  const isWord = (c: string): boolean => /[\p{L}\p{N}\p{M}]/u.test(c);
  for (const run of textRuns(document.body)) {
    for (const m of matcher.find(run.text)) {
      const s = run.text.slice(m.start, m.end);
      texts.push(norm(s));
      raw.push(s);
      const first = run.nodes[0]!;
      const last = run.nodes[run.nodes.length - 1]!;
      if (
        (m.start === 0 && isWord(neighbour(pos.get(first)!, -1))) ||
        (m.end === run.text.length && isWord(neighbour(pos.get(last)!, 1)))
      )
        glued.push(norm(s));
    }
  }
  return { texts, raw, glued };
}

function markjsTexts(variant: 'regexp' | 'list', kind: Kind): { texts: string[]; raw: string[]; timeout?: boolean } {
  const raw: string[] = [];
  const exec = RegExp.prototype.exec;
  // Count matches where mark.js runs its expressions: ours is tagged; mark()'s own have flags "gm(i)"
  // and put the term in group 2 (group 1 is the leading limiter).
  RegExp.prototype.exec = function (this: RegExp & { __bench?: boolean }, s: string) {
    const m = exec.call(this, s);
    if (m) {
      if (this.__bench) raw.push(m[0]);
      else if (variant === 'list' && this.multiline && this.global && m[2]) raw.push(m[2]);
    }
    return m;
  };
  try {
    const terms = termsOf(kind);
    const instance = new Mark(document.body);
    const t0 = performance.now();
    if (variant === 'regexp') {
      const re = termsRegExp(terms) as RegExp & { __bench?: boolean };
      re.__bench = true;
      instance.markRegExp(re, markOptions(t0) as never);
    } else markList(instance, [...new Set(allForms(terms).forms)], t0, () => undefined);
  } catch (e) {
    if (e instanceof Timeout) return { texts: [], raw: [], timeout: true };
    throw e;
  } finally {
    RegExp.prototype.exec = exec;
  }
  return { texts: raw.map(norm), raw };
}

// ---------------------------------------------------------------------------------------------------

/** Builds everything a variant needs (untimed) and returns the timed part as a thunk. */
function setup(variant: string): [Thunk, Record<string, unknown>] {
  const [name, a] = variant.split(':') as [string, string?, string?];
  switch (name) {
    case 'floor':
      return [() => ({ ms: NaN, ...floor(document.body) }), {}];
    case 'scan': {
      const terms = termsOf(a as Kind);
      const { matcher, compileMs, buildMs } = compile(terms);
      return [
        () => ({ ms: NaN, ...scanSync(matcher, document.body) }),
        { compileMs, buildMs, trieNodes: matcher.size, terms: terms.length },
      ];
    }
    case 'sliced':
      return sliced(a as Kind);
    case 'markre':
      return markjs('regexp', a as Kind);
    case 'marklist':
      return markjs('list', a as Kind);
    default:
      throw new Error(`unknown variant ${variant}`);
  }
}

let pending: Thunk | undefined;

/** Step 1 on a fresh load: let the page settle, set the variant up, collect garbage. */
async function prepare(variant: string): Promise<Record<string, unknown>> {
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
  const [thunk, info] = setup(variant);
  pending = thunk;
  (globalThis as { gc?: () => void }).gc?.();
  return info;
}

/** Waits for the next rendering update (style, layout, paint of what the variant changed) to run. */
const nextFrame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

/**
 * Step 2: the timed part, then the next rendering update. `ms` is the wall time of the timed part
 * alone; the runner reads the main thread's CPU time around the whole call, so its `cpu` includes
 * the rendering work the variant caused (highlight painting; mark.js's relayout of the page).
 */
async function run(): Promise<RunResult> {
  const thunk = pending;
  pending = undefined;
  if (!thunk) throw new Error('run() without prepare()');
  const t0 = performance.now();
  const r = await thunk();
  const ms = performance.now() - t0;
  await nextFrame();
  return { ...r, ms: Number.isNaN(r.ms) ? ms : r.ms };
}

/** The same round trip as run() with nothing inside (one frame included): the runner subtracts its CPU cost. */
async function noop(): Promise<RunResult> {
  await nextFrame();
  return { ms: 0 };
}

/** Untimed: what each side finds, for the comparison of matches. */
async function verify(variant: string): Promise<Record<string, unknown>> {
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
  const [what, b] = variant.split(':') as [string, string?];
  if (what === 'scan') return { real: scannerTexts('real'), '10k': scannerTexts('10k') };
  return markjsTexts(what === 'markre' ? 'regexp' : 'list', b as Kind);
}

function info(): Record<string, unknown> {
  return {
    crossOriginIsolated: globalThis.crossOriginIsolated,
    highlight: typeof Highlight,
    schedulerYield: typeof (globalThis as { scheduler?: { yield?: unknown } }).scheduler?.yield,
    longtask: PerformanceObserver.supportedEntryTypes.includes('longtask'),
    regexpModifiers: supportsModifiers(),
    gc: typeof (globalThis as { gc?: unknown }).gc,
    terms: TERMS.length,
    forms: allForms(TERMS).forms.length,
  };
}

(globalThis as { __bench?: unknown }).__bench = { prepare, run, noop, verify, info };
