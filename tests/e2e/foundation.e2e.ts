import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { type TestPage } from './support/browsers';
import { describeEachBrowser } from './support/suite';
import {
  findMark,
  HIGHLIGHT,
  HOST,
  markedTexts,
  marksInside,
  toggleHighlight,
  tooltipFacts,
  tooltipText,
  tooltipVisible,
  UNDERLINED,
} from './support/page-probes';
import { countPixels, decodePng } from './support/png';
import { openMarked } from './support/wait-scan';
import { FIXTURES, SHOTS } from './support/paths';

const TERMS = JSON.parse(readFileSync('glossary/data/terms/condition.json', 'utf8')) as { id: string; definition: string }[];
const definitionOf = (id: string): string => TERMS.find((t) => t.id === id)?.definition ?? '';

describeEachBrowser(
  'foundation in %s',
  (suite) => {
    const { name } = suite;
    let page: TestPage;
    let original: string;

    beforeAll(async () => {
      // The page as it is without the extension: the raw body markup the server sends.
      const html = readFileSync(path.join(FIXTURES, 'article.html'), 'utf8');
      original = html.slice(html.indexOf('<body>') + 6, html.indexOf('</body>'));
      page = await suite.browser.newPage();
      await openMarked(page, suite.server.url('fixtures/article.html'));
    }, 60_000);

    it('should mark the article terms, longest match first', async () => {
      const marked = await page.evaluate(markedTexts, UNDERLINED);
      for (const text of [
        'Osteoporosis',
        'bone mass',
        'bone microarchitecture',
        'vertebral compression fracture',
        'VCF',
        'vertebra',
        'vertebrae',
        'kyphosis',
        'physical therapy',
        'spinal orthosis',
        'vertebral augmentation',
        'vertebroplasty',
        'kyphoplasty',
        'bone cement',
        'bone mineral density test',
        'osteopenia',
      ])
        expect(marked, text).toContain(text);
      expect(marked).not.toContain('compression fracture');
      expect(marked.some((t) => /kyphoscoliosis/i.test(t))).toBe(false);
    });

    it('should mark a term split by inline formatting as one term', async () => {
      const marked = await page.evaluate(markedTexts, UNDERLINED);
      expect(marked).toContain('vertebral compression fracture');
    });

    it.each(['#trap-textarea', '#trap-input', '#trap-editable', '#trap-pre', '#trap-code', '#trap-select', 'script', 'noscript'])(
      'should not mark anything inside %s',
      async (selector) => {
        expect(await page.evaluate(marksInside, { ...UNDERLINED, selector })).toEqual([]);
      },
    );

    it('should leave the body markup unchanged and add only the tooltip host outside it', async () => {
      // Reading markup to compare it, never writing it.
      // eslint-disable-next-line no-restricted-properties
      const body = await page.evaluate(() => document.body.innerHTML, null);
      expect(body.replace(/\s+/g, ' ').trim()).toBe(original.replace(/\s+/g, ' ').trim());
      expect(await page.evaluate(() => (window as unknown as { pageScriptRan?: string }).pageScriptRan, null)).toBe(
        'osteoporosis',
      );
    });

    it('should draw the mark: a teal dotted underline under the term (Firefox: a teal tint too), gone when the highlight is', async () => {
      const box = await page.evaluate(findMark, { ...UNDERLINED, scroll: true, text: 'kyphoplasty' });
      expect(box).not.toBeNull();
      // The underline sits at the bottom of the line box, a little below the glyphs. Firefox 140
      // draws no text-decoration in ::highlight, so there the faint tint over the word is what shows.
      const tinted = name === 'firefox';
      const under = tinted
        ? { left: box!.left, right: box!.right, top: box!.top, bottom: box!.bottom }
        : { left: box!.left, right: box!.right, top: box!.top + (box!.bottom - box!.top) / 2, bottom: box!.bottom + 4 };
      const teal = tinted
        ? (r: number, g: number, b: number): boolean => g - r > 6 && b - r > 6
        : (r: number, g: number, b: number): boolean => g - r > 40 && b - r > 40;
      const shoot = async (file: string): Promise<number> => {
        await page.screenshot(file);
        const img = decodePng(readFileSync(file));
        return countPixels(img, under, teal, img.width / box!.innerWidth);
      };
      const marked = await shoot(path.join(SHOTS, `mark-${name}.png`));
      await page.evaluate(toggleHighlight, { name: HIGHLIGHT, back: false });
      const bare = await shoot(path.join(SHOTS, `mark-off-${name}.png`));
      await page.evaluate(toggleHighlight, { name: HIGHLIGHT, back: true });
      expect(bare, 'teal pixels under the word without the highlight').toBe(0);
      expect(marked, 'teal pixels under the word with the highlight').toBeGreaterThan(10);
    });

    it('should show a styled tooltip with the definition on hover, above the page, and hide it on Escape', async () => {
      const at = await page.evaluate(findMark, { ...UNDERLINED, text: 'kyphosis' });
      expect(at).not.toBeNull();
      await page.mouseMove(at!.x - 40, at!.y + 60);
      await page.mouseMove(at!.x, at!.y);
      await page.waitFor(tooltipVisible, HOST);
      const text = await page.evaluate(tooltipText, HOST);
      expect(text.toLowerCase()).toContain('kyphosis');
      expect(text).toContain(definitionOf('kyphosis').slice(0, 40));
      const facts = await page.evaluate(tooltipFacts, HOST);
      expect(facts!.topElementIsHost).toBe(true);
      expect(facts!.background).not.toBe('rgba(0, 0, 0, 0)');
      // Placed above or below the term, never on it.
      expect(facts!.rect.bottom <= at!.y || facts!.rect.top >= at!.y).toBe(true);
      await page.screenshot(path.join(SHOTS, `tooltip-${name}.png`));
      await page.press('Escape');
      await page.waitFor((h) => !document.querySelector(h)?.shadowRoot?.querySelector('.tippy-box[data-state="visible"]'), HOST);
      expect(await page.evaluate(tooltipVisible, HOST)).toBe(false);
    });

    it('should mark text added after load and drop marks of removed text', async () => {
      await page.evaluate(() => {
        document.getElementById('dynamic-target')!.textContent = 'New text about sarcopenia and scoliosis.';
      }, null);
      await page.waitFor(
        (n) => [...(CSS.highlights.get(n) ?? [])].some((r) => (r as Range).toString() === 'sarcopenia'),
        HIGHLIGHT,
      );
      await page.evaluate(() => {
        document.getElementById('dynamic-target')!.textContent = 'Nothing here now.';
      }, null);
      await page.waitFor(
        (n) => ![...(CSS.highlights.get(n) ?? [])].some((r) => ['sarcopenia', 'scoliosis'].includes((r as Range).toString())),
        HIGHLIGHT,
      );
    });

    it('should render the overview in the popup', async () => {
      const popup = await suite.browser.newPage();
      await popup.setViewport(420, 600);
      await popup.open(`${suite.browser.extensionBase}popup.html`, 'article.overview h2');
      const heading = await popup.evaluate(() => document.querySelector('article.overview h2')?.textContent ?? '', null);
      expect(heading).toMatch(/osteoporosis/i);
      const sections = await popup.evaluate(() => document.querySelectorAll('article.overview section').length, null);
      expect(sections).toBeGreaterThan(3);
      expect(await popup.evaluate(() => document.querySelector('.disclaimer')?.textContent ?? '', null)).toMatch(
        /not medical advice/,
      );
      await popup.screenshot(path.join(SHOTS, `popup-${name}.png`));
      await popup.close();
    });
  },
  { timeoutMs: 60_000 },
);
