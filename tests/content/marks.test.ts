import { afterEach, describe, expect, it } from 'vitest';
import { MarkIndex } from '../../content/marks';
import { textRuns } from '../../content/scan';
import { setBody } from '../support/dom';

const setup = (
  html: string,
): { index: MarkIndex; highlight: Highlight; run: ReturnType<typeof textRuns> extends Generator<infer R> ? R : never } => {
  setBody(html);
  const highlight = new Highlight();
  const [run] = [...textRuns(document.body)];
  return { index: new MarkIndex(highlight), highlight, run: run! };
};

describe('MarkIndex', () => {
  afterEach(() => document.body.replaceChildren());

  it('should make a range that spans inline tags', () => {
    const { index, run } = setup('<p><b>vertebral</b> fracture</p>');
    const mark = index.add(run, { start: 0, end: 18, termId: 'vcf' })!;
    expect(mark.range.toString()).toBe('vertebral fracture');
    expect(mark.nodes).toHaveLength(2);
  });

  it('should find a mark by node and offset, in every node it touches', () => {
    const { index, run } = setup('<p>a <b>vertebral</b> fracture z</p>');
    const mark = index.add(run, { start: 2, end: 20, termId: 'vcf' })!;
    const [a, b, c] = run.nodes;
    expect(index.at(a!, 1)).toBeUndefined();
    expect(index.at(a!, 2)).toBeUndefined(); // "a " has no third character
    expect(index.at(b!, 0)).toBe(mark);
    expect(index.at(c!, 1)).toBe(mark);
    expect(index.at(c!, 9)).toBeUndefined();
  });

  it('should remove a cross-node mark from every node when one node changes', () => {
    const { index, highlight, run } = setup('<p><b>vertebral</b> fracture</p>');
    index.add(run, { start: 0, end: 18, termId: 'vcf' });
    index.removeNode(run.nodes[1]!);
    expect(index.has(run.nodes[0]!)).toBe(false);
    expect(highlight.size).toBe(0);
    expect(index.size).toBe(0);
  });

  it('should list marks in document order', () => {
    const { index, run } = setup('<p>one two three</p>');
    index.add(run, { start: 8, end: 13, termId: 'c' });
    index.add(run, { start: 0, end: 3, termId: 'a' });
    expect(index.all().map((m) => m.termId)).toEqual(['a', 'c']);
  });

  it('should purge marks of nodes that left the document', () => {
    const { index, run, highlight } = setup('<p>one</p>');
    index.add(run, { start: 0, end: 3, termId: 'a' });
    document.body.replaceChildren();
    index.purgeDisconnected();
    expect(highlight.size).toBe(0);
  });
});

describe('MarkIndex with known terms', () => {
  afterEach(() => document.body.replaceChildren());
  const now = { frame: (fn: () => void) => fn(), gapMs: 0 };
  const setupNow = (html: string) => {
    setBody(html);
    const highlight = new Highlight();
    const [run] = [...textRuns(document.body)];
    return { index: new MarkIndex(highlight, now), highlight, run: run! };
  };

  it('should keep a known term found and counted, but neither painted, hovered nor jumped to', () => {
    const { index, highlight, run } = setupNow('<p>kyphosis and sciatica</p>');
    index.setKnown(new Set(['kyphosis']));
    const known = index.add(run, { start: 0, end: 8, termId: 'kyphosis' })!;
    const shown = index.add(run, { start: 13, end: 21, termId: 'sciatica' })!;
    index.paint();
    expect([...highlight]).toEqual([shown.range]);
    expect(index.all()).toEqual([known, shown]);
    expect(index.shown()).toEqual([shown]);
    expect(index.at(run.nodes[0]!, 2)).toBe(known);
    expect(index.shownAt(run.nodes[0]!, 2)).toBeUndefined();
    expect(index.shownAt(run.nodes[0]!, 14)).toBe(shown);
  });

  it('should unpaint a term that becomes known and paint it again when restored, without rescanning', () => {
    const { index, highlight, run } = setupNow('<p>kyphosis and sciatica</p>');
    const k = index.add(run, { start: 0, end: 8, termId: 'kyphosis' })!;
    const s = index.add(run, { start: 13, end: 21, termId: 'sciatica' })!;
    index.paint();
    expect(highlight.size).toBe(2);
    index.setKnown(new Set(['kyphosis']));
    expect([...highlight]).toEqual([s.range]);
    expect(index.isKnown('kyphosis')).toBe(true);
    index.setKnown(new Set());
    expect(new Set(highlight)).toEqual(new Set([k.range, s.range]));
  });

  it('should drop a known mark with its text, leaving the highlight alone', () => {
    const { index, highlight, run } = setupNow('<p>kyphosis</p>');
    index.setKnown(new Set(['kyphosis']));
    index.add(run, { start: 0, end: 8, termId: 'kyphosis' });
    index.removeNode(run.nodes[0]!);
    expect(index.size).toBe(0);
    expect(highlight.size).toBe(0);
  });
});
