import { blockOf, HOST_TAG, isInline } from './scan';
import { inNextFrame } from './yield';
import { LIMITS } from './limits';

export interface ChangeBatch {
  /** Subtrees whose text is new or changed, none inside another. */
  scopes: Node[];
  /** Whether nodes were removed (their marks must be dropped). */
  removed: boolean;
}

/**
 * One MutationObserver on `root`, batched per animation frame: reports the subtrees that need a
 * rescan. Additions inside additions collapse into one scope; the tooltip host is ignored.
 */
export function watchChanges(root: Node, onBatch: (batch: ChangeBatch) => void, signal: AbortSignal): void {
  let records: MutationRecord[] = [];
  let scheduled = false;

  const flush = (): void => {
    scheduled = false;
    if (signal.aborted || records.length === 0) return;
    const batch = toBatch(records, root);
    records = [];
    if (batch.scopes.length || batch.removed) onBatch(batch);
  };

  const observer = new MutationObserver((list) => {
    records.push(...list);
    if (scheduled) return;
    scheduled = true;
    // rAF never fires in background tabs; the timeout makes sure they catch up too. The work runs
    // in a task of its own after the frame, not inside the page's rendering update.
    inNextFrame(() => setTimeout(flush, 0), 250);
  });
  observer.observe(root, { childList: true, characterData: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}

const isOwn = (node: Node): boolean => node.nodeType === 1 && (node as Element).localName === HOST_TAG;

/** Turns mutation records into the smallest set of subtrees to rescan. */
export function toBatch(records: readonly MutationRecord[], root: Node): ChangeBatch {
  const scopes = new Set<Node>();
  let removed = false;
  const addScope = (n: Node | null): void => {
    if (n?.isConnected) scopes.add(n);
  };
  for (const r of records) {
    if (isOwn(r.target)) continue;
    if (r.type === 'characterData') {
      removed = true;
      addScope(blockOf(r.target));
      continue;
    }
    if (r.removedNodes.length) removed = true;
    for (const n of r.addedNodes) {
      if (isOwn(n)) continue;
      // New text, or inline formatting, can join text around it into a term: rescan the block,
      // unless the block is huge (a feed appending spans to one container), where rescanning it
      // on every frame would grow without bound: then only the new node.
      if (n.nodeType === 3 || (n.nodeType === 1 && isInline(n as Element))) {
        const block = blockOf(n);
        addScope(block && block.childNodes.length <= LIMITS.watchWholeBlockChildren ? block : n);
      } else if (n.nodeType === 1) addScope(n);
    }
  }
  if (scopes.size > LIMITS.watchFloodSubtrees) return { scopes: [root], removed };
  const outermost = [...scopes].filter((s) => {
    for (let p = s.parentNode; p; p = p.parentNode) if (scopes.has(p)) return false;
    return true;
  });
  return { scopes: outermost, removed };
}
