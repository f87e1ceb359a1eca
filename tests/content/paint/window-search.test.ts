import { afterEach, describe, expect, it } from 'vitest';
import { boxOf, marksAroundViewport, windowOf, type Rect } from '../../../content/paint/window-search';

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

  it('should read the layout of a handful of marks to find a window of 1,000 in 100,000, not each one', () => {
    const all = rects([...Array(100_000).keys()].map((i) => i * 20));
    let reads = 0;
    const got = windowOf(
      all,
      (r) => {
        reads++;
        return r;
      },
      1_000_000,
      1_019_990,
      5000,
    );
    expect(got!.map((r) => r.top)).toEqual([...Array(1000).keys()].map((i) => 1_000_000 + i * 20));
    // Two binary searches over 100,000 (17 reads each), whatever the window's size.
    expect(reads).toBeLessThanOrEqual(2 * 17);
  });
});
describe('boxOf', () => {
  /** `kyphosis` in a span inside a paragraph, or right in the paragraph. */
  const setup = (inSpan: boolean, height: number) => {
    const p = document.createElement('p');
    const text = document.createTextNode('kyphosis');
    if (inSpan) p.append(document.createElement('span'));
    (p.firstElementChild ?? p).append(text);
    document.body.append(p);
    const range = new Range();
    range.setStart(text, 0);
    range.setEnd(text, 4);
    let rangeReads = 0;
    range.getBoundingClientRect = () => {
      rangeReads++;
      return new DOMRect(0, 500, 40, 16);
    };
    const el = text.parentElement!;
    el.getBoundingClientRect = () => new DOMRect(0, 100, 40, height);
    return { range, reads: () => rangeReads };
  };
  afterEach(() => document.body.replaceChildren());

  it("should use a short inline element's box instead of reading the range", () => {
    const { range, reads } = setup(true, 18);
    expect(boxOf(range, 200).top).toBe(100);
    expect(reads()).toBe(0);
  });

  it('should read the range when its inline element is tall (it wraps many lines)', () => {
    const { range, reads } = setup(true, 900);
    expect(boxOf(range, 200).top).toBe(500);
    expect(reads()).toBe(1);
  });

  it('should read the range when the text sits in the block itself', () => {
    const { range } = setup(false, 18);
    expect(boxOf(range, 200).top).toBe(500);
  });
});

describe('marksAroundViewport', () => {
  afterEach(() => document.body.replaceChildren());

  /** Marks in one paragraph drawn at the given tops (px), in document order. */
  const marksAt = (tops: number[]) =>
    tops.map((top) => {
      const text = document.createTextNode('bone ');
      document.body.append(text);
      const range = new Range();
      range.setStart(text, 0);
      range.setEnd(text, 4);
      range.getBoundingClientRect = () => new DOMRect(0, top, 30, 16);
      return { range };
    });

  it('should return the marks within half a viewport of it, at most the cap', () => {
    const marks = marksAt([-900, -300, 0, 500, 1100, 2000]);
    expect(marksAroundViewport(marks, 800, 10)).toEqual(marks.slice(1, 5));
    expect(marksAroundViewport(marks, 800, 2)).toEqual(marks.slice(1, 3));
  });

  it('should sort marks that are not in drawing order by position, then find the window', () => {
    const marks = marksAt([1100, -900, 500, 2000, -300, 0]);
    const got = marksAroundViewport(marks, 800, 10);
    expect(got.map((m) => m.range.getBoundingClientRect().top)).toEqual([-300, 0, 500, 1100]);
  });
});
