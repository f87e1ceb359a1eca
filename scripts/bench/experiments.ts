/**
 * EXPERIMENTS, for profiling only: the scanner's pipeline taken apart, and modified copies of its
 * pieces, each timed on a fresh page load exactly like the `scan` variant. Nothing here is used by
 * the extension; the lead decides what, if anything, moves into entrypoints/ or glossary/.
 */
import type { MatchableTerm, Matcher } from '../../glossary/matcher';
import { isWordCode } from '../../glossary/normalize';
import type { Match } from '../../glossary/types';
import { MarkIndex } from '../../entrypoints/content/marks';
import { blockOf, HIDDEN_GAP, HIDDEN_WORD, isSkipped, textRuns, type TextRun } from '../../entrypoints/content/scan';
import { compileFast, compileTable, presenceRegExp } from './exp-matcher';
import { TERMS } from '../../glossary/terms';
import { compile, paint, SYNC_PAINT } from './util';

type Result = Record<string, unknown>;
/** Sets up (untimed) and returns the part to time. */
export type Experiment = (root: Node, terms: readonly MatchableTerm[]) => () => Result;

function newHighlight(register = true): Highlight {
  const h = new Highlight();
  if (register) CSS.highlights.set('health-glossary-bench', h);
  return h;
}

// --- Walk variants -------------------------------------------------------------------------------

const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'label',
  'mark',
  'q',
  's',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'wbr',
]);

/** Moves the walker past the current node's subtree; returns the next node or null. */
function skipSubtree(w: TreeWalker): Node | null {
  for (;;) {
    const s = w.nextSibling();
    if (s) return s;
    if (!w.parentNode()) return null;
  }
}

const MAX_RUN = 32_768;
const INLINE_SKIPPED = new Set(['code', 'kbd', 'samp']);
const UNRENDERED = new Set(['script', 'style', 'noscript', 'template', 'head', 'title']);

/** Copy of scan.ts's hiddenText (not exported there). */
function hiddenText(el: Element, exclude: Node | undefined): string {
  if (el !== exclude) {
    if (UNRENDERED.has(el.localName)) return '';
    if (INLINE_SKIPPED.has(el.localName) || INLINE.has(el.localName)) {
      const walker = (el.ownerDocument ?? document).createTreeWalker(el, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
        acceptNode: (n: Node) =>
          n.nodeType === 1 && UNRENDERED.has((n as Element).localName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
      });
      let first = -1;
      let last = -1;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const data = n.nodeType === 3 ? (n as Text).data : '';
        if (data === '') continue;
        if (first < 0) first = data.charCodeAt(0);
        last = data.charCodeAt(data.length - 1);
      }
      if (first < 0) return '';
      const edge = (c: number): string => (isWordCode(c) ? HIDDEN_WORD : HIDDEN_GAP);
      return edge(first) + edge(last);
    }
  }
  return HIDDEN_GAP;
}

/**
 * EXPERIMENT: scan.ts's textRuns (as of commit 04a267c: stand-ins for skipped text, MAX_RUN pieces,
 * exclude, skipSelector, shadow roots) with one change: no JS NodeFilter. The walker shows every
 * element and text node natively; a skipped element's subtree is stepped over with
 * nextSibling()/parentNode(), which is what FILTER_REJECT does. blockOf is asked only when a text
 * node's parent differs from the previous one's. Checked identical by `exp:runs-equal`.
 */
export function* textRunsFast(
  root: Node,
  exclude?: Node,
  onShadowRoot?: (root: ShadowRoot) => void,
  skipSelector?: string,
): Generator<TextRun> {
  const doc = root.ownerDocument ?? (root as Document);
  let run: TextRun = { nodes: [], starts: [], text: '' };
  let block: Node | null = null;
  let prefix: { block: Node | null; text: string } | undefined;
  const blocks = new Map<Node, Node | null>();
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let lastParent: Node | null = null;
  let lastBlock: Node | null = null;
  let node = walker.nextNode();
  while (node) {
    if (node.nodeType === 1) {
      const el = node as Element;
      if (el === exclude || isSkipped(el) || (skipSelector && el.matches(skipSelector))) {
        const hidden = hiddenText(el, exclude);
        if (hidden) {
          const b = blockOf(el, blocks);
          if (run.nodes.length && b === block) run.text += hidden;
          else prefix = { block: b, text: (prefix?.block === b ? prefix.text : '') + hidden };
        }
        node = skipSubtree(walker);
        continue;
      }
      if (el.shadowRoot && onShadowRoot) onShadowRoot(el.shadowRoot);
      if (!INLINE.has(el.localName) && run.nodes.length) {
        yield run;
        run = { nodes: [], starts: [], text: '' };
      }
      node = walker.nextNode();
      continue;
    }
    const text = node as Text;
    const parent = text.parentNode;
    if (parent !== lastParent) {
      lastParent = parent;
      lastBlock = blockOf(text, blocks);
    }
    const b = lastBlock;
    if ((b !== block || run.text.length > MAX_RUN) && run.nodes.length) {
      yield run;
      run = { nodes: [], starts: [], text: '' };
    }
    if (!run.nodes.length) run.text = prefix?.block === b ? prefix.text : '';
    prefix = undefined;
    block = b;
    run.nodes.push(text);
    run.starts.push(run.text.length);
    run.text += text.data;
    node = walker.nextNode();
  }
  if (run.nodes.length) yield run;
}

/** Runs of text with no word character at all cannot hold a term: skipped before find(). */
function hasWord(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isWordCode(text.charCodeAt(i))) return true;
  return false;
}

// --- Marks ---------------------------------------------------------------------------------------

function place(pairs: { run: TextRun; m: Match }[], register: boolean): number {
  const index = new MarkIndex(newHighlight(register), SYNC_PAINT);
  for (const { run, m } of pairs) index.add(run, m);
  paint(index);
  return index.size;
}

/** Ranges only (no MarkIndex bookkeeping), added to the Highlight in one go at the end. */
function placeBatched(pairs: { run: TextRun; m: Match }[]): number {
  const ranges: Range[] = [];
  for (const { run, m } of pairs) {
    const r = new Range();
    // Single-node matches are the common case; multi-node ones need the node search.
    let i = 0;
    while (i + 1 < run.starts.length && run.starts[i + 1]! <= m.start) i++;
    let j = i;
    while (j + 1 < run.starts.length && run.starts[j + 1]! < m.end) j++;
    r.setStart(run.nodes[i]!, m.start - run.starts[i]!);
    r.setEnd(run.nodes[j]!, m.end - run.starts[j]!);
    ranges.push(r);
  }
  const h = new Highlight(...ranges);
  CSS.highlights.set('health-glossary-bench', h);
  return h.size;
}

function collect(root: Node, matcher: Matcher): { run: TextRun; m: Match }[] {
  const pairs: { run: TextRun; m: Match }[] = [];
  for (const run of textRuns(root)) for (const m of matcher.find(run.text)) pairs.push({ run, m });
  return pairs;
}

// --- The experiments -----------------------------------------------------------------------------
// Each experiment sets up (untimed) and returns the part to time.

const walkText = (root: Node, what: number, filter?: NodeFilter) => (): Result => {
  const w = document.createTreeWalker(root, what, filter);
  let c = 0;
  for (let x = w.nextNode(); x; x = w.nextNode()) if (x.nodeType === 3) c += (x as Text).data.length;
  return { chars: c };
};

const FILTER = {
  acceptNode: (n: Node) => (n.nodeType === 1 && isSkipped(n as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
};

const findAll = (matcher: Matcher, texts: string[]) => (): Result => {
  let c = 0;
  for (const t of texts) c += matcher.find(t).length;
  return { matches: c };
};

const fullWith =
  (matcher: Matcher, runs: (root: Node) => Iterable<TextRun>, root: Node, skipWordless = false) =>
  (): Result => {
    const index = new MarkIndex(newHighlight(), SYNC_PAINT);
    for (const run of runs(root)) {
      if (skipWordless && !hasWord(run.text)) continue;
      for (const m of matcher.find(run.text)) index.add(run, m);
    }
    paint(index);
    return { marks: index.size };
  };

export const EXPERIMENTS: Record<string, Experiment> = {
  /** The floor again (SHOW_TEXT, data only), for reference inside the experiment set. */
  floor: (root) => walkText(root, NodeFilter.SHOW_TEXT),
  /** Elements and text, no filter: the cost of visiting (and wrapping) elements too. */
  'walk-elements': (root) => walkText(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT),
  /** Elements and text with the scanner's JS NodeFilter callback (no run building). */
  'walk-filter': (root) => walkText(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, FILTER),
  /** textRuns only: walk + blockOf + run building, no matching. */
  runs: (root) => () => {
    let c = 0;
    for (const run of textRuns(root)) c += run.text.length;
    return { chars: c };
  },
  /** Experimental textRunsFast (no NodeFilter callback, blockOf cached per parent), no matching. */
  'runs-fast': (root) => () => {
    let c = 0;
    for (const run of textRunsFast(root)) c += run.text.length;
    return { chars: c };
  },
  /** Untimed check: textRunsFast gives exactly textRuns's runs. */
  'runs-equal': (root) => {
    const a = [...textRuns(root)];
    const b = [...textRunsFast(root)];
    const same =
      a.length === b.length &&
      a.every(
        (r, i) => r.text === b[i]!.text && r.nodes.length === b[i]!.nodes.length && r.nodes.every((n, k) => n === b[i]!.nodes[k]),
      );
    return () => ({ same, runsA: a.length, runsB: b.length });
  },
  /** textRuns + find, no marks. */
  'runs+find': (root, terms) => {
    const { matcher } = compile(terms);
    return () => {
      let c = 0;
      for (const run of textRuns(root)) c += matcher.find(run.text).length;
      return { matches: c };
    };
  },
  /** find() alone over every run's text (collected untimed first): the matcher's own cost, cold. */
  'find-only': (root, terms) =>
    findAll(
      compile(terms).matcher,
      [...textRuns(root)].map((r) => r.text),
    ),
  /** Experimental matcher: a native RegExp finds word starts matching 2-char prefixes of forms. */
  'find-only-fast': (root, terms) =>
    findAll(
      compileFast(terms, 2),
      [...textRuns(root)].map((r) => r.text),
    ),
  /** Same with 3-char prefixes. */
  'find-only-fast3': (root, terms) =>
    findAll(
      compileFast(terms, 3),
      [...textRuns(root)].map((r) => r.text),
    ),
  /** Experimental matcher: ASCII tables instead of calls, no allocation for runs without candidates. */
  'find-only-table': (root, terms) =>
    findAll(
      compileTable(terms),
      [...textRuns(root)].map((r) => r.text),
    ),
  /** textRunsFast + table matcher + MarkIndex. */
  'full-fastwalk-table': (root, terms) => fullWith(compileTable(terms), textRunsFast, root),
  /** Untimed check: both experimental matchers find exactly what the project's matcher finds. */
  'find-equal': (root, terms) => {
    const a = compile(terms).matcher;
    const b = compileFast(terms, 2);
    const c3 = compileFast(terms, 3);
    const tb = compileTable(terms);
    let diff = 0;
    let total = 0;
    const examples: string[] = [];
    for (const r of textRuns(root)) {
      const x = a.find(r.text);
      const y = b.find(r.text);
      const z = c3.find(r.text);
      const w = tb.find(r.text);
      total += x.length;
      const same = (p: Match[]): boolean =>
        x.length === p.length && x.every((m, i) => m.start === p[i]!.start && m.end === p[i]!.end && m.termId === p[i]!.termId);
      if (!same(y) || !same(z) || !same(w)) {
        diff++;
        if (examples.length < 4) {
          const show = (p: Match[]): string => p.map((m) => r.text.slice(m.start, m.end)).join('|');
          examples.push(`[${show(x)}] vs2 [${show(y)}] vs3 [${show(z)}] table [${show(w)}]`);
        }
      }
    }
    return () => ({
      runsDiffering: diff,
      examples,
      matches: total,
      regexChars: b.regex.source.length,
      regex3Chars: c3.regex.source.length,
    });
  },
  /** The project's per-page matcher cost (JSON.parse + loadMatcher, or compileMatcher). */
  compile: (_root, terms) => () => {
    const { matcher, compileMs } = compile(terms);
    return { size: matcher.size, compileMs };
  },
  /** compileFast including the prefix RegExp's first (compiling) run. */
  'compile-fast': (_root, terms) => () => {
    const f = compileFast(terms, 3);
    f.find('warm the regex up');
    return { size: f.size };
  },
  /** MarkIndex.add for every match (matches collected untimed first), Highlight registered. */
  marks: (root, terms) => {
    const pairs = collect(root, compile(terms).matcher);
    return () => ({ marks: place(pairs, true) });
  },
  /** Same, Highlight not registered in CSS.highlights while adding. */
  'marks-unregistered': (root, terms) => {
    const pairs = collect(root, compile(terms).matcher);
    return () => ({ marks: place(pairs, false) });
  },
  /** Ranges only, one `new Highlight(...ranges)` at the end (no per-node index). */
  'marks-batched': (root, terms) => {
    const pairs = collect(root, compile(terms).matcher);
    return () => ({ marks: placeBatched(pairs) });
  },
  /** The project's full pipeline (same as the `scan` variant), for reference. */
  full: (root, terms) => fullWith(compile(terms).matcher, textRuns, root),
  /** The full pipeline run twice on one load; only the second (warm JIT, DOM wrappers exist) is timed. */
  'full-warm': (root, terms) => {
    const go = fullWith(compile(terms).matcher, textRuns, root);
    go();
    return go;
  },
  /** textRunsFast + the project's matcher + MarkIndex (walk change only). */
  'full-fastwalk': (root, terms) => fullWith(compile(terms).matcher, textRunsFast, root),
  /** The project's walk + the prefix-RegExp matcher (matcher change only). */
  'full-fastfind': (root, terms) => fullWith(compileFast(terms, 3), textRuns, root),
  /** Both: textRunsFast + prefix-RegExp matcher + skip runs without a word character. */
  'full-fast': (root, terms) => fullWith(compileFast(terms, 3), textRunsFast, root, true),
  /** Page-level precheck: body.textContent + one presence regex of the unambiguous forms. */
  precheck: (root) => {
    const re = presenceRegExp(TERMS) as RegExp;
    return () => {
      const text = root.textContent ?? '';
      const soft = text.indexOf('\u00ad') >= 0;
      const m = re.exec(text);
      return { found: m ? m[0] : '', softHyphen: soft, chars: text.length, regexChars: re.source.length };
    };
  },
  /** Precheck with native lower-casing and case-sensitive regexes (names; abbreviations apart). */
  'precheck-lower': (root) => {
    const [names, abbr] = presenceRegExp(TERMS, true) as [RegExp, RegExp];
    return () => {
      const text = root.textContent ?? '';
      const m = names.exec(text.toLowerCase()) ?? abbr.exec(text);
      return { found: m ? m[0] : '', softHyphen: text.indexOf('\u00ad') >= 0 };
    };
  },
  /** body.textContent alone (the precheck's native half). */
  'text-content': (root) => () => ({ chars: (root.textContent ?? '').length }),
  /** Floor walk + the experimental find per text node (no runs, no marks): a lower bound for scanning. */
  'floor+find-fast': (root, terms) => {
    const matcher = compileFast(terms, 3);
    return () => {
      const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let c = 0;
      for (let x = w.nextNode(); x; x = w.nextNode()) c += matcher.find((x as Text).data).length;
      return { matches: c };
    };
  },
};
