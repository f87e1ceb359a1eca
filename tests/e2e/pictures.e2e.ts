// Pictures where a reader meets them, in real Chromium and Firefox ESR, in light and dark: in the
// card on a web page (drawn, not just present: pixels are counted), on the glossary page and in the
// popup's overview; the card with its picture has no axe violations; "Show pictures" off removes it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { type TestPage } from './support/browsers';
import { describeEachBrowser } from './support/suite';
import { ANY_LOOK, findMark, HOST, tooltipVisible } from './support/page-probes';
import { SHOTS } from './support/paths';
import { countPixels, decodePng } from './support/png';
import { until } from './support/poll';
import { setSync } from './support/storage-probes';

/** Share of a picture's box that must be ink (lines, fills, labels) for it to count as drawn. */
const MIN_INK = 0.05;

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  innerWidth: number;
  /** The background the picture sits on, as "rgb(r, g, b)". */
  background: string;
}

/** The picture's box inside the card's shadow root, and the card's background. Runs in the page. */
function cardPicture(host: string): Box | null {
  const root = document.querySelector(host)?.shadowRoot;
  const art = root?.querySelector('.hg-picture .picture-art');
  if (!art?.querySelector('svg')) return null;
  const r = art.getBoundingClientRect();
  const background = getComputedStyle(root!.querySelector('.tippy-box')!).backgroundColor;
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, innerWidth, background };
}

/** The same for a picture on one of the extension's pages. Runs in the page. */
function pagePicture(selector: string): Box | null {
  const art = document.querySelector(selector);
  if (!art?.querySelector('svg')) return null;
  art.scrollIntoView({ block: 'center' });
  const r = art.getBoundingClientRect();
  return {
    left: r.left,
    top: r.top,
    right: r.right,
    bottom: r.bottom,
    innerWidth,
    background: getComputedStyle(document.body).backgroundColor,
  };
}

/** What the card shows now: its term and whether it holds a picture. Runs in the page. */
function cardState(host: string): { term?: string; figure: boolean } {
  const root = document.querySelector(host)?.shadowRoot;
  return { term: root?.querySelector('.hg-term')?.textContent ?? undefined, figure: !!root?.querySelector('figure') };
}

/** Screenshots the page and returns the share of the box whose pixels stand out from the background. */
async function inkShare(page: TestPage, box: Box, file: string): Promise<number> {
  await page.screenshot(file);
  const img = decodePng(readFileSync(file));
  const [br, bg, bb] = box.background.match(/\d+/g)!.map(Number) as [number, number, number];
  const ink = (r: number, g: number, b: number): boolean => Math.abs(r - br) + Math.abs(g - bg) + Math.abs(b - bb) > 60;
  const scale = img.width / box.innerWidth;
  const area = (box.right - box.left) * (box.bottom - box.top) * scale * scale;
  return countPixels(img, box, ink, scale) / area;
}

/** Where the mark on `text` is, once the page is marked (whichever highlight name the page's colours chose). */
async function markOn(page: TestPage, text: string): Promise<{ x: number; y: number }> {
  // One read that waits and answers, so the place returned is the one found.
  return (await until(() => page.evaluate(findMark, { ...ANY_LOOK, text }), Boolean, `a mark on "${text}"`))!;
}

describeEachBrowser('pictures in %s', (suite) => {
  const { name } = suite;

  describe.each([
    ['light', false],
    ['dark', true],
  ] as const)('in %s mode', (scheme, dark) => {
    let page: TestPage;
    beforeAll(async () => {
      page = dark ? await suite.browser.newDarkPage() : await suite.browser.newPage();
      await page.setViewport(1280, 800);
    }, 60_000);
    afterAll(async () => {
      await page?.close();
    });

    it('should draw the entry’s picture in the card, readable, with no axe violations', async () => {
      await page.goto(suite.server.url('fixtures/pictures.html'));
      const at = await markOn(page, 'wedge fracture');
      await page.mouseMove(at.x, at.y);
      await page.waitFor(tooltipVisible, HOST);
      await page.waitFor(cardPicture, HOST);
      expect(await page.evaluate(cardState, HOST)).toEqual({ term: 'wedge fracture', figure: true });
      const box = (await page.evaluate(cardPicture, HOST))!;
      expect(box.background).toBe(dark ? 'rgb(31, 36, 40)' : 'rgb(255, 255, 255)');
      // The card's picture is about 300 x 175 CSS px, fully in the window.
      expect(box.right - box.left).toBeGreaterThan(200);
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.bottom).toBeLessThanOrEqual(800);
      const share = await inkShare(page, box, path.join(SHOTS, `card-picture-${scheme}-${name}.png`));
      expect(share, 'share of the picture drawn').toBeGreaterThan(MIN_INK);
      expect(await axeViolations(page), `page with the card open, ${scheme}`).toEqual([]);
    });

    it.each([
      ['glossary page entry', 'glossary.html#wedge-fracture', '#wedge-fracture .picture-art'],
      ['overview section', 'popup.html', '.picture-section .picture-art'],
    ])('should draw the picture of the %s', async (label, file, selector) => {
      await page.open(`${suite.browser.extensionBase}${file}`, selector);
      await page.waitFor(pagePicture, selector);
      const box = (await page.evaluate(pagePicture, selector))!;
      const share = await inkShare(page, box, path.join(SHOTS, `picture-${file.split(/[.#]/)[0]}-${scheme}-${name}.png`));
      expect(share, `${label}: share drawn`).toBeGreaterThan(MIN_INK);
    });
  });

  it('should show the card without its picture when "Show pictures in explanations" is off', async () => {
    const ext = await suite.browser.newPage();
    await ext.open(`${suite.browser.extensionBase}options.html`, 'body');
    await ext.evaluate(setSync, { showPictures: false });
    const page = await suite.browser.newPage();
    await page.goto(suite.server.url('fixtures/pictures.html'));
    const at = await markOn(page, 'wedge fracture');
    await page.mouseMove(at.x, at.y);
    await page.waitFor(tooltipVisible, HOST);
    expect(await page.evaluate(cardState, HOST)).toEqual({ term: 'wedge fracture', figure: false });
    await ext.evaluate(setSync, { showPictures: true });
    await page.close();
    await ext.close();
  });
});
