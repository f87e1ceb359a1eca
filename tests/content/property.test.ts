// Property tests: random DOM trees built from a small vocabulary (glossary words, pieces of them,
// plain words, inline, block, skipped and editable elements) are scanned the way the content
// script scans a page. Whatever the tree, a mark must cover exactly one whole term of the text the
// reader sees, never overlap another, never sit in text the scanner must not read, and a second
// scan must find the same marks.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { isInsideSkipped, textRuns, type TextRun } from '../../content/scan';
import { createScanner } from '../../content/scanner';
import { compileMatcher, type MatchableTerm, type Matcher } from '../../glossary/matcher';
import { matchable as t } from '../support/terms';
import { isWordCode } from '../../glossary/normalize';
import { TERMS } from '../../glossary/terms';

/** A small glossary with the shapes that matter: multi-word, nested terms, abbreviation, hyphen, plural. */
const SMALL: MatchableTerm[] = [
  t('osteoporosis', 'osteoporosis'),
  t('bone-mass', 'bone mass'),
  t('bone', 'bone'),
  t('vcf', 'vertebral compression fracture', [], ['VCF']),
  t('compression-fracture', 'compression fracture'),
  t('fracture', 'fracture', ['fractures']),
  t('vertebra', 'vertebra', ['vertebrae']),
  t('kyphosis', 'kyphosis'),
  t('x-ray', 'X-ray', ['x-rays']),
  t('t-score', 'T-score'),
  t('disc', 'disc', ['discs']),
];

/** Words, glossary words and pieces of them, so that random joins make terms, near misses and longer words. */
const WORDS = [
  'osteoporosis',
  'osteo',
  'porosis',
  'bone',
  'mass',
  'bones',
  'vertebral',
  'compression',
  'fracture',
  'fractures',
  'vertebra',
  'vertebrae',
  'VCF',
  'vcf',
  'kyphosis',
  'X',
  'ray',
  'x-ray',
  'T',
  'score',
  'disc',
  'discs',
  'the',
  'a',
  'plain',
  'word',
  'é',
  'ß',
  '7',
  'Kyphosis',
  'OSTEOPOROSIS',
];
/** What goes between words: nothing (glued into a longer word), spaces, punctuation, soft hyphen... */
const SEPARATORS = [' ', ' ', ' ', '', '  ', ', ', '-', '\u00a0', '\u00ad', "'", '\n', '. '];

type Model = { kind: 'text'; text: string } | { kind: 'element'; tag: string; attrs?: Record<string, string>; children: Model[] };

const INLINE_TAGS = ['b', 'i', 'span', 'a', 'em'];
const BLOCK_TAGS = ['p', 'div', 'li'];
const SKIPPED_WITH_CHILDREN = ['code', 'pre', 'kbd'];
const SKIPPED_TEXT_ONLY = ['textarea', 'script'];
const VOID_TAGS = ['br', 'wbr', 'img', 'input'];

const textArb = (words: string[]): fc.Arbitrary<Model> =>
  fc
    .array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 6 })
    .map((parts) => ({ kind: 'text' as const, text: parts.map(([w, s]) => w + s).join('') }));

const treeArb = (words: string[]): fc.Arbitrary<Model[]> => {
  const { nodes } = fc.letrec<{ node: Model; nodes: Model[] }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      textArb(words),
      fc.record({ kind: fc.constant('element' as const), tag: fc.constantFrom(...INLINE_TAGS), children: tie('nodes') }),
      fc.record({ kind: fc.constant('element' as const), tag: fc.constantFrom(...BLOCK_TAGS), children: tie('nodes') }),
      fc.record({
        kind: fc.constant('element' as const),
        tag: fc.constantFrom(...SKIPPED_WITH_CHILDREN),
        children: tie('nodes'),
      }),
      fc.record({
        kind: fc.constant('element' as const),
        tag: fc.constantFrom(...SKIPPED_TEXT_ONLY),
        children: textArb(words).map((x) => [x]),
      }),
      fc.record({
        kind: fc.constant('element' as const),
        tag: fc.constantFrom('div', 'span'),
        attrs: fc.constantFrom('', 'true', 'plaintext-only', 'false').map((v) => ({ contenteditable: v })),
        children: tie('nodes'),
      }),
      fc.record({
        kind: fc.constant('element' as const),
        tag: fc.constantFrom(...VOID_TAGS),
        children: fc.constant<Model[]>([]),
      }),
    ),
    nodes: fc.array(tie('node'), { maxLength: 5 }),
  }));
  return nodes as fc.Arbitrary<Model[]>;
};

function build(models: readonly Model[], parent: Node): void {
  for (const m of models) {
    if (m.kind === 'text') {
      parent.appendChild(document.createTextNode(m.text));
      continue;
    }
    const el = document.createElement(m.tag);
    for (const [k, v] of Object.entries(m.attrs ?? {})) el.setAttribute(k, v);
    if (!VOID_TAGS.includes(m.tag)) build(m.children, el);
    parent.appendChild(el);
  }
}

/** Renders a model to the markup a reader of the failing case can paste into a page. */
function markup(models: readonly Model[]): string {
  return models
    .map((m) => {
      if (m.kind === 'text') return m.text.replace(/\u00ad/g, '&shy;').replace(/\u00a0/g, '&nbsp;');
      const attrs = Object.entries(m.attrs ?? {})
        .map(([k, v]) => ` ${k}="${v}"`)
        .join('');
      return VOID_TAGS.includes(m.tag) ? `<${m.tag}${attrs}>` : `<${m.tag}${attrs}>${markup(m.children)}</${m.tag}>`;
    })
    .join('');
}

const INVISIBLE = new Set(['script', 'style', 'template', 'noscript']);
const BOXES = new Set(['textarea', 'input', 'select', 'img', 'br']);
const BLOCKS = new Set(['p', 'div', 'li', 'pre', 'ul', 'ol', 'body']);

/**
 * The text a reader sees, flattened: hidden elements give nothing, blocks and boxes (form fields,
 * images, line breaks) break words, inline tags (including code) do not. Also where each text
 * node starts in it.
 */
function readerText(root: Node): { text: string; at: Map<Text, number> } {
  let text = '';
  const at = new Map<Text, number>();
  const walk = (n: Node): void => {
    if (n.nodeType === 3) {
      at.set(n as Text, text.length);
      text += (n as Text).data;
      return;
    }
    if (n.nodeType !== 1) return;
    const tag = (n as Element).localName;
    if (INVISIBLE.has(tag)) return;
    if (BOXES.has(tag)) {
      text += '\n';
      return;
    }
    const block = BLOCKS.has(tag) || (n as Element).localName === 'div';
    if (block) text += '\n';
    n.childNodes.forEach(walk);
    if (block) text += '\n';
  };
  walk(root);
  return { text, at };
}

/** Index of the run node holding character `i`. */
function nodeIndex(run: TextRun, i: number): number {
  let k = run.starts.length - 1;
  while (k > 0 && run.starts[k]! > i) k--;
  while (k < run.nodes.length - 1 && run.starts[k]! + run.nodes[k]!.length <= i) k++;
  return k;
}

interface Found {
  text: string;
  /** Start and end in the reader's text. */
  from: number;
  to: number;
  inSkipped: boolean;
}

/** Every match in every run, placed in the reader's text. */
function scanOnce(root: Node, matcher: Matcher, flat: ReturnType<typeof readerText>): Found[] {
  const out: Found[] = [];
  for (const run of textRuns(root)) {
    for (const m of matcher.find(run.text)) {
      const a = nodeIndex(run, m.start);
      const b = nodeIndex(run, m.end - 1);
      const from = flat.at.get(run.nodes[a]!)! + (m.start - run.starts[a]!);
      const to = flat.at.get(run.nodes[b]!)! + (m.end - run.starts[b]!);
      out.push({
        text: run.text.slice(m.start, m.end),
        from,
        to,
        inSkipped: run.nodes.slice(a, b + 1).some((n) => isInsideSkipped(n)),
      });
    }
  }
  return out;
}

/** The properties every scan result must have; returns the first broken one, described. */
function violations(found: Found[], flat: ReturnType<typeof readerText>): string[] {
  const out: string[] = [];
  const sorted = [...found].sort((x, y) => x.from - y.from);
  sorted.forEach((f, i) => {
    const prev = sorted[i - 1];
    if (prev && f.from < prev.to) out.push(`"${f.text}" overlaps "${prev.text}"`);
    if (f.inSkipped) out.push(`"${f.text}" sits inside a skipped element`);
    const seen = flat.text.slice(f.from, f.to);
    if (seen !== f.text)
      out.push(`"${f.text}" covers ${JSON.stringify(seen)} on the page (text the scanner did not read is inside the mark)`);
    const before = f.from > 0 ? flat.text.charCodeAt(f.from - 1) : 32;
    const after = f.to < flat.text.length ? flat.text.charCodeAt(f.to) : 32;
    if (isWordCode(before))
      out.push(`"${f.text}" starts inside a word: ${JSON.stringify(flat.text.slice(Math.max(0, f.from - 8), f.to))}`);
    if (isWordCode(after)) out.push(`"${f.text}" ends inside a word: ${JSON.stringify(flat.text.slice(f.from, f.to + 8))}`);
  });
  return out;
}

const GLOSSARIES: [string, readonly MatchableTerm[], string[]][] = [
  ['a small glossary', SMALL, WORDS],
  [
    'the real glossary (TERMS)',
    TERMS,
    // Some real names, variants and abbreviations, cut into words, plus the shared vocabulary.
    [
      ...WORDS,
      ...TERMS.slice(0, 60)
        .flatMap((term) => [term.term, ...term.variants.slice(0, 1), ...term.abbreviations])
        .flatMap((s) => [s, ...s.split(/\s+/)]),
    ],
  ],
];

describe.each(GLOSSARIES)('scanning random pages with %s', (_name, terms, words) => {
  const matcher = compileMatcher(terms);
  afterEach(() => {
    document.body.replaceChildren();
  });

  const mount = (models: Model[]): HTMLElement => {
    document.body.replaceChildren();
    const root = document.createElement('div');
    build(models, root);
    document.body.appendChild(root);
    return root;
  };

  it('should only mark whole terms of the visible text, without overlap, outside skipped elements', () => {
    fc.assert(
      fc.property(treeArb(words), (models) => {
        const root = mount(models);
        const flat = readerText(root);
        const bad = violations(scanOnce(root, matcher, flat), flat);
        if (bad.length) throw new Error(`${bad[0]}\n  page: ${markup(models)}`);
      }),
      { numRuns: 400 },
    );
  });

  it('should find the same marks when scanning twice, and leave the markup as it was', () => {
    fc.assert(
      fc.property(treeArb(words), (models) => {
        const root = mount(models);
        // Reading markup to compare it, never writing it.
        // eslint-disable-next-line no-restricted-properties
        const before = root.innerHTML;
        const flat = readerText(root);
        const first = scanOnce(root, matcher, flat);
        const second = scanOnce(root, matcher, flat);
        expect(second).toEqual(first);
        // eslint-disable-next-line no-restricted-properties
        expect(root.innerHTML).toBe(before);
      }),
      { numRuns: 200 },
    );
  });

  it('should find the same marks however the text is split into nodes or wrapped in inline tags', () => {
    fc.assert(
      fc.property(treeArb(words), fc.array(fc.nat(), { minLength: 1, maxLength: 12 }), (models, cuts) => {
        const root = mount(models);
        const positions = (): string[] => {
          const flat = readerText(root);
          return scanOnce(root, matcher, flat).map((f) => `${f.from}-${f.to}:${f.text}`);
        };
        const before = positions();
        // As frameworks do: adjacent text nodes, and formatting tags around parts of a word.
        const texts = (): Text[] => {
          const out: Text[] = [];
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!isInsideSkipped(n)) out.push(n as Text);
          return out;
        };
        cuts.forEach((cut, i) => {
          const nodes = texts().filter((n) => n.length > 1);
          const node = nodes[cut % Math.max(1, nodes.length)];
          if (!node) return;
          const tail = node.splitText(1 + (cut % (node.length - 1)));
          if (i % 2) {
            const b = document.createElement(['b', 'span', 'em'][cut % 3]!);
            tail.replaceWith(b);
            b.append(tail);
          }
        });
        expect(positions(), markup(models)).toEqual(before);
      }),
      { numRuns: 300 },
    );
  });

  it('should match abbreviations only as written (VCF, not vcf)', () => {
    fc.assert(
      fc.property(treeArb(words), (models) => {
        const root = mount(models);
        for (const run of textRuns(root))
          for (const m of matcher.find(run.text))
            if (m.termId === 'vcf' && m.end - m.start === 3) expect(run.text.slice(m.start, m.end), markup(models)).toBe('VCF');
      }),
      { numRuns: 200 },
    );
  });

  it('should never read text inside skipped or editable elements', () => {
    fc.assert(
      fc.property(treeArb(words), (models) => {
        const root = mount(models);
        for (const run of textRuns(root))
          for (const n of run.nodes) expect(isInsideSkipped(n), `"${n.data}" in ${markup(models)}`).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('createScanner on random pages (a Highlight polyfill: happy-dom has none)', () => {
  const matcher = compileMatcher(SMALL);
  afterEach(() => {
    document.body.replaceChildren();
  });

  const scan = async (root: HTMLElement): Promise<{ texts: string[]; ranges: Range[]; size: number }> => {
    const controller = new AbortController();
    const highlight = new Highlight();
    const scanner = createScanner({
      matcher,
      highlight,
      signal: controller.signal,
      paint: { frame: (fn) => fn(), gapMs: 0 },
    });
    await scanner.scan(root);
    const ranges = scanner.index.all().map((m) => m.range);
    const size = highlight.size;
    controller.abort();
    expect(highlight.size, 'aborting the session takes every mark out of the highlight').toBe(0);
    return { texts: ranges.map((r) => r.toString()), ranges, size };
  };

  it('should put exactly its marks into the highlight, each a whole visible term, the same on a second scan', async () => {
    await fc.assert(
      fc.asyncProperty(treeArb(WORDS), async (models) => {
        document.body.replaceChildren();
        const root = document.createElement('div');
        build(models, root);
        document.body.appendChild(root);
        // eslint-disable-next-line no-restricted-properties
        const before = root.innerHTML;
        const flat = readerText(root);
        const first = await scan(root);
        expect(first.size).toBe(first.ranges.length);
        const found: Found[] = first.ranges.map((r) => {
          const from = flat.at.get(r.startContainer as Text)! + r.startOffset;
          const to = flat.at.get(r.endContainer as Text)! + r.endOffset;
          return {
            text: flat.text.slice(from, to),
            from,
            to,
            inSkipped: isInsideSkipped(r.startContainer) || isInsideSkipped(r.endContainer),
          };
        });
        // What the reader sees under each mark must be exactly one whole term.
        const notATerm = found.filter((f) => {
          const m = matcher.find(f.text);
          return m.length !== 1 || m[0]!.start !== 0 || m[0]!.end !== f.text.length;
        });
        const bad = [
          ...notATerm.map((f) => `the mark covers ${JSON.stringify(f.text)}, which is not one whole term`),
          ...violations(found, flat),
        ];
        if (bad.length) throw new Error(`${bad[0]}\n  page: ${markup(models)}`);
        const second = await scan(root);
        expect(second.texts).toEqual(first.texts);
        // eslint-disable-next-line no-restricted-properties
        expect(root.innerHTML).toBe(before);
      }),
      { numRuns: 300 },
    );
  });
});
