import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { type TestPage } from './support/browsers';
import { describeEachBrowser } from './support/suite';
import { HIGHLIGHT, HOST, tooltipFacts, tooltipVisible } from './support/page-probes';
import { waitForMark } from './support/wait-scan';
import { SHOTS } from './support/paths';

describeEachBrowser('tooltip above hostile stacking in %s', (suite) => {
  const { name } = suite;
  let page: TestPage;

  beforeAll(async () => {
    page = await suite.browser.newPage();
    await page.goto(suite.server.url('fixtures/stacking.html'));
    await page.waitFor((n) => (CSS.highlights.get(n)?.size ?? 0) >= 6, HIGHLIGHT);
  }, 90_000);

  const hoverAndCheck = async (text: string, shot: string, hitTestable = true): Promise<void> => {
    // Escape would also close the modal dialog: move away to close the card instead.
    await page.mouseMove(5, 790);
    await page.waitFor((h) => !document.querySelector(h)?.shadowRoot?.querySelector('.tippy-box[data-state="visible"]'), HOST);
    const at = await waitForMark((fn, arg) => page.evaluate(fn, arg), { name: HIGHLIGHT, text });
    expect(at, text).not.toBeNull();
    await page.mouseMove(at!.x, at!.y);
    await page.waitFor(tooltipVisible, HOST);
    const facts = (await page.evaluate(tooltipFacts, HOST))!;
    // On top of everything (even z-index 2147483647 and the top layer), inside the viewport,
    // and not over the word it explains.
    if (hitTestable) expect(facts.topElementIsHost, `${text}: card is under something`).toBe(true);
    // A modal dialog makes everything outside it inert, so hit-testing skips the card although it
    // is painted on top: the top layer (popover) is what puts it there.
    else expect(await page.evaluate((h) => document.querySelector(h)!.matches(':popover-open'), HOST)).toBe(true);
    expect(facts.rect.top).toBeGreaterThanOrEqual(0);
    expect(facts.rect.left).toBeGreaterThanOrEqual(0);
    expect(facts.rect.right).toBeLessThanOrEqual(1280);
    expect(facts.rect.bottom).toBeLessThanOrEqual(800);
    expect(facts.rect.bottom <= at!.y || facts.rect.top >= at!.y, `${text}: card covers the term`).toBe(true);
    await page.screenshot(path.join(SHOTS, `stacking-${shot}-${name}.png`));
  };

  it('should show the card over a sticky header with the largest z-index', async () => {
    await hoverAndCheck('kyphosis', 'header');
  });

  it('should show the card for a term just under the sticky header without hiding under it', async () => {
    await hoverAndCheck('Osteoporosis', 'under-header');
  });

  it('should show the card over a fixed overlay with the largest z-index', async () => {
    await hoverAndCheck('kyphoplasty', 'overlay');
  });

  it('should show the card for a term inside a transformed container', async () => {
    await hoverAndCheck('sarcopenia', 'transform');
  });

  it('should not clip the card in an overflow:hidden box', async () => {
    await hoverAndCheck('osteopenia', 'clip');
  });

  it('should show the card above a modal dialog in the top layer', async () => {
    await page.evaluate(() => (document.getElementById('modal') as HTMLDialogElement).showModal(), null);
    await page.waitFor((n) => [...(CSS.highlights.get(n) ?? [])].some((r) => (r as Range).toString() === 'denosumab'), HIGHLIGHT);
    await hoverAndCheck('denosumab', 'dialog', false);
  });
});
