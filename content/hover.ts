import { markAtPoint } from './hit-test';
import type { LazyTooltip } from './lazy-tooltip';
import type { Mark, MarkIndex } from './marks';

export interface HoverOptions {
  doc: Document;
  index: MarkIndex;
  tooltip: LazyTooltip;
  signal: AbortSignal;
  /** Open shadow roots with marks, so the caret lookup can see into them. */
  shadowRoots?: ReadonlySet<ShadowRoot>;
  /** Pause before the card opens, so sweeping the pointer across text stays calm. */
  showDelay: number;
  /** Grace period to move from the term onto the card. */
  hideDelay?: number;
}

/**
 * Shows the card for the mark under the pointer (after a short delay) or under a tap (at once);
 * hides it when the pointer leaves both the term and the card, or on Escape. Pointer moves are
 * coalesced to one hit-test per animation frame.
 */
export function followPointer(opts: HoverOptions): void {
  const { doc, index, tooltip, signal } = opts;
  const hideDelay = opts.hideDelay ?? 300;
  let frame = 0;
  let last: PointerEvent | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: Mark | undefined;
  const listen = { signal, passive: true } as const;

  const later = (fn: () => void, ms: number): void => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
  const open = (mark: Mark, x: number, y: number): void => {
    void tooltip.show(mark.termId, { range: mark.range, x, y });
  };

  const check = (): void => {
    frame = 0;
    const e = last;
    if (!e || signal.aborted) return;
    if (tooltip.contains(e.composedPath())) {
      clearTimeout(timer); // on the card: keep it (WCAG 1.4.13, hoverable)
      return;
    }
    const mark = markAtPoint(doc, index, e.clientX, e.clientY, opts.shadowRoots);
    if (mark === current) {
      if (!mark && tooltip.visible) later(() => tooltip.hide(), hideDelay);
      return;
    }
    current = mark;
    // The card's code loads, and its card renders, during the hover delay, so the first card is not late.
    if (mark) tooltip.preload(mark.termId);
    // The delay runs from the pointer's arrival, not from this frame's check (up to a frame later).
    const waited = Math.max(0, performance.now() - e.timeStamp);
    if (mark) later(() => open(mark, e.clientX, e.clientY), tooltip.visible ? 0 : Math.max(0, opts.showDelay - waited));
    else if (tooltip.visible) later(() => tooltip.hide(), hideDelay);
    else clearTimeout(timer);
  };

  doc.addEventListener(
    'pointermove',
    (e) => {
      if (e.pointerType !== 'mouse' && e.pointerType !== 'pen') return;
      last = e;
      frame ||= requestAnimationFrame(check);
    },
    listen,
  );
  // A tap has no hover: show the card at once.
  doc.addEventListener(
    'pointerup',
    (e) => {
      if (e.pointerType !== 'touch') return;
      const mark = markAtPoint(doc, index, e.clientX, e.clientY, opts.shadowRoots);
      if (mark) {
        current = mark;
        clearTimeout(timer);
        open(mark, e.clientX, e.clientY);
      }
    },
    listen,
  );
  doc.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Escape' && tooltip.visible) {
        clearTimeout(timer);
        tooltip.hide();
      }
    },
    { signal },
  );
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    cancelAnimationFrame(frame);
  });
}
