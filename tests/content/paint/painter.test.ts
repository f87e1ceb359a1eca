import { afterEach, describe, expect, it, vi } from 'vitest';
import { Painter, type Paintable, type PainterOptions } from '../../../content/paint/painter';
import { LIMITS } from '../../../content/limits';

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
/** Every painter a test makes stops after it (its scroll listener would answer the next test's scrolls). */
let testSession = new AbortController();
afterEach(() => {
  testSession.abort();
  testSession = new AbortController();
});
const painterOn = (highlight: Highlight, opts: PainterOptions = {}): Painter<Paintable> =>
  new Painter<Paintable>(highlight, { signal: testSession.signal, ...opts });

const now = { frame: (fn: () => void) => fn(), gapMs: 0, quietMs: 0 };

describe('Painter', () => {
  afterEach(() => document.body.replaceChildren());

  it('should paint every mark below the limit, and take a removed one out', () => {
    const highlight = new Highlight();
    const f = frames();
    const painter = painterOn(highlight, { limit: 10, observe: fakeObserver().observe, frame: f.frame, gapMs: 0 });
    const { marks } = page(2, 3);
    marks.forEach((m) => painter.add(m));
    expect(highlight.size, 'nothing before the batch is flushed').toBe(0);
    painter.flush();
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
    const painter = painterOn(highlight, { limit: 10, observe: io.observe, ...now });
    const { blocks, marks } = page(4, 5);
    marks.forEach((m) => painter.add(m));
    painter.flush();
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
    const painter = painterOn(highlight, { limit: 3, observe: io.observe, ...now });
    const { blocks, marks } = page(2, 3);
    marks.slice(0, 4).forEach((m) => painter.add(m));
    painter.flush();
    io.report(blocks[0]!, true);
    expect(highlight.size).toBe(3);
    painter.add(marks[4]!);
    painter.add(marks[5]!);
    painter.flush();
    expect(highlight.size, 'block 2 is out of view').toBe(3);
    io.report(blocks[1]!, true);
    expect(highlight.size).toBe(6);
  });

  it('should stop observing a block whose marks are all gone, and everything when its signal aborts', () => {
    const highlight = new Highlight();
    const io = fakeObserver();
    const session = new AbortController();
    const painter = painterOn(highlight, { limit: 1, observe: io.observe, ...now, signal: session.signal });
    const { blocks, marks } = page(2, 2);
    marks.forEach((m) => painter.add(m));
    painter.flush();
    painter.remove(marks[0]!);
    painter.remove(marks[1]!);
    expect([...io.watched]).toEqual([blocks[1]]);
    session.abort();
    expect(io.isDisconnected()).toBe(true);
    expect(painter.isWindowed).toBe(false);
  });

  it('should do nothing at a frame that comes after its signal aborted (the session stopped)', () => {
    const highlight = new Highlight();
    const f = frames();
    const io = fakeObserver();
    const session = new AbortController();
    const painter = painterOn(highlight, { limit: 1, observe: io.observe, frame: f.frame, gapMs: 0, signal: session.signal });
    const { marks } = page(1, 3);
    marks.forEach((m) => painter.add(m));
    painter.flush();
    session.abort();
    f.run();
    expect(highlight.size).toBe(0);
    expect(painter.isWindowed, 'no observer made after the abort').toBe(false);
    expect(io.watched.size).toBe(0);
  });

  it('should paint a huge block only around the viewport, at most the cap', () => {
    const highlight = new Highlight();
    const io = fakeObserver();
    const painter = painterOn(highlight, { limit: 10, bigBlock: 50, cap: 30, observe: io.observe, ...now });
    const { blocks, marks } = page(1, 2000);
    marks.forEach((m) => painter.add(m));
    painter.flush();
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
    const painter = painterOn(highlight, { limit: 10, bigBlock: 50, cap: 5, observe: io.observe, ...now });
    const { blocks, marks } = page(1, 200);
    [...marks].reverse().forEach((m) => painter.add(m));
    painter.flush();
    io.report(blocks[0]!, true);
    expect([...highlight]).toEqual(marks.slice(0, 5).map((m) => m.range));
  });

  it('should leave a huge block bare while its marks keep changing, and paint it once quiet', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const highlight = new Highlight();
      const io = fakeObserver();
      const painter = painterOn(highlight, {
        limit: 10,
        bigBlock: 50,
        cap: 30,
        observe: io.observe,
        frame: (fn) => fn(),
        gapMs: 0,
        quietMs: 1000,
      });
      const { blocks, marks } = page(1, 400);
      // A live log: 100 more marks every 300 ms, the first of them painted while the block was small.
      marks.slice(0, 40).forEach((m) => painter.add(m));
      painter.flush();
      io.report(blocks[0]!, true);
      expect(highlight.size, 'a small block is painted at once').toBe(40);
      painter.followChanges();
      for (let n = 100; n <= 400; n += 100) {
        vi.advanceTimersByTime(300);
        marks.slice(n - 100 < 40 ? 40 : n - 100, n).forEach((m) => painter.add(m));
        painter.flush();
        expect(highlight.size, `bare while growing (${n} marks)`).toBe(0);
      }
      vi.advanceTimersByTime(900);
      expect(highlight.size, 'not yet quiet for a whole second').toBe(0);
      vi.advanceTimersByTime(2500);
      expect(highlight.size, 'painted around the viewport once quiet').toBeGreaterThan(0);
      expect(highlight.size).toBeLessThanOrEqual(30);
    } finally {
      vi.useRealTimers();
    }
  });

  it('should paint a huge block the first scan found without waiting for it to be quiet', () => {
    const highlight = new Highlight();
    const io = fakeObserver();
    const painter = painterOn(highlight, {
      ...now,
      limit: 10,
      bigBlock: 50,
      cap: 30,
      observe: io.observe,
      quietMs: 60_000,
    });
    const { blocks, marks } = page(1, 200);
    marks.forEach((m) => painter.add(m));
    painter.flush();
    io.report(blocks[0]!, true);
    expect(highlight.size).toBeGreaterThan(0);
  });
});

describe('Painter and giant text', () => {
  it('should not paint a mark in a text node over LIMITS.paintGiantTextChars characters, but paint one in a normal node', () => {
    const highlight = new Highlight();
    const painter = painterOn(highlight, now);
    const mark = (text: string): Paintable => {
      const node = document.createTextNode(text);
      document.body.append(node);
      const range = new Range();
      range.setStart(node, 0);
      range.setEnd(node, 8);
      return { range };
    };
    const giant = mark('kyphosis ' + 'x'.repeat(LIMITS.paintGiantTextChars));
    const normal = mark('kyphosis and more');
    painter.add(giant);
    painter.add(normal);
    painter.flush();
    expect([...highlight]).toEqual([normal.range]);
    document.body.replaceChildren();
  });

  it('should leave marks in giant text out when it switches to painting near the viewport', () => {
    const highlight = new Highlight();
    const io = fakeObserver();
    const painter = painterOn(highlight, { ...now, limit: 1, observe: io.observe });
    const p = document.createElement('p');
    const node = document.createTextNode('kyphosis '.repeat(LIMITS.paintGiantTextChars / 8));
    p.append(node);
    document.body.append(p);
    const marks = [0, 9].map((at) => {
      const range = new Range();
      range.setStart(node, at);
      range.setEnd(node, at + 8);
      return { range };
    });
    marks.forEach((m) => painter.add(m));
    painter.flush();
    io.report(p, true);
    expect(painter.isWindowed).toBe(true);
    expect(highlight.size).toBe(0);
    document.body.replaceChildren();
  });
});

describe('Painter teardown', () => {
  afterEach(() => {
    vi.useRealTimers();
    document.body.replaceChildren();
  });

  it('should drop a paint waiting out the gap when its signal aborts, leaving no timer behind', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const highlight = new Highlight();
    const session = new AbortController();
    const painter = painterOn(highlight, { frame: (fn) => fn(), gapMs: 250, signal: session.signal });
    const { marks } = page(1, 2);
    painter.add(marks[0]!);
    painter.flush();
    expect(highlight.size, 'the first paint goes at once').toBe(1);
    painter.add(marks[1]!);
    painter.flush();
    expect(highlight.size, 'the next waits out the gap').toBe(1);
    expect(vi.getTimerCount()).toBe(1);
    session.abort();
    expect(vi.getTimerCount(), 'the waiting paint is cancelled').toBe(0);
    vi.advanceTimersByTime(1000);
    expect(highlight.size).toBe(1);
  });

  it('should stop following scrolls when its signal aborts', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const highlight = new Highlight();
    const io = fakeObserver();
    const session = new AbortController();
    const painter = painterOn(highlight, { ...now, limit: 10, bigBlock: 50, observe: io.observe, signal: session.signal });
    const { blocks, marks } = page(1, 200);
    marks.forEach((m) => painter.add(m));
    painter.flush();
    io.report(blocks[0]!, true);
    const before = vi.getTimerCount();
    document.dispatchEvent(new Event('scroll'));
    expect(vi.getTimerCount(), 'a scroll moves a huge block window after a settle timer').toBe(before + 1);
    session.abort();
    expect(vi.getTimerCount(), 'the settle timer is cleared').toBe(before);
    document.dispatchEvent(new Event('scroll'));
    expect(vi.getTimerCount(), 'no scroll is followed after the abort').toBe(before);
  });
});
