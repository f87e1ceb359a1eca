import type { Mark, MarkIndex } from './marks';

interface CaretDoc {
  caretPositionFromPoint?: (
    x: number,
    y: number,
    options?: { shadowRoots?: ShadowRoot[] },
  ) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
}

/** The caret under a point: `caretPositionFromPoint` (both browsers now), or WebKit's older call. */
function caretAt(
  doc: Document,
  x: number,
  y: number,
  shadowRoots: ReadonlySet<ShadowRoot>,
): { node: Node; offset: number } | undefined {
  const d = doc as unknown as CaretDoc;
  if (d.caretPositionFromPoint) {
    const p = shadowRoots.size
      ? d.caretPositionFromPoint.call(doc, x, y, { shadowRoots: [...shadowRoots] })
      : d.caretPositionFromPoint.call(doc, x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : undefined;
  }
  const r = d.caretRangeFromPoint?.call(doc, x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : undefined;
}

/**
 * The mark under a viewport point: one caret lookup and one map lookup. The caret snaps to the
 * nearest character, so the point must also fall inside one of the mark's line boxes.
 */
export function markAtPoint(
  doc: Document,
  index: MarkIndex,
  x: number,
  y: number,
  shadowRoots: ReadonlySet<ShadowRoot> = new Set(),
): Mark | undefined {
  const caret = caretAt(doc, x, y, shadowRoots);
  if (!caret || caret.node.nodeType !== 3) return undefined;
  // The caret lands between characters: the character under the pointer may be before or after it.
  const candidates = [index.shownAt(caret.node, caret.offset), index.shownAt(caret.node, caret.offset - 1)];
  for (const mark of candidates) {
    if (!mark) continue;
    for (const r of mark.range.getClientRects())
      if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return mark;
  }
  return undefined;
}
