import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIRST_STAGE_LIMITS } from '../../content/limits';
import { documentMayHoldTerm, mayHoldTerm, whenMayHoldTerm } from '../../content/page-text';

/** A stand-in precheck: "kyphosis" is the only term, and every text it is asked about is kept. */
function recorder(): { test: (t: string) => Promise<boolean>; seen: string[] } {
  const seen: string[] = [];
  return { seen, test: async (t) => (seen.push(t), /kyphosis/i.test(t)) };
}

const html = (s: string): HTMLElement => {
  const div = document.createElement('div');
  div.append(document.createRange().createContextualFragment(s));
  document.body.append(div);
  return div;
};

describe('mayHoldTerm', () => {
  afterEach(() => document.body.replaceChildren());

  it.each([
    ['<p>Kyphosis is a curve.</p>', true],
    ['<p>Nothing here.</p><p>Still nothing.</p>', false],
    ['<script>var kyphosis = 1;</script><p>plain</p>', false],
    ['<style>.kyphosis { color: red }</style>', false],
    ['<p>Home</p><p>Kyphosis</p>', true],
  ])('should answer %j with %s', async (markup, expected) => {
    expect(await mayHoldTerm([html(markup)], recorder().test)).toBe(expected);
  });

  it('should read text in open shadow roots', async () => {
    const host = html('<div id="host"></div>').querySelector('#host')!;
    host.attachShadow({ mode: 'open' }).append(document.createTextNode('kyphosis'));
    expect(await mayHoldTerm([document.body], recorder().test)).toBe(true);
  });

  it('should keep text nodes apart, so the last word of one block never joins the next', async () => {
    const r = recorder();
    await mayHoldTerm([html('<li>Home</li><li>Kyphosis</li>')], r.test);
    expect(r.seen.join('')).toContain('Home\nKyphosis');
  });

  it('should answer "maybe" without testing a text longer than the limit', async () => {
    const r = recorder();
    expect(await mayHoldTerm([html(`<p>${'a'.repeat(FIRST_STAGE_LIMITS.precheckChars + 1)}</p>`)], r.test)).toBe(true);
    expect(r.seen).toEqual([]);
  });

  it('should answer "maybe" on a page with more nodes than the limit', async () => {
    const div = html('');
    for (let i = 0; i <= FIRST_STAGE_LIMITS.precheckNodes; i++) div.append(document.createTextNode('x'));
    expect(await mayHoldTerm([div], recorder().test)).toBe(true);
  });
});

describe('documentMayHoldTerm', () => {
  afterEach(() => document.body.replaceChildren());

  it('should read the rendered text of the page, and say no when it holds no term', async () => {
    html('<h1>Gardening</h1><p>Plain words about roses.</p>');
    const r = recorder();
    expect(await documentMayHoldTerm(document, r.test)).toBe(false);
    expect(r.seen.join(' ')).toContain('Plain words about roses.');
    html('<p>A kyphosis.</p>');
    expect(await documentMayHoldTerm(document, recorder().test)).toBe(true);
  });

  it('should answer maybe without reading a page of too many elements or too much text', async () => {
    const many = document.createElement('div');
    for (let i = 0; i <= FIRST_STAGE_LIMITS.precheckElements; i++) many.append(document.createElement('span'));
    document.body.append(many);
    const r = recorder();
    expect(await documentMayHoldTerm(document, r.test)).toBe(true);
    expect(r.seen).toEqual([]);
    document.body.replaceChildren();
    html(`<p>${'a '.repeat(FIRST_STAGE_LIMITS.precheckChars)}</p>`);
    const r2 = recorder();
    expect(await documentMayHoldTerm(document, r2.test)).toBe(true);
    expect(r2.seen).toEqual([]);
  });
});

describe('whenMayHoldTerm', () => {
  afterEach(() => {
    vi.useRealTimers();
    document.body.replaceChildren();
  });

  it('should resolve once added text may hold a term, and not before', async () => {
    vi.useFakeTimers();
    const root = html('<p>Nothing yet.</p>');
    let resolved = false;
    void whenMayHoldTerm(document, recorder().test, new AbortController().signal).then(() => (resolved = true));
    root.append(document.createRange().createContextualFragment('<p>more plain text</p>'));
    await vi.advanceTimersByTimeAsync(FIRST_STAGE_LIMITS.wakeCheckMs + 1);
    expect(resolved).toBe(false);
    root.append(document.createRange().createContextualFragment('<p>Now <b>kyphosis</b>.</p>'));
    await vi.advanceTimersByTimeAsync(FIRST_STAGE_LIMITS.wakeCheckMs + 1);
    expect(resolved).toBe(true);
  });

  it('should not miss text added while the first answer is on its way', async () => {
    vi.useFakeTimers();
    const root = html('<p>plain</p>');
    let answer!: (hit: boolean) => void;
    const seen: string[] = [];
    const test = (t: string): Promise<boolean> => {
      seen.push(t);
      // The page's own text: held back until the page has changed; later batches answer at once.
      return seen.length === 1 ? new Promise((r) => (answer = r)) : Promise.resolve(/kyphosis/.test(t));
    };
    let resolved = false;
    void whenMayHoldTerm(document, test, new AbortController().signal).then(() => (resolved = true));
    root.append(document.createRange().createContextualFragment('<p>kyphosis</p>'));
    await vi.advanceTimersByTimeAsync(FIRST_STAGE_LIMITS.wakeCheckMs * 4);
    expect(seen).toHaveLength(1); // one question at a time
    answer(false);
    await vi.advanceTimersByTimeAsync(FIRST_STAGE_LIMITS.wakeCheckMs + 1);
    expect(seen).toHaveLength(2);
    expect(resolved).toBe(true);
  });

  it('should answer "maybe" without reading when the page adds too many nodes while it waits', async () => {
    const root = html('<p>plain</p>');
    const seen: string[] = [];
    // The first answer never comes: only the page's growth can settle it.
    const test = (t: string): Promise<boolean> => (seen.push(t), new Promise(() => undefined));
    const woken = whenMayHoldTerm(document, test, new AbortController().signal);
    const many = document.createDocumentFragment();
    for (let i = 0; i <= FIRST_STAGE_LIMITS.wakeBatchNodes; i++) many.append(document.createElement('span'));
    root.append(many);
    await woken;
    expect(seen).toHaveLength(1);
  });

  it('should treat a failed answer as "maybe"', async () => {
    html('<p>plain</p>');
    await whenMayHoldTerm(document, () => Promise.reject(new Error('no background')), new AbortController().signal);
  });

  it('should notice text edited in place', async () => {
    vi.useFakeTimers();
    const root = html('<p>plain</p>');
    let resolved = false;
    void whenMayHoldTerm(document, recorder().test, new AbortController().signal).then(() => (resolved = true));
    (root.querySelector('p')!.firstChild as Text).data = 'kyphosis';
    await vi.advanceTimersByTimeAsync(FIRST_STAGE_LIMITS.wakeCheckMs + 1);
    expect(resolved).toBe(true);
  });

  it('should stop watching when aborted', async () => {
    vi.useFakeTimers();
    const root = html('<p>plain</p>');
    const r = recorder();
    const controller = new AbortController();
    void whenMayHoldTerm(document, r.test, controller.signal);
    const before = r.seen.length;
    controller.abort();
    root.append(document.createRange().createContextualFragment('<p>kyphosis</p>'));
    await vi.advanceTimersByTimeAsync(FIRST_STAGE_LIMITS.wakeCheckMs + 1);
    expect(r.seen.length).toBe(before);
  });
});
