import { isInline } from '../scan';
import { LIMITS } from '../limits';

/** What the painter needs of a mark: its range. */
export interface Paintable {
  readonly range: Range;
}

export interface Rect {
  top: number;
  bottom: number;
}

/**
 * The marks of one block (in document order) that lie between `top` and `bottom`, at most `cap`.
 * Text in a block flows top to bottom, so both ends of the window are found by binary search with
 * a handful of layout reads, not one per mark (layout reads in a huge block are dear: see boxOf).
 * Undefined when the reads show the marks are not in drawing order.
 */
export function windowOf<T>(
  marks: readonly T[],
  rectOf: (m: T) => Rect,
  top: number,
  bottom: number,
  cap: number,
): T[] | undefined {
  // Probes seen, by index: if a later mark is drawn above an earlier one, the order is not the
  // drawing order and the search cannot be trusted (undefined: the caller sorts by position).
  const probes: [number, number][] = [];
  /** The first index from `lo` whose box satisfies `past` (boxes are monotonic in index). */
  const search = (lo: number, past: (r: Rect) => boolean): number => {
    let hi = marks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const r = rectOf(marks[mid]!);
      // Text that is not drawn (display: none) has an empty box at 0: no evidence either way.
      if (r.bottom > r.top) probes.push([mid, r.top]);
      if (past(r)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const first = search(0, (r) => r.bottom >= top);
  const end = search(first, (r) => r.top > bottom);
  probes.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < probes.length; i++) if (probes[i]![1] < probes[i - 1]![1]) return undefined;
  return marks.slice(first, Math.min(end, first + cap));
}

/**
 * The marks of a huge block to paint for a viewport `view` px tall: those within half a viewport
 * of it (LIMITS.paintMarginViewports), at most `cap`. `ordered` is sorted by position in place
 * when the window search finds it is not in drawing order.
 */
export function marksAroundViewport<M extends Paintable>(ordered: M[], view: number, cap: number): M[] {
  const rectOf = (m: M): Rect => boxOf(m.range, view * LIMITS.paintInlineBoxViewports);
  const top = -LIMITS.paintMarginViewports * view;
  const bottom = (1 + LIMITS.paintMarginViewports) * view;
  return windowOf(ordered, rectOf, top, bottom, cap) ?? windowOf(byPosition(ordered), rectOf, top, bottom, cap) ?? [];
}

/**
 * Where a mark is drawn, near enough to choose which to paint. The first box of a range read in a
 * block costs Chromium a walk of the whole block (25 ms in a block of 50,000 spans, again after
 * every change to it), an inline element's box does not: a short inline element around the text
 * (under `tallest` px) stands in for the range.
 */
export function boxOf(range: Range, tallest: number): DOMRect {
  const parent = range.startContainer.parentElement;
  if (parent && range.startContainer === range.endContainer && isInline(parent)) {
    const box = parent.getBoundingClientRect();
    if (box.bottom > box.top && box.height < tallest) return box;
  }
  return range.getBoundingClientRect();
}

/** Marks in reading order by where they are drawn (sorted in place), with one layout read each. */
export function byPosition<M extends Paintable>(marks: M[]): M[] {
  const view = marks[0]?.range.startContainer.ownerDocument?.defaultView?.innerHeight ?? LIMITS.viewportFallbackPx;
  const at = new Map(marks.map((m) => [m, boxOf(m.range, view * LIMITS.paintInlineBoxViewports)]));
  return marks.sort((a, b) => at.get(a)!.top - at.get(b)!.top || at.get(a)!.left - at.get(b)!.left);
}
