import { beforeAll, expect, it } from 'vitest';
import { type TestPage } from './support/browsers';
import { describeEachBrowser } from './support/suite';
import { HIGHLIGHT, markedTexts, UNDERLINED } from './support/page-probes';

const hasMark = ([name, text]: readonly [string, string]): boolean =>
  [...(CSS.highlights.get(name) ?? [])].some((r) => (r as Range).toString() === text);

describeEachBrowser('dynamic pages in %s', (suite) => {
  let page: TestPage;

  beforeAll(async () => {
    page = await suite.browser.newPage();
    await page.goto(suite.server.url('fixtures/spa.html'));
    await page.waitFor(hasMark, [HIGHLIGHT, 'Osteoporosis'] as const);
  }, 90_000);

  it('should follow a history-API navigation: new view marked, old view unmarked', async () => {
    await page.evaluate(() => (document.querySelector('[data-view="tests"]') as HTMLElement).click(), null);
    await page.waitFor(hasMark, [HIGHLIGHT, 'DXA scan'] as const);
    const marked = await page.evaluate(markedTexts, UNDERLINED);
    expect(marked).toEqual(expect.arrayContaining(['DXA scan', 'T-score', 'bone mineral density']));
    expect(marked).not.toContain('Osteoporosis');
    await page.evaluate(() => history.back(), null);
    await page.waitFor(hasMark, [HIGHLIGHT, 'Osteoporosis'] as const);
    expect(await page.evaluate(markedTexts, UNDERLINED)).not.toContain('DXA scan');
  });

  it('should mark stories added by infinite scroll', async () => {
    await page.evaluate(() => {
      for (let i = 0; i < 4; i++) (window as unknown as { loadMore(): void }).loadMore();
    }, null);
    for (const term of ['kyphoplasty', 'sarcopenia', 'denosumab', 'spinal stenosis', 'sciatica'])
      await page.waitFor(hasMark, [HIGHLIGHT, term] as const);
  });

  it('should follow text edited in place', async () => {
    await page.evaluate(() => {
      document.getElementById('status')!.firstChild!.nodeValue = 'reading about scoliosis';
    }, null);
    await page.waitFor(hasMark, [HIGHLIGHT, 'scoliosis'] as const);
    await page.evaluate(() => {
      document.getElementById('status')!.firstChild!.nodeValue = 'done';
    }, null);
    await page.waitFor(([n, t]) => ![...(CSS.highlights.get(n) ?? [])].some((r) => (r as Range).toString() === t), [
      HIGHLIGHT,
      'scoliosis',
    ] as const);
  });

  it('should leave the app working (its own navigation and scripts)', async () => {
    expect(page.errors).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('#feed article').length, null)).toBe(5);
  });
});
