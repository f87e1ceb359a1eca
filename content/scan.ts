import { isWordCode } from '../glossary/normalize';
import { LIMITS } from './limits';

/** Tag name of the element that hosts the tooltip's shadow root; the scanner never enters it. */
export const HOST_TAG = 'health-glossary-tooltip';

/** Elements whose text is code, input, hidden machinery or not prose: never scanned. */
export const SKIPPED_TAGS: readonly string[] = [
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'optgroup',
  'code',
  'pre',
  'kbd',
  'samp',
  'svg',
  'math',
  'iframe',
  'frame',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
  HOST_TAG,
];
const SKIPPED = new Set(SKIPPED_TAGS);

/** Inline formatting: a term split across these ("<b>vertebral</b> fracture") is still one term. */
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

/** Whether an element is inline formatting that text may run across. */
export function isInline(el: Element): boolean {
  return INLINE.has(el.localName);
}

/** Whether the scanner must not look inside this element (or anything below it). */
export function isSkipped(el: Element): boolean {
  if (SKIPPED.has(el.localName)) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** Whether a node sits inside a skipped element or editable region (checked once per scope, not per node). */
export function isInsideSkipped(node: Node): boolean {
  for (let el = node instanceof Element ? node : node.parentElement; el; el = el.parentElement) if (isSkipped(el)) return true;
  return (node.ownerDocument ?? (node as Document)).designMode === 'on';
}

/** The nearest ancestor that is not inline formatting: the block a run of text belongs to. */
export function blockOf(node: Node, cache?: Map<Node, Node | null>): Node | null {
  const parent = node.parentNode;
  if (!cache || !parent) {
    let p = parent;
    while (p instanceof Element && INLINE.has(p.localName)) p = p.parentNode;
    return p;
  }
  // Memoised per parent: text deep inside nested inline tags would otherwise climb the same
  // ancestors again for every node (quadratic on 10,000 nested spans).
  const hit = cache.get(parent);
  if (hit !== undefined) return hit;
  const climbed: Node[] = [];
  let p: Node | null = parent;
  let block: Node | null | undefined;
  while (p instanceof Element && INLINE.has(p.localName)) {
    const known = cache.get(p);
    if (known !== undefined) {
      block = known;
      break;
    }
    climbed.push(p);
    p = p.parentNode;
  }
  if (block === undefined) block = p;
  for (const c of climbed) cache.set(c, block);
  cache.set(parent, block);
  return block;
}

/** Consecutive text nodes of one block, joined so that terms split by inline tags still match. */
export interface TextRun {
  nodes: Text[];
  /** Offset of each node's first character in `text`. */
  starts: number[];
  text: string;
}

/** Stands for a hidden word character at the edge of skipped inline text: never in a pattern. */
export const HIDDEN_WORD = '\uE000';
/** Stands for hidden non-word text: never in a pattern, so no match runs across it. */
export const HIDDEN_GAP = '\uFFFC';
/** Skipped elements that sit inside a line of prose, so words may run into them. */
const INLINE_SKIPPED = new Set(['code', 'kbd', 'samp']);

/** Skipped elements the browser never renders: they vanish from the line, words run across them. */
const UNRENDERED = new Set(['script', 'style', 'noscript', 'template', 'head', 'title']);

/**
 * What a skipped element leaves in the run text: nothing if it is never rendered, its edge
 * characters' word shape if it is inline text (code, an editable span), else a gap no term spans.
 */
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
 * Walks `root` once, rejecting skipped subtrees (and `exclude`, already scanned) whole, and yields
 * its text as runs. Open shadow roots met on the way are handed to `onShadowRoot` to be scanned as
 * roots of their own.
 */
export function* textRuns(
  root: Node,
  exclude?: Node,
  onShadowRoot?: (root: ShadowRoot) => void,
  /** More elements to skip, for the extension's own pages (their headings name the terms). */
  skipSelector?: string,
): Generator<TextRun> {
  // A text node added to a huge block is rescanned alone; a walker never returns its own root.
  if (root.nodeType === 3) {
    const text = root as Text;
    if (text.data) yield { nodes: [text], starts: [0], text: text.data };
    return;
  }
  const doc = root.ownerDocument ?? (root as Document);
  let run: TextRun = { nodes: [], starts: [], text: '' };
  let block: Node | null = null;
  // Skipped text still shapes the words around it ("x<code>y</code>osteoporosis" has no word
  // start before "osteoporosis"): a stand-in goes into the run it belongs to, or is kept for the
  // next run of its block.
  let prefix: { block: Node | null; text: string } | undefined;
  const blocks = new Map<Node, Node | null>();
  // No NodeFilter: a JS filter call per node cost about as much as the walk itself (measured in
  // scripts/bench/profile.ts); skipped subtrees are stepped over by hand instead.
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
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
        node = nextOutside(walker);
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
    const b = blockOf(text, blocks);
    // A huge block is handed over in pieces, so the scanner can yield between them; a term split
    // across inline tags exactly at a piece boundary is the (rare) price.
    if ((b !== block || run.text.length > LIMITS.scanRunChars) && run.nodes.length) {
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

/** The node after the walker's current subtree (its next sibling, or an ancestor's), or null at the end. */
function nextOutside(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}
