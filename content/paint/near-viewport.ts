import { blockOf } from '../scan';
import { inNextFrame } from '../yield';
import { LIMITS } from '../limits';
import { byPosition, marksAroundViewport, type Paintable } from './window-search';

const now = (): number => performance.now();

/** Makes the observer of blocks near the viewport. */
export type ObserveBlocks = (
  callback: IntersectionObserverCallback,
) => Pick<IntersectionObserver, 'observe' | 'unobserve' | 'disconnect'>;

export interface NearViewportOptions {
  /** A block with more marks than this is painted around the viewport only. */
  bigBlock?: number;
  /** Most marks painted in one big block. */
  cap?: number;
  /** How long a big block must go without new or removed marks before it is painted, ms. */
  quietMs?: number;
}

interface Group<M> {
  readonly el: Element;
  readonly marks: Set<M>;
  /** `marks` in document order, rebuilt when they change. */
  ordered: M[] | undefined;
  /** Whether some mark was added before one already in the group (a rescan), so order must be sorted. */
  unsorted: boolean;
  last: M | undefined;
  near: boolean;
  painted: Set<M>;
  /** When a mark last came or went (performance.now()). */
  changedAt: number;
}

/** An IntersectionObserver with a margin of half a viewport above and below, where the browser has one. */
export function viewportObserver(): ObserveBlocks | undefined {
  if (typeof IntersectionObserver === 'undefined') return undefined;
  const margin = `${LIMITS.paintMarginViewports * 100}%`;
  return (cb) => new IntersectionObserver(cb, { rootMargin: `${margin} 0px ${margin} 0px` });
}

/**
 * Paints only the marks in blocks near the viewport, and in a huge block only those around the
 * viewport, moved as the reader scrolls. A huge block whose marks keep changing (a live log) is
 * left bare until it is quiet. Everything it started stops when `signal` aborts.
 */
export class NearViewport<M extends Paintable> {
  private readonly groups = new Map<Element, Group<M>>();
  private readonly groupOf = new Map<M, Group<M>>();
  private readonly dirty = new Set<Group<M>>();
  private readonly io: ReturnType<ObserveBlocks>;
  private readonly blocks = new Map<Node, Node | null>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Big blocks left bare while their marks change, and the timer that paints them when quiet. */
  private readonly waiting = new Set<Group<M>>();
  private quietTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly onScroll = (): void => {
    for (const g of this.groups.values()) if (g.near && g.marks.size > this.bigBlock) this.dirty.add(g);
    this.later();
  };
  private listening: Document | undefined;
  private readonly bigBlock: number;
  private readonly quietMs: number;

  constructor(
    private readonly highlight: Highlight,
    observe: ObserveBlocks,
    private readonly signal: AbortSignal,
    private readonly opts: NearViewportOptions,
    /** Whether marks now change because the page does (see Painter.followChanges). */
    private readonly following: () => boolean,
  ) {
    this.bigBlock = opts.bigBlock ?? LIMITS.paintWindowedBlockMarks;
    this.quietMs = opts.quietMs ?? LIMITS.paintQuietBlockMs;
    this.io = observe((entries) => {
      for (const e of entries) {
        const g = this.groups.get(e.target);
        if (!g || g.near === e.isIntersecting) continue;
        g.near = e.isIntersecting;
        this.dirty.add(g);
      }
      this.update(true);
    });
    signal.addEventListener(
      'abort',
      () => {
        this.dirty.clear();
        this.io.disconnect();
        clearTimeout(this.timer);
        clearTimeout(this.quietTimer);
      },
      { once: true },
    );
  }

  /** Paints `g` once its marks have stopped changing for `quietMs`. */
  private whenQuiet(g: Group<M>): void {
    this.waiting.add(g);
    if (this.quietTimer !== undefined) return;
    const check = (): void => {
      this.quietTimer = undefined;
      if (this.signal.aborted) return;
      let soonest = Infinity;
      for (const w of this.waiting) {
        const left = w.changedAt + this.quietMs - now();
        if (left > 0) soonest = Math.min(soonest, left);
        else {
          this.waiting.delete(w);
          if (this.groups.get(w.el) === w) this.dirty.add(w);
        }
      }
      if (soonest < Infinity) this.quietTimer = setTimeout(check, soonest);
      if (this.dirty.size) this.later();
    };
    this.quietTimer = setTimeout(check, Math.max(0, g.changedAt + this.quietMs - now()));
  }

  add(mark: M): void {
    const el = this.elementOf(mark);
    let g = this.groups.get(el);
    if (!g) {
      g = {
        el,
        marks: new Set(),
        ordered: undefined,
        unsorted: false,
        last: undefined,
        near: false,
        painted: new Set(),
        changedAt: -Infinity,
      };
      this.groups.set(el, g);
      this.io.observe(el);
      this.listen(el.ownerDocument);
    }
    // Marks arrive in document order, but a rescan may add some behind later ones. Only the cheap
    // case is checked here (the same text node); the window search's layout reads catch the rest.
    const last = g.last;
    if (last && last.range.startContainer === mark.range.startContainer && last.range.startOffset > mark.range.startOffset)
      g.unsorted = true;
    g.last = mark;
    g.marks.add(mark);
    g.ordered = undefined;
    if (this.following()) g.changedAt = now();
    this.groupOf.set(mark, g);
    if (g.near) this.dirty.add(g);
  }

  remove(mark: M): void {
    const g = this.groupOf.get(mark);
    if (!g) return;
    this.groupOf.delete(mark);
    g.marks.delete(mark);
    g.painted.delete(mark);
    g.ordered = undefined;
    if (this.following()) g.changedAt = now();
    if (g.last === mark) g.last = undefined;
    if (g.marks.size === 0) {
      this.io.unobserve(g.el);
      this.groups.delete(g.el);
      this.dirty.delete(g);
    } else if (g.near) this.dirty.add(g);
  }

  /**
   * Brings the painted ranges of changed groups in line with what should show. A huge block's
   * window reads layout, which right after the page changed would force it: unless `inFrame` (the
   * observer reports after layout), that waits for a timer, once for any number of changes.
   */
  update(inFrame = false): void {
    if (this.signal.aborted) return;
    this.blocks.clear();
    for (const g of this.dirty) {
      if (g.marks.size > this.bigBlock && now() - g.changedAt < this.quietMs) {
        // Still changing: bare until quiet, then painted (checked again by a timer).
        this.dirty.delete(g);
        for (const m of g.painted) this.highlight.delete(m.range);
        g.painted = new Set();
        this.whenQuiet(g);
        continue;
      }
      if (!inFrame && g.near && g.marks.size > this.bigBlock) {
        this.later();
        continue;
      }
      this.dirty.delete(g);
      const want = new Set(g.near ? this.nearMarks(g) : []);
      for (const m of g.painted) if (!want.has(m)) this.highlight.delete(m.range);
      for (const m of want) if (!g.painted.has(m)) this.highlight.add(m.range);
      g.painted = want;
    }
  }

  /**
   * Moves huge blocks' windows once things settle: after a timer, inside the next frame, where
   * the layout the reads need is the one the frame does anyway (from a timer task they would
   * force an extra layout of a page that just changed).
   */
  private later(): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      inNextFrame(
        () => {
          this.timer = undefined;
          this.update(true);
        },
        LIMITS.paintWindowNoFrameMs,
        this.listening?.defaultView ?? undefined,
      );
    }, LIMITS.paintSettleMs);
  }

  private nearMarks(g: Group<M>): Iterable<M> {
    if (g.marks.size <= this.bigBlock) return g.marks;
    if (!g.ordered) {
      g.ordered = [...g.marks];
      if (g.unsorted) byPosition(g.ordered);
      g.unsorted = false;
    }
    const view = g.el.ownerDocument.defaultView?.innerHeight ?? LIMITS.viewportFallbackPx;
    return marksAroundViewport(g.ordered, view, this.opts.cap ?? LIMITS.paintBlockWindowMarks);
  }

  /** The element whose nearness to the viewport decides whether the mark is painted. */
  private elementOf(mark: M): Element {
    const node = mark.range.startContainer;
    const block = blockOf(node, this.blocks);
    if (block instanceof Element) return block;
    const host = (block as ShadowRoot | null)?.host ?? node.parentElement;
    return host ?? (node.ownerDocument ?? (node as Document)).documentElement;
  }

  private listen(doc: Document): void {
    if (this.listening) return;
    this.listening = doc;
    // Capture: scrolling inside any scroller moves marks too, and scroll events do not bubble.
    const opts = { capture: true, passive: true, signal: this.signal };
    doc.addEventListener('scroll', this.onScroll, opts);
    doc.defaultView?.addEventListener('resize', this.onScroll, { passive: true, signal: this.signal });
  }
}
