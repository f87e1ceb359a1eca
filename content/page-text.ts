import { FIRST_STAGE_LIMITS } from './limits';

/** Elements whose text is never prose; their text would only slow the precheck. */
const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math']);
// Numbers, not Node.TEXT_NODE and NodeFilter: each DOM interface first named in the isolated world is built there.
const TEXT_NODE = 3;
const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;

/**
 * Whether the text under `roots` (open shadow roots included) may hold a glossary term, by
 * `test`. Very big pages answer "maybe" without reading everything: the engine scans them in
 * slices anyway, and a long precheck would be a long task of its own.
 */
export function mayHoldTerm(roots: Iterable<Node>, test: (text: string) => boolean): boolean {
  const texts: string[] = [];
  let chars = 0;
  let total = 0;
  let nodes = 0;
  const flush = (): boolean => {
    const hit = texts.length > 0 && test(texts.join('\n'));
    texts.length = 0;
    chars = 0;
    return hit;
  };
  const take = (data: string): boolean => {
    texts.push(data);
    chars += data.length;
    total += data.length;
    return total > FIRST_STAGE_LIMITS.precheckChars || (chars > FIRST_STAGE_LIMITS.precheckChunkChars && flush());
  };
  const visit = (from: Node): boolean | undefined => {
    if (from.nodeType === TEXT_NODE) return take((from as Text).data) || undefined;
    const doc = from.ownerDocument ?? (from as Document);
    const walker = doc.createTreeWalker(from, SHOW_ELEMENT_AND_TEXT);
    let node = walker.nextNode();
    while (node) {
      if (++nodes > FIRST_STAGE_LIMITS.precheckNodes) return true;
      if (node.nodeType === TEXT_NODE) {
        if (take((node as Text).data)) return true;
        node = walker.nextNode();
        continue;
      }
      const el = node as Element;
      if (el.shadowRoot && visit(el.shadowRoot)) return true;
      node = NOT_TEXT.has(el.localName) ? skipSubtree(walker) : walker.nextNode();
    }
    return undefined;
  };
  for (const root of roots) if (visit(root)) return true;
  return flush();
}

function skipSubtree(walker: TreeWalker): Node | null {
  const next = walker.nextSibling();
  if (next) return next;
  while (walker.parentNode()) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
  }
  return null;
}

/**
 * Whether the page's rendered text may hold a term, by `test`. The page is read by one call of
 * `innerText` (the browser's own walk: script and style left out, blocks split by line breaks),
 * not node by node: walking the elements made the isolated world build a wrapper for each one,
 * 3-17 ms on ordinary pages. Text that is not rendered yet (a closed accordion) and text inside
 * shadow roots are not read here; the engine still marks them once it loads for other text.
 */
export function documentMayHoldTerm(doc: Document, test: (text: string) => boolean): boolean {
  const body = doc.body;
  if (!body) return mayHoldTerm([doc.documentElement], test);
  if (doc.getElementsByTagName('*').length > FIRST_STAGE_LIMITS.precheckElements) return true;
  const text = body.innerText;
  return text.length > FIRST_STAGE_LIMITS.precheckChars || test(text);
}

/**
 * Resolves once the document may hold a term: at once, or when text added later (a single-page app that
 * renders its article after load, an infinite feed) does. Added text is checked in batches, at most
 * once per `FIRST_STAGE_LIMITS.wakeCheckMs`; the observer goes away when it resolves or `signal` aborts.
 */
export function whenMayHoldTerm(doc: Document, test: (text: string) => boolean, signal: AbortSignal): Promise<void> {
  if (documentMayHoldTerm(doc, test)) return Promise.resolve();
  const root = doc.body ?? doc.documentElement;
  return new Promise((resolve) => {
    let pending: Node[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = (): void => {
      observer.disconnect();
      clearTimeout(timer);
    };
    const check = (): void => {
      timer = undefined;
      const nodes = pending.filter((n) => n.isConnected);
      pending = [];
      // One budget for the whole batch: a page that adds 100,000 nodes at once gets "maybe".
      if (mayHoldTerm(nodes, test)) {
        stop();
        resolve();
      }
    };
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'characterData') pending.push(r.target);
        else for (const n of r.addedNodes) pending.push(n);
      }
      timer ??= setTimeout(check, FIRST_STAGE_LIMITS.wakeCheckMs);
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    signal.addEventListener('abort', stop, { once: true });
  });
}
