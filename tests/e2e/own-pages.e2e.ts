import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, type TestBrowser } from './support/browsers';
import { findMark, HIGHLIGHT, HOST, marksInside, tooltipText, tooltipVisible, UNDERLINED } from './support/page-probes';
import { SHOTS } from './support/paths';
import { until } from './support/poll';

describe.each(Object.keys(BROWSERS) as (keyof typeof BROWSERS)[])(
  "glossary terms inside the extension's own pages in %s",
  (name) => {
    let browser: TestBrowser;

    beforeAll(async () => {
      browser = await BROWSERS[name]();
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
    });

    it('should mark and explain terms in the popup overview, but not in headings', async () => {
      const popup = await browser.newPage();
      await popup.setViewport(420, 600);
      await popup.open(`${browser.extensionBase}popup.html`, 'main');
      // The overview has over 500 marks, so Chromium paints only those near the viewport (content/paint/painter.ts).
      await popup.waitFor((n) => (CSS.highlights.get(n)?.size ?? 0) >= 3, HIGHLIGHT);
      expect(await popup.evaluate(marksInside, { ...UNDERLINED, selector: 'h1, h2, h3, [role="tablist"]' })).toEqual([]);
      // One read both finds and returns the mark: scrolling to it repaints the marks near the viewport,
      // so a second read could come while they are being painted (the CI run of 80e3efc saw that).
      const at = await until(
        () => popup.evaluate(findMark, { ...UNDERLINED, scroll: true, inside: '[role="tabpanel"]:not([hidden]) p' }),
        (found) => found !== null,
        'a mark in the overview text',
      );
      await popup.mouseMove(at!.x, at!.y);
      await popup.waitFor(tooltipVisible, HOST);
      expect((await popup.evaluate(tooltipText, HOST)).toLowerCase()).toContain(at!.text.toLowerCase().slice(0, 5));
      await popup.screenshot(path.join(SHOTS, `popup-card-${name}.png`));
      await popup.close();
    });

    it('should mark and explain terms in the glossary page details', async () => {
      const page = await browser.newPage();
      await page.open(`${browser.extensionBase}glossary.html#kyphosis`, '#kyphosis');
      // The page has over 500 marks, so only those near the viewport are painted (content/paint/painter.ts).
      await page.waitFor((n) => (CSS.highlights.get(n)?.size ?? 0) > 10, HIGHLIGHT);
      expect(await page.evaluate(marksInside, { ...UNDERLINED, selector: '.entry-head, h1, h2, h3' })).toEqual([]);
      // The entry does not explain its own term to itself.
      const own = await page.evaluate(marksInside, { ...UNDERLINED, selector: '#kyphosis' });
      expect(own.filter((t) => /^kyphos[ie]s$/i.test(t))).toEqual([]);
      // Painted in batches: the details' marks may come a paint after the first ones.
      const at = await until(
        () => page.evaluate(findMark, { ...UNDERLINED, scroll: true, inside: '#kyphosis .details' }),
        (found) => found !== null,
        'a mark in the entry details',
      );
      await page.mouseMove(at!.x, at!.y);
      await page.waitFor(tooltipVisible, HOST);
      const card = await page.evaluate(
        (h) => document.querySelector(h)!.shadowRoot!.querySelector('a')?.getAttribute('href'),
        HOST,
      );
      expect(card).toMatch(/^#[a-z0-9-]+$/);
      await page.close();
    });
  },
);
