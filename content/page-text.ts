import { FIRST_STAGE_LIMITS } from './limits';

/** Whether a text may hold a glossary term (the background's precheck, or a stand-in in tests). */
export type PrecheckTest = (text: string) => Promise<boolean>;

/** Elements whose text is never prose; their text would only slow the precheck. */
const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math']);
// Numbers, not Node.TEXT_NODE and NodeFilter: each DOM interface first named in the isolated world is built there.
const TEXT_NODE = 3;
const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;

/**
 * The text under `roots` (open shadow roots included), text nodes apart, for the precheck; undefined
 * when there is too much to read (very big pages answer "maybe" without reading everything: the
 * engine scans them in slices anyway, and a long read would be a long task of its own).
 */
export function textUnder(roots: Iterable<Node>): string | undefined {
  const texts: string[] = [];
  let total = 0;
  let nodes = 0;
  /** False once the text is too long. */
  const take = (data: string): boolean => {
    texts.push(data);
    total += data.length;
    return total <= FIRST_STAGE_LIMITS.precheckChars;
  };
  const visit = (from: Node): boolean => {
    if (from.nodeType === TEXT_NODE) return take((from as Text).data);
    const doc = from.ownerDocument ?? (from as Document);
    const walker = doc.createTreeWalker(from, SHOW_ELEMENT_AND_TEXT);
    let node = walker.nextNode();
    while (node) {
      if (++nodes > FIRST_STAGE_LIMITS.precheckNodes) return false;
      if (node.nodeType === TEXT_NODE) {
        if (!take((node as Text).data)) return false;
        node = walker.nextNode();
        continue;
      }
      const el = node as Element;
      if (el.shadowRoot && !visit(el.shadowRoot)) return false;
      node = NOT_TEXT.has(el.localName) ? skipSubtree(walker) : walker.nextNode();
    }
    return true;
  };
  for (const root of roots) if (!visit(root)) return undefined;
  return texts.join('\n');
}

/** Whether the text under `roots` may hold a glossary term, by `test` ("maybe" when too long to read). */
export async function mayHoldTerm(roots: Iterable<Node>, test: PrecheckTest): Promise<boolean> {
  const text = textUnder(roots);
  return text === undefined || (text !== '' && (await test(text)));
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
 * The page's rendered text for the precheck, read by one call of `innerText` (the browser's own
 * walk: script and style left out, blocks split by line breaks), not node by node: walking the
 * elements made the isolated world build a wrapper for each one, 3-17 ms on ordinary pages. Text
 * that is not rendered yet (a closed accordion) and text inside shadow roots are not read here; the
 * engine still marks them once it loads for other text. Undefined: too much to read ("maybe").
 */
export function documentText(doc: Document): string | undefined {
  const body = doc.body;
  if (!body) return textUnder([doc.documentElement]);
  if (doc.getElementsByTagName('*').length > FIRST_STAGE_LIMITS.precheckElements) return undefined;
  const text = body.innerText;
  return text.length > FIRST_STAGE_LIMITS.precheckChars ? undefined : text;
}

/** Whether the page's rendered text may hold a term, by `test`. */
export async function documentMayHoldTerm(doc: Document, test: PrecheckTest): Promise<boolean> {
  const text = documentText(doc);
  return text === undefined || (text.trim() !== '' && (await test(text)));
}

/**
 * Resolves once the document may hold a term: at once, or when text added later (a single-page app that
 * renders its article after load, an infinite feed) does. Added text is checked in batches, at most
 * once per `FIRST_STAGE_LIMITS.wakeCheckMs` and one batch at a time; the observer starts before the
 * first answer comes back, so text added meanwhile is not missed, and goes away when it resolves or
 * `signal` aborts. Never resolves once `signal` aborted.
 */
export function whenMayHoldTerm(doc: Document, test: PrecheckTest, signal: AbortSignal): Promise<void> {
  const root = doc.body ?? doc.documentElement;
  return new Promise((resolve) => {
    let pending: Node[] = [];
    // Set while a batch waits for its time or its answer: at most one at a time.
    let timer: ReturnType<typeof setTimeout> | undefined;
    let busy = true;
    let done = false;
    const stop = (): void => {
      done = true;
      observer.disconnect();
      clearTimeout(timer);
    };
    const settle = (hit: boolean): void => {
      busy = false;
      if (signal.aborted || done) return;
      if (hit) {
        stop();
        resolve();
      } else if (pending.length > 0) timer = setTimeout(check, FIRST_STAGE_LIMITS.wakeCheckMs);
    };
    const check = (): void => {
      timer = undefined;
      busy = true;
      const nodes = pending.filter((n) => n.isConnected);
      pending = [];
      // One budget for the whole batch: a page that adds 100,000 nodes at once gets "maybe".
      void mayHoldTerm(nodes, test).then(settle, () => settle(true));
    };
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'characterData') pending.push(r.target);
        else for (const n of r.addedNodes) pending.push(n);
      }
      if (pending.length > FIRST_STAGE_LIMITS.wakeBatchNodes) {
        stop();
        resolve();
      } else if (!busy) timer ??= setTimeout(check, FIRST_STAGE_LIMITS.wakeCheckMs);
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    signal.addEventListener('abort', stop, { once: true });
    void documentMayHoldTerm(doc, test).then(settle, () => settle(true));
  });
}
