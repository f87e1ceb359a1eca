import { blockOf } from './scan';

/** What the painter needs of a mark: its range, and where it starts (for grouping by block). */
export interface Paintable {
  readonly range: Range;
}

/**
 * Above this many marks only the ones near the viewport are painted. Chromium revalidates every
 * range of every highlight on each change to any of them, so a page with 17,000 marks spent
 * 100-350 ms per rendering update, and 2,000 marks on a changing page still made 60 ms frames.
 * The 65 saved real pages have at most 32 marks; they all keep painting every mark.
 */
export const PAINT_ALL_LIMIT = 500;
/** A block with more marks than this is painted around the viewport only, not whole. */
export const BIG_BLOCK_MARKS = 300;
/** Most marks painted in one big block. */
export const BLOCK_WINDOW_CAP = 400;
/** How far above and below the viewport marks are painted, in viewport heights. */
const MARGIN = 0.5;
/** How long scrolling or page changes wait before a big block's window is moved (ms). */
const SETTLE_MS = 100;

export interface Rect {
  top: number;
  bottom: number;
}

/**
 * The marks of one block (in document order) that lie between `top` and `bottom`, at most `cap`.
 * Text in a block flows top to bottom, so the first mark reaching `top` is found by binary search
 * with a handful of layout reads, not one per mark.
 */
export function windowOf<T>(marks: readonly T[], rectOf: (m: T) => Rect, top: number, bottom: number, cap: number): T[] {
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rectOf(marks[mid]!).bottom < top) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < marks.length && out.length < cap; i++) {
    const r = rectOf(marks[i]!);
    if (r.top > bottom) break;
    if (r.bottom >= top) out.push(marks[i]!);
  }
  return out;
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
}

export interface PainterOptions {
  /** Marks beyond which painting is windowed (tests lower it). */
  limit?: number;
  bigBlock?: number;
  cap?: number;
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
  private windowed: Windowed<M> | undefined;

  constructor(
    private readonly highlight: Highlight,
    private readonly opts: PainterOptions = {},
  ) {}

  get isWindowed(): boolean {
    return this.windowed !== undefined;
  }

  add(mark: M): void {
    this.queued.add(mark);
  }

  remove(mark: M): void {
    if (this.queued.delete(mark)) return;
    this.highlight.delete(mark.range);
    this.windowed?.remove(mark);
  }

  /** Paints what was added since the last call; `all` gives every live mark when the mode switches. */
  flush(total: number, all: () => Iterable<M>): void {
    if (!this.windowed && total > (this.opts.limit ?? PAINT_ALL_LIMIT)) {
      const observe = this.opts.observe ?? defaultObserver();
      if (observe) {
        this.highlight.clear();
        this.queued.clear();
        this.windowed = new Windowed(this.highlight, observe, this.opts);
        for (const m of all()) this.windowed.add(m);
        return;
      }
    }
    if (this.windowed) for (const m of this.queued) this.windowed.add(m);
    else for (const m of this.queued) this.highlight.add(m.range);
    this.queued.clear();
    this.windowed?.update();
  }

  reset(): void {
    this.queued.clear();
    this.windowed?.dispose();
    this.windowed = undefined;
  }
}

function defaultObserver(): PainterOptions['observe'] | undefined {
  if (typeof IntersectionObserver === 'undefined') return undefined;
  return (cb) => new IntersectionObserver(cb, { rootMargin: `${MARGIN * 100}% 0px ${MARGIN * 100}% 0px` });
}

class Windowed<M extends Paintable> {
  private readonly groups = new Map<Element, Group<M>>();
  private readonly groupOf = new Map<M, Group<M>>();
  private readonly dirty = new Set<Group<M>>();
  private readonly io: Pick<IntersectionObserver, 'observe' | 'unobserve' | 'disconnect'>;
  private readonly blocks = new Map<Node, Node | null>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly onScroll = (): void => {
    for (const g of this.groups.values()) if (g.near && g.marks.size > this.bigBlock) this.dirty.add(g);
    this.later();
  };
  private listening: Document | undefined;

  constructor(
    private readonly highlight: Highlight,
    observe: NonNullable<PainterOptions['observe']>,
    private readonly opts: PainterOptions,
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
    return this.opts.bigBlock ?? BIG_BLOCK_MARKS;
  }

  add(mark: M): void {
    const el = this.elementOf(mark);
    let g = this.groups.get(el);
    if (!g) {
      g = { el, marks: new Set(), ordered: undefined, unsorted: false, last: undefined, near: false, painted: new Set() };
      this.groups.set(el, g);
      this.io.observe(el);
      this.listen(el.ownerDocument);
    }
    // A rescan may add marks behind later ones; a group that lost its last mark cannot tell.
    if (g.marks.size > 0 && (!g.last || !closelyFollows(g.last, mark))) g.unsorted = true;
    g.last = mark;
    g.marks.add(mark);
    g.ordered = undefined;
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
    if (g.last === mark) g.last = undefined;
    if (g.marks.size === 0) {
      this.io.unobserve(g.el);
      this.groups.delete(g.el);
      this.dirty.delete(g);
    } else if (g.near) this.dirty.add(g);
  }

  /**
   * Brings the painted ranges of changed groups in line with what should show. A huge block's
   * window reads layout, which right after the page changed would force it: unless `now` (the
   * observer reports after layout), that waits for a timer, once for any number of changes.
   */
  update(now = false): void {
    this.blocks.clear();
    for (const g of this.dirty) {
      if (!now && g.near && g.marks.size > this.bigBlock) {
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

  private later(): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.update(true);
    }, SETTLE_MS);
  }

  dispose(): void {
    this.io.disconnect();
    this.listening?.removeEventListener('scroll', this.onScroll, true);
    this.listening?.defaultView?.removeEventListener('resize', this.onScroll);
    if (this.timer !== undefined) clearTimeout(this.timer);
  }

  private nearMarks(g: Group<M>): Iterable<M> {
    if (g.marks.size <= this.bigBlock) return g.marks;
    if (!g.ordered) {
      g.ordered = [...g.marks];
      if (g.unsorted) g.ordered = byPosition(g.ordered);
      g.unsorted = false;
    }
    const view = g.el.ownerDocument.defaultView?.innerHeight ?? 800;
    const cap = this.opts.cap ?? BLOCK_WINDOW_CAP;
    return windowOf(g.ordered, (m) => m.range.getBoundingClientRect(), -MARGIN * view, (1 + MARGIN) * view, cap);
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

/** Nodes walked to tell that one mark follows another before giving up and calling it unsorted. */
const ORDER_WALK = 64;

/**
 * Whether `next` starts after `prev`, found by walking forward a few nodes. compareDocumentPosition
 * would be exact, but Chromium counts the common parent's children from the first one: with
 * 100,000 spans in one block, 17,000 calls took 1.3 s.
 */
function closelyFollows(prev: Paintable, next: Paintable): boolean {
  const a = prev.range.startContainer;
  const b = next.range.startContainer;
  if (a === b) return prev.range.startOffset <= next.range.startOffset;
  let n: Node | null = a;
  for (let i = 0; n && i < ORDER_WALK; i++) {
    n = n.firstChild ?? nextAfter(n);
    if (n === b) return true;
  }
  return false;
}

function nextAfter(node: Node): Node | null {
  for (let n: Node | null = node; n; n = n.parentNode) if (n.nextSibling) return n.nextSibling;
  return null;
}

/** Marks in reading order by where they are drawn: what the window search needs, with one layout read each. */
function byPosition<M extends Paintable>(marks: M[]): M[] {
  const at = new Map(marks.map((m) => [m, m.range.getBoundingClientRect()]));
  return marks.sort((a, b) => at.get(a)!.top - at.get(b)!.top || at.get(a)!.left - at.get(b)!.left);
}
