import type { LazyTooltip } from './lazy-tooltip';
import type { Mark, MarkIndex } from './marks';
import { inNextFrame } from './yield';
import { LIMITS } from './limits';

/**
 * Keyboard and popup navigation: the next (or previous) mark after the last one visited, or after
 * the top of the viewport on the first call. Returns the mark it moved to.
 */
export function createNavigator(doc: Document, index: MarkIndex, tooltip: LazyTooltip) {
  let last: Mark | undefined;
  return async function jump(direction: 1 | -1, termId?: string): Promise<Mark | undefined> {
    // The card loads while the page scrolls.
    tooltip.preload();
    const marks = index.shown().filter((m) => (termId ? m.termId === termId : true));
    if (marks.length === 0) return undefined;
    let i: number;
    const at = last ? marks.indexOf(last) : -1;
    if (at >= 0) i = (at + direction + marks.length) % marks.length;
    else {
      // Start from what the reader sees: the first mark below the top of the viewport.
      const below = marks.findIndex((m) => m.range.getBoundingClientRect().top >= 0);
      i = direction === 1 ? (below >= 0 ? below : 0) : below > 0 ? below - 1 : marks.length - 1;
    }
    const mark = marks[i]!;
    last = mark;
    const el = mark.range.startContainer.parentElement;
    const reduce = doc.defaultView?.matchMedia('(prefers-reduced-motion: reduce)').matches;
    el?.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
    await settleScroll(doc);
    const r = mark.range.getBoundingClientRect();
    await tooltip.show(mark.termId, { range: mark.range, x: r.left + 1, y: r.top + r.height / 2 }, { keyboard: true });
    return mark;
  };
}

/** Waits until smooth scrolling stops moving (or about half a second). */
async function settleScroll(doc: Document): Promise<void> {
  const win = doc.defaultView;
  if (!win) return;
  let y = win.scrollY;
  for (let i = 0; i < LIMITS.scrollSettleFrames; i++) {
    await new Promise<void>((resolve) => inNextFrame(resolve, LIMITS.scrollSettleFrameMs, win));
    if (i > 2 && win.scrollY === y) return;
    y = win.scrollY;
  }
}
