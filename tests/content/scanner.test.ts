import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createScanner, HEALTH_PAGE_THRESHOLD, type Scanner } from '../../content/scanner';
import { compileMatcher } from '../../glossary/matcher';
import { matchable as t } from '../support/terms';
import { setBody } from '../support/dom';

const TERMS = [
  t('osteoporosis', 'osteoporosis'),
  t('kyphosis', 'kyphosis'),
  t('vertebra', 'vertebra', ['vertebrae']),
  { ...t('disc', 'disc', ['discs']), ambiguousForms: [{ form: 'disc', cues: ['slipped', '#vertebra'] }] },
];
const matcher = compileMatcher(TERMS);

describe('createScanner', () => {
  let controller: AbortController;
  let highlight: Highlight;
  const make = (firstOnly = false): Scanner =>
    // Painting runs at once here, not at the next frame.
    createScanner({
      matcher,
      highlight,
      signal: controller.signal,
      firstOnly,
      paint: { frame: (fn) => fn(), gapMs: 0 },
    });
  const marked = (s: Scanner): string[] => s.index.all().map((m) => m.range.toString());

  beforeEach(() => {
    controller = new AbortController();
    highlight = new Highlight();
  });
  afterEach(() => {
    controller.abort();
    document.body.replaceChildren();
  });

  it('should put one range per match into the highlight', async () => {
    const s = make();
    await s.scan(setBody('<p>osteoporosis and <b>kyphosis</b></p><p>vertebrae</p>'));
    expect(marked(s)).toEqual(['osteoporosis', 'kyphosis', 'vertebrae']);
    expect(highlight.size).toBe(3);
  });

  it('should leave the page text and markup unchanged', async () => {
    const html = '<p>osteoporosis and <b>kyphosis</b></p>';
    const s = make();
    await s.scan(setBody(html));
    // eslint-disable-next-line no-restricted-properties
    expect(document.body.innerHTML).toBe(html);
  });

  it('should not mark ambiguous words on a page that is not about health', async () => {
    const s = make();
    await s.scan(setBody('<p>A compact disc of osteoporosis songs.</p>'));
    expect(marked(s)).toEqual(['osteoporosis']);
    expect(s.isHealthPage).toBe(false);
  });

  it(`should mark ambiguous words once ${HEALTH_PAGE_THRESHOLD} different health terms appear, including earlier ones`, async () => {
    const s = make();
    await s.scan(setBody('<p>A slipped disc.</p><p>osteoporosis, kyphosis</p><p>vertebra</p>'));
    expect(s.isHealthPage).toBe(true);
    expect(marked(s)).toContain('disc');
  });

  it.each([
    ['all the terms are in one block', '<p>A slipped disc.</p><p>osteoporosis, kyphosis, vertebra</p>'],
    ['the disc has no cue nearby', '<p>A compact disc.</p><p>osteoporosis, kyphosis</p><p>vertebra</p>'],
  ])('should not mark an ambiguous word when %s', async (_name, html) => {
    const s = make();
    await s.scan(setBody(html));
    expect(marked(s)).not.toContain('disc');
  });

  it('should mark an ambiguous word whose cue is a mark of another entry', async () => {
    const s = make();
    await s.scan(setBody('<p>osteoporosis</p><p>kyphosis: the disc between each vertebra wears.</p>'));
    expect(marked(s)).toEqual(['osteoporosis', 'kyphosis', 'disc', 'vertebra']);
  });

  it('should mark only the first occurrence of each term when asked', async () => {
    const s = make(true);
    await s.scan(setBody('<p>osteoporosis osteoporosis kyphosis osteoporosis</p>'));
    expect(marked(s)).toEqual(['osteoporosis', 'kyphosis']);
  });

  it('should mark the next occurrence in first-only mode when the marked one leaves the page', async () => {
    const s = make(true);
    const root = setBody('<p id="a">kyphosis</p><p id="b">kyphosis here</p>');
    await s.scan(root);
    expect(s.index.all().map((m) => m.range.startContainer.parentElement?.id)).toEqual(['a']);
    root.querySelector('#a')!.remove();
    // Only a removal is reported: nothing around #b changed.
    await s.rescan([], true);
    expect(s.index.all().map((m) => m.range.startContainer.parentElement?.id)).toEqual(['b']);
  });

  it('should drop marks of changed text and mark the new text on rescan', async () => {
    const s = make();
    const root = setBody('<p id="p">osteoporosis</p>');
    await s.scan(root);
    const p = root.querySelector('#p')!;
    p.firstChild!.textContent = 'kyphosis here';
    await s.rescan([p], true);
    expect(marked(s)).toEqual(['kyphosis']);
  });

  it('should mark text appended to several places, and a bare text node, in one rescan', async () => {
    const s = make();
    const root = setBody('<p id="a">plain</p><div id="feed"></div>');
    await s.scan(root);
    const span = document.createElement('span');
    span.textContent = 'kyphosis';
    root.querySelector('#a')!.append(span);
    // A huge block's new text node is its own scope (see watch.ts).
    const text = document.createTextNode('osteoporosis');
    root.querySelector('#feed')!.append(text);
    await s.rescan([span, text], false);
    expect(marked(s)).toEqual(['kyphosis', 'osteoporosis']);
  });

  it('should leave out the matches skipMatch refuses, and only those', async () => {
    const s = createScanner({
      matcher,
      highlight,
      signal: controller.signal,
      paint: { frame: (fn) => fn(), gapMs: 0 },
      skipMatch: (termId, node) => node.parentElement?.closest(`[id="${termId}"]`) != null,
    });
    await s.scan(setBody('<section id="kyphosis"><p>kyphosis and osteoporosis</p></section><p>kyphosis</p>'));
    expect(
      s.index.all().map((m) => `${m.range.toString()} in ${m.range.startContainer.parentElement?.closest('[id]')?.id ?? 'body'}`),
    ).toEqual(['osteoporosis in kyphosis', 'kyphosis in body']);
  });

  it('should drop marks of removed text', async () => {
    const s = make();
    const root = setBody('<p id="p">osteoporosis</p><p>kyphosis</p>');
    await s.scan(root);
    root.querySelector('#p')!.remove();
    await s.rescan([], true);
    expect(marked(s)).toEqual(['kyphosis']);
  });

  it('should not mark the same text twice when a rescan races the first scan', async () => {
    const s = make();
    const root = setBody('<p id="p">osteoporosis</p>');
    await Promise.all([s.scan(root), s.rescan([root.querySelector('#p')!], false)]);
    expect(marked(s)).toEqual(['osteoporosis']);
  });

  it('should stop when aborted', async () => {
    const s = make();
    controller.abort();
    await s.scan(setBody('<p>osteoporosis</p>'));
    expect(highlight.size).toBe(0);
  });

  it('should scan open shadow roots', async () => {
    const s = make();
    const root = setBody('<div id="host"></div>');
    root.querySelector('#host')!.attachShadow({ mode: 'open' }).append(document.createTextNode('kyphosis inside'));
    await s.scan(root);
    expect(marked(s)).toEqual(['kyphosis']);
  });
});
