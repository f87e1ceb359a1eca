import { blockOf, isInline } from './scan';
import { inNextFrame } from './yield';
import { LIMITS } from './limits';

/** What the painter needs of a mark: its range, and where it starts (for grouping by block). */
export interface Paintable {
  readonly range: Range;
}

const isGiant = (node: Node): boolean => node.nodeType === 3 && (node as Text).length > LIMITS.paintGiantTextChars;

const now = (): number => performance.now();

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

export interface PainterOptions {
  /** Marks beyond which painting is windowed (tests lower it). */
  limit?: number;
  bigBlock?: number;
  cap?: number;
  /** Least time between two paints, ms (tests pass 0). */
  gapMs?: number;
  /** How long a big block must go without new or removed marks before it is painted, ms. */
  quietMs?: number;
  /** Runs the painting at the next frame (tests pass one that runs it at once). */
  frame?: (fn: () => void) => void;
  /** Makes the observer of blocks near the viewport (tests pass a fake one). */
  observe?: (callback: IntersectionObserverCallback) => Pick<IntersectionObserver, 'observe' | 'unobserve' | 'disconnect'>;
}

/**
 * Decides which marks are in the Highlight. Below the limit, all of them, added in batches. Above
 * it, only those in blocks near the viewport (an IntersectionObserver with a margin of half a
 * viewport above and below), and in a huge block only the ones around the viewport, moved as the
 * reader scrolls. Marks not painted still answer hover and navigation: they are painted as soon as
 * they come near.
 */
export class Painter<M extends Paintable> {
  private readonly queued = new Set<M>();
  /** Ranges of removed marks, taken out of the highlight at the next frame. */
  private readonly dropped = new Set<Range>();
  private windowed: Windowed<M> | undefined;
  private scheduled = false;
  private lastPaint = -Infinity;
  private total = 0;
  private all: () => Iterable<M> = () => [];
  private following = false;

  constructor(
    private readonly highlight: Highlight,
    private readonly opts: PainterOptions = {},
  ) {}

  get isWindowed(): boolean {
    return this.windowed !== undefined;
  }

  add(mark: M): void {
    // Not painted, still explained: see LIMITS.paintGiantTextChars.
    if (isGiant(mark.range.startContainer)) return;
    this.queued.add(mark);
  }

  /**
   * From now on marks come and go because the page changed (rescans), not because the first scan
   * is still finding them: a big block whose marks change is left bare until it is quiet.
   */
  followChanges(): void {
    this.following = true;
  }

  remove(mark: M): void {
    if (this.queued.delete(mark)) return;
    this.dropped.add(mark.range);
    this.windowed?.remove(mark);
    this.schedule();
  }

  /**
   * Paints what was added since the last call (`all` gives every live mark if the mode switches),
   * at the next frame: a highlight changed outside a frame makes the browser draw an extra one,
   * and on a page that changes all the time those extra frames were a third of its rendering.
   */
  flush(total: number, all: () => Iterable<M>): void {
    this.total = total;
    this.all = all;
    this.schedule();
  }

  reset(): void {
    // A frame already asked for must find nothing to do (and must not switch modes after an abort).
    this.total = 0;
    this.all = () => [];
    this.queued.clear();
    this.dropped.clear();
    this.windowed?.dispose();
    this.windowed = undefined;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const paint = (): void =>
      (this.opts.frame ?? ((fn) => inNextFrame(fn, LIMITS.paintNoFrameMs)))(() => {
        this.scheduled = false;
        this.lastPaint = performance.now();
        this.apply();
      });
    // Each paint is a frame that redraws the marked text: on a page that changes all the time,
    // new marks wait a little and go in together.
    const wait = this.lastPaint + (this.opts.gapMs ?? LIMITS.paintGapMs) - performance.now();
    if (wait > 0) setTimeout(paint, wait);
    else paint();
  }

  private apply(): void {
    for (const range of this.dropped) this.highlight.delete(range);
    this.dropped.clear();
    if (!this.windowed && this.total > (this.opts.limit ?? LIMITS.paintAllMarksUpTo)) {
      const observe = this.opts.observe ?? defaultObserver();
      if (observe) {
        this.highlight.clear();
        this.queued.clear();
        this.windowed = new Windowed(this.highlight, observe, this.opts, () => this.following);
        for (const m of this.all()) if (!isGiant(m.range.startContainer)) this.windowed.add(m);
        return;
      }
    }
    if (this.windowed) for (const m of this.queued) this.windowed.add(m);
    else for (const m of this.queued) this.highlight.add(m.range);
    this.queued.clear();
    this.windowed?.update();
  }
}

function defaultObserver(): PainterOptions['observe'] | undefined {
  if (typeof IntersectionObserver === 'undefined') return undefined;
  return (cb) =>
    new IntersectionObserver(cb, {
      rootMargin: `${LIMITS.paintMarginViewports * 100}% 0px ${LIMITS.paintMarginViewports * 100}% 0px`,
    });
}

class Windowed<M extends Paintable> {
  private readonly groups = new Map<Element, Group<M>>();
  private readonly groupOf = new Map<M, Group<M>>();
  private readonly dirty = new Set<Group<M>>();
  private readonly io: Pick<IntersectionObserver, 'observe' | 'unobserve' | 'disconnect'>;
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
  private disposed = false;

  constructor(
    private readonly highlight: Highlight,
    observe: NonNullable<PainterOptions['observe']>,
    private readonly opts: PainterOptions,
    /** Whether marks now change because the page does (see Painter.followChanges). */
    private readonly following: () => boolean,
  ) {
    this.io = observe((entries) => {
      for (const e of entries) {
        const g = this.groups.get(e.target);
        if (!g || g.near === e.isIntersecting) continue;
        g.near = e.isIntersecting;
        this.dirty.add(g);
      }
      this.update(true);
    });
  }

  private get bigBlock(): number {
    return this.opts.bigBlock ?? LIMITS.paintWindowedBlockMarks;
  }

  private get quietMs(): number {
    return this.opts.quietMs ?? LIMITS.paintQuietBlockMs;
  }

  /** Paints `g` once its marks have stopped changing for `quietMs`. */
  private whenQuiet(g: Group<M>): void {
    this.waiting.add(g);
    if (this.quietTimer !== undefined) return;
    const check = (): void => {
      this.quietTimer = undefined;
      if (this.disposed) return;
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
    // case is checked here (the same text node); windowOf's layout reads catch the rest.
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
    if (this.disposed) return;
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

  dispose(): void {
    this.disposed = true;
    this.dirty.clear();
    this.io.disconnect();
    this.listening?.removeEventListener('scroll', this.onScroll, true);
    this.listening?.defaultView?.removeEventListener('resize', this.onScroll);
    if (this.timer !== undefined) clearTimeout(this.timer);
    if (this.quietTimer !== undefined) clearTimeout(this.quietTimer);
  }

  private nearMarks(g: Group<M>): Iterable<M> {
    if (g.marks.size <= this.bigBlock) return g.marks;
    if (!g.ordered) {
      g.ordered = [...g.marks];
      if (g.unsorted) g.ordered = byPosition(g.ordered);
      g.unsorted = false;
    }
    const view = g.el.ownerDocument.defaultView?.innerHeight ?? LIMITS.viewportFallbackPx;
    const cap = this.opts.cap ?? LIMITS.paintBlockWindowMarks;
    const rectOf = (m: M): Rect => boxOf(m.range, view * LIMITS.paintInlineBoxViewports);
    const found = windowOf(g.ordered, rectOf, -LIMITS.paintMarginViewports * view, (1 + LIMITS.paintMarginViewports) * view, cap);
    if (found) return found;
    g.ordered = byPosition(g.ordered);
    return windowOf(g.ordered, rectOf, -LIMITS.paintMarginViewports * view, (1 + LIMITS.paintMarginViewports) * view, cap) ?? [];
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
    doc.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    doc.defaultView?.addEventListener('resize', this.onScroll, { passive: true });
  }
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

/** Marks in reading order by where they are drawn: what the window search needs, with one layout read each. */
function byPosition<M extends Paintable>(marks: M[]): M[] {
  const view = marks[0]?.range.startContainer.ownerDocument?.defaultView?.innerHeight ?? LIMITS.viewportFallbackPx;
  const at = new Map(marks.map((m) => [m, boxOf(m.range, view * LIMITS.paintInlineBoxViewports)]));
  return marks.sort((a, b) => at.get(a)!.top - at.get(b)!.top || at.get(a)!.left - at.get(b)!.left);
}
