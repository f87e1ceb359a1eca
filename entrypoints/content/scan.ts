/** Tag name of the element that hosts the tooltip's shadow root; the scanner never enters it. */
export const HOST_TAG = 'health-glossary-tooltip';

/** Elements whose text is code, input, hidden machinery or not prose: never scanned. */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'optgroup',
  'code', 'pre', 'kbd', 'samp', 'svg', 'math', 'iframe', 'frame', 'object', 'embed', 'canvas',
  'video', 'audio', 'head', 'title', HOST_TAG,
]);

/** Inline formatting: a term split across these ("<b>vertebral</b> fracture") is still one term. */
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins',
  'label', 'mark', 'q', 's', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'wbr',
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
export function blockOf(node: Node): Node | null {
  let p = node.parentNode;
  while (p instanceof Element && INLINE.has(p.localName)) p = p.parentNode;
  return p;
}

/** Consecutive text nodes of one block, joined so that terms split by inline tags still match. */
export interface TextRun {
  nodes: Text[];
  /** Offset of each node's first character in `text`. */
  starts: number[];
  text: string;
}

const filterFor = (exclude: Node | undefined) => ({
  acceptNode(node: Node): number {
    if (node.nodeType !== 1) return NodeFilter.FILTER_ACCEPT;
    return node === exclude || isSkipped(node as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
  },
});

/**
 * Walks `root` once, rejecting skipped subtrees (and `exclude`, already scanned) whole, and yields
 * its text as runs. Open shadow roots met on the way are handed to `onShadowRoot` to be scanned as
 * roots of their own.
 */
export function* textRuns(
  root: Node,
  exclude?: Node,
  onShadowRoot?: (root: ShadowRoot) => void,
): Generator<TextRun> {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, filterFor(exclude));
  let run: TextRun = { nodes: [], starts: [], text: '' };
  let block: Node | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 1) {
      const el = node as Element;
      if (el.shadowRoot && onShadowRoot) onShadowRoot(el.shadowRoot);
      if (!INLINE.has(el.localName) && run.nodes.length) {
        yield run;
        run = { nodes: [], starts: [], text: '' };
      }
      continue;
    }
    const text = node as Text;
    const b = blockOf(text);
    if (b !== block && run.nodes.length) {
      yield run;
      run = { nodes: [], starts: [], text: '' };
    }
    block = b;
    run.nodes.push(text);
    run.starts.push(run.text.length);
    run.text += text.data;
  }
  if (run.nodes.length) yield run;
}
