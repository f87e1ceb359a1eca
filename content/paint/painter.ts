import { inNextFrame } from '../yield';
import { LIMITS } from '../limits';
import { NearViewport, viewportObserver, type NearViewportOptions, type ObserveBlocks } from './near-viewport';
import type { Paintable } from './window-search';

export type { Paintable } from './window-search';

export interface PainterOptions extends NearViewportOptions {
  /** Stops every timer, observer and listener of the painter. */
  signal?: AbortSignal;
  /** Marks beyond which only those near the viewport are painted (tests lower it). */
  limit?: number;
  /** Least time between two paints, ms (tests pass 0). */
  gapMs?: number;
  /** Runs the painting at the next frame (tests pass one that runs it at once). */
  frame?: (fn: () => void) => void;
  /** Makes the observer of blocks near the viewport (tests pass a fake one). */
  observe?: ObserveBlocks;
}

const isGiant = (node: Node): boolean => node.nodeType === 3 && (node as Text).length > LIMITS.paintGiantTextChars;

/**
 * Decides which of its marks are in the Highlight. Up to the limit, all of them, added in batches
 * at most once a frame and once per `gapMs`. Above it, only those near the viewport (NearViewport).
 * Marks not painted still answer hover and navigation: they are painted as soon as they come near.
 */
export class Painter<M extends Paintable> {
  /** Every mark the painter is to show (those in giant text count but are never drawn). */
  private readonly marks = new Set<M>();
  private readonly queued = new Set<M>();
  /** Ranges of removed marks, taken out of the highlight at the next paint. */
  private readonly dropped = new Set<Range>();
  private nearViewport: NearViewport<M> | undefined;
  private scheduled = false;
  private gapTimer: ReturnType<typeof setTimeout> | undefined;
  private lastPaint = -Infinity;
  private following = false;
  private readonly signal: AbortSignal;

  constructor(
    private readonly highlight: Highlight,
    private readonly opts: PainterOptions = {},
  ) {
    this.signal = opts.signal ?? new AbortController().signal;
    this.signal.addEventListener(
      'abort',
      () => {
        clearTimeout(this.gapTimer);
        this.marks.clear();
        this.queued.clear();
        this.dropped.clear();
        // Its own listener on the same signal has stopped its observer and timers.
        this.nearViewport = undefined;
      },
      { once: true },
    );
  }

  get isWindowed(): boolean {
    return this.nearViewport !== undefined;
  }

  add(mark: M): void {
    if (this.signal.aborted) return;
    this.marks.add(mark);
    // Not painted, still explained: see LIMITS.paintGiantTextChars.
    if (!isGiant(mark.range.startContainer)) this.queued.add(mark);
  }

  /**
   * From now on marks come and go because the page changed (rescans), not because the first scan
   * is still finding them: a big block whose marks change is left bare until it is quiet.
   */
  followChanges(): void {
    this.following = true;
  }

  remove(mark: M): void {
    if (!this.marks.delete(mark) || this.queued.delete(mark)) return;
    this.dropped.add(mark.range);
    this.nearViewport?.remove(mark);
    this.schedule();
  }

  /**
   * Paints what was added since the last call, at the next frame: a highlight changed outside a
   * frame makes the browser draw an extra one, and on a page that changes all the time those
   * extra frames were a third of its rendering.
   */
  flush(): void {
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.signal.aborted) return;
    this.scheduled = true;
    const paint = (): void =>
      (this.opts.frame ?? ((fn) => inNextFrame(fn, LIMITS.paintNoFrameMs)))(() => {
        this.scheduled = false;
        if (this.signal.aborted) return;
        this.lastPaint = performance.now();
        this.apply();
      });
    // The one paint throttle: each paint is a frame that redraws the marked text, so while marks
    // keep coming (a long scan, a live feed) they wait a little and go in together.
    const wait = this.lastPaint + (this.opts.gapMs ?? LIMITS.paintGapMs) - performance.now();
    if (wait > 0) this.gapTimer = setTimeout(paint, wait);
    else paint();
  }

  private apply(): void {
    for (const range of this.dropped) this.highlight.delete(range);
    this.dropped.clear();
    if (!this.nearViewport && this.marks.size > (this.opts.limit ?? LIMITS.paintAllMarksUpTo)) {
      const observe = this.opts.observe ?? viewportObserver();
      if (observe) {
        this.highlight.clear();
        this.queued.clear();
        this.nearViewport = new NearViewport(this.highlight, observe, this.signal, this.opts, () => this.following);
        for (const m of this.marks) if (!isGiant(m.range.startContainer)) this.nearViewport.add(m);
        return;
      }
    }
    if (this.nearViewport) for (const m of this.queued) this.nearViewport.add(m);
    else for (const m of this.queued) this.highlight.add(m.range);
    this.queued.clear();
    this.nearViewport?.update();
  }
}
