import { afterEach, describe, expect, it } from 'vitest';
import { Painter, windowOf, type Paintable, type PainterOptions, type Rect } from '../../entrypoints/content/paint-window';

/** A fake IntersectionObserver the test drives by hand. */
function fakeObserver() {
  const watched = new Set<Element>();
  let callback: IntersectionObserverCallback | undefined;
  let disconnected = false;
  const observe: NonNullable<PainterOptions['observe']> = (cb) => {
    callback = cb;
    return {
      observe: (el) => void watched.add(el),
      unobserve: (el) => void watched.delete(el),
      disconnect: () => {
        disconnected = true;
        watched.clear();
      },
    };
  };
  const report = (el: Element, near: boolean): void =>
    callback!([{ target: el, isIntersecting: near } as IntersectionObserverEntry], {} as IntersectionObserver);
  return { observe, watched, report, isDisconnected: () => disconnected };
}

/** `count` paragraphs of `per` one-word marks each; every mark's rect is laid out 20 px per mark. */
function page(count: number, per: number): { blocks: HTMLElement[]; marks: Paintable[] } {
  const blocks: HTMLElement[] = [];
  const marks: Paintable[] = [];
  for (let b = 0; b < count; b++) {
    const p = document.createElement('p');
    for (let i = 0; i < per; i++) {
      const text = document.createTextNode('bone ');
      // An inline wrapper: the painter must group by the block, not the span.
      const span = document.createElement('span');
      span.append(text);
      p.append(span);
      const range = new Range();
      range.setStart(text, 0);
      range.setEnd(text, 4);
      const y = marks.length * 20;
      range.getBoundingClientRect = () => ({ top: y, bottom: y + 16 }) as DOMRect;
      marks.push({ range });
    }
    document.body.append(p);
    blocks.push(p);
  }
  return { blocks, marks };
}

/** Frames the test runs by hand: painting waits for one. */
function frames() {
  const waiting: (() => void)[] = [];
  return { frame: (fn: () => void) => void waiting.push(fn), run: () => waiting.splice(0).forEach((fn) => fn()) };
}
const now = { frame: (fn: () => void) => fn(), gapMs: 0 };

const rects = (ys: number[]): Rect[] => ys.map((y) => ({ top: y, bottom: y + 10 }));

describe('windowOf', () => {
  it('should return the marks between top and bottom, in order', () => {
    const all = rects([0, 100, 200, 300, 400, 500]);
    expect(windowOf(all, (r) => r, 150, 420, 100)).toEqual([all[2], all[3], all[4]]);
  });

  it('should include a mark that only straddles an edge', () => {
    const all = rects([0, 95, 200]);
    expect(windowOf(all, (r) => r, 100, 150, 100)).toEqual([all[1]]);
  });

  it('should refuse to answer when the layout reads show marks out of drawing order', () => {
    const all = rects([0, 500, 100, 600, 200, 700, 300, 800]);
    expect(windowOf(all, (r) => r, 250, 350, 10)).toBeUndefined();
  });

  it('should stop at the cap', () => {
    const all = rects([...Array(50).keys()].map((i) => i * 10));
    expect(windowOf(all, (r) => r, 0, 1000, 7)).toHaveLength(7);
  });

  it('should return nothing for no marks or a window above or below all of them', () => {
    expect(windowOf([], (r: Rect) => r, 0, 100, 10)).toEqual([]);
    const all = rects([500, 600]);
    expect(windowOf(all, (r) => r, 0, 100, 10)).toEqual([]);
    expect(windowOf(all, (r) => r, 1000, 2000, 10)).toEqual([]);
  });

  it('should read the layout of a handful of marks to find the window in 100,000, not each one', () => {
    const all = rects([...Array(100_000).keys()].map((i) => i * 20));
    let reads = 0;
    const got = windowOf(
      all,
      (r) => {
        reads++;
        return r;
      },
      1_000_000,
      1_000_400,
      1000,
    );
    expect(got!.map((r) => r.top)).toEqual([...Array(21).keys()].map((i) => 1_000_000 + i * 20));
    expect(reads).toBeLessThan(17 + 23);
  });
});

describe('Painter', () => {
  afterEach(() => document.body.replaceChildren());

  it('should paint every mark below the limit, and take a removed one out', () => {
    const highlight = new Highlight();
    const f = frames();
    const painter = new Painter<Paintable>(highlight, { limit: 10, observe: fakeObserver().observe, frame: f.frame, gapMs: 0 });
    const { marks } = page(2, 3);
    marks.forEach((m) => painter.add(m));
    expect(highlight.size, 'nothing before the batch is flushed').toBe(0);
    painter.flush(marks.length, () => marks);
    expect(highlight.size, 'nothing before the next frame').toBe(0);
    f.run();
    expect(highlight.size).toBe(6);
    expect(painter.isWindowed).toBe(false);
    painter.remove(marks[0]!);
    f.run();
    expect(highlight.has(marks[0]!.range)).toBe(false);
    expect(highlight.size).toBe(5);
  });

  it('should paint only the blocks near the viewport above the limit, following the observer', () => {
    const highlight = new Highlight();
    const io = fakeObserver();
    const painter = new Painter<Paintable>(highlight, { limit: 10, observe: io.observe, ...now });
    const { blocks, marks } = page(4, 5);
    marks.forEach((m) => painter.add(m));
    painter.flush(marks.length, () => marks);
    expect(painter.isWindowed).toBe(true);
    expect([...io.watched], 'one observed element per block, not per span').toEqual(blocks);
    expect(highlight.size, 'nothing is painted before the observer reports').toBe(0);

    io.report(blocks[1]!, true);
    expect([...highlight]).toEqual(marks.slice(5, 10).map((m) => m.range));
    io.report(blocks[2]!, true);
    io.report(blocks[1]!, false);
    expect([...highlight]).toEqual(marks.slice(10, 15).map((m) => m.range));

    painter.remove(marks[11]!);
    expect(highlight.has(marks[11]!.range)).toBe(false);
    expect(highlight.size).toBe(4);
  });

  it('should paint a mark added later to a block in view at the next flush, and none in a block out of view', () => {
    const highlight = new Highlight();
    const io = fakeObserver();
    const painter = new Painter<Paintable>(highlight, { limit: 3, observe: io.observe, ...now });
    const { blocks, marks } = page(2, 3);
    marks.slice(0, 4).forEach((m) => painter.add(m));
    painter.flush(4, () => marks.slice(0, 4));
    io.report(blocks[0]!, true);
    expect(highlight.size).toBe(3);
    painter.add(marks[4]!);
    painter.add(marks[5]!);
    painter.flush(6, () => marks);
    expect(highlight.size, 'block 2 is out of view').toBe(3);
    io.report(blocks[1]!, true);
    expect(highlight.size).toBe(6);
  });

  it('should stop observing a block whose marks are all gone, and everything on reset', () => {
    const highlight = new Highlight();
    const io = fakeObserver();
    const painter = new Painter<Paintable>(highlight, { limit: 1, observe: io.observe, ...now });
    const { blocks, marks } = page(2, 2);
    marks.forEach((m) => painter.add(m));
    painter.flush(marks.length, () => marks);
    painter.remove(marks[0]!);
    painter.remove(marks[1]!);
    expect([...io.watched]).toEqual([blocks[1]]);
    painter.reset();
    expect(io.isDisconnected()).toBe(true);
    expect(painter.isWindowed).toBe(false);
  });

  it('should do nothing at a frame that comes after a reset (the session was aborted)', () => {
    const highlight = new Highlight();
    const f = frames();
    const io = fakeObserver();
    const painter = new Painter<Paintable>(highlight, { limit: 1, observe: io.observe, frame: f.frame, gapMs: 0 });
    const { marks } = page(1, 3);
    marks.forEach((m) => painter.add(m));
    painter.flush(marks.length, () => marks);
    painter.reset();
    f.run();
    expect(highlight.size).toBe(0);
    expect(painter.isWindowed, 'no observer made after the reset').toBe(false);
    expect(io.watched.size).toBe(0);
  });

  it('should paint a huge block only around the viewport, at most the cap', () => {
    const highlight = new Highlight();
    const io = fakeObserver();
    const painter = new Painter<Paintable>(highlight, { limit: 10, bigBlock: 50, cap: 30, observe: io.observe, ...now });
    const { blocks, marks } = page(1, 2000);
    marks.forEach((m) => painter.add(m));
    painter.flush(marks.length, () => marks);
    io.report(blocks[0]!, true);
    const view = window.innerHeight;
    const painted = [...highlight].map((r) => (r as Range).getBoundingClientRect());
    expect(painted.length).toBeGreaterThan(0);
    expect(painted.length).toBeLessThanOrEqual(30);
    for (const r of painted) {
      expect(r.bottom).toBeGreaterThanOrEqual(-view / 2);
      expect(r.top).toBeLessThanOrEqual(1.5 * view);
    }
    expect(painted[0]!.top, 'the window starts at the first mark in reach').toBe(0);
  });

  it('should sort marks a rescan added out of order before windowing a huge block', () => {
    const highlight = new Highlight();
    const io = fakeObserver();
    const painter = new Painter<Paintable>(highlight, { limit: 10, bigBlock: 50, cap: 5, observe: io.observe, ...now });
    const { blocks, marks } = page(1, 200);
    [...marks].reverse().forEach((m) => painter.add(m));
    painter.flush(marks.length, () => [...marks].reverse());
    io.report(blocks[0]!, true);
    expect([...highlight]).toEqual(marks.slice(0, 5).map((m) => m.range));
  });
});
