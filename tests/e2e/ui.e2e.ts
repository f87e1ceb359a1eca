// The extension's own pages (popup, options, glossary) in real Chromium and Firefox ESR: search with
// a typo, deep links, settings surviving a reload, axe-core with zero violations in light and dark,
// and screenshots for review and the store. Run after `npm run build`.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, WCAG_AA } from './support/axe';
import { launchChromium, launchFirefox, type TestPage } from './support/browsers';
import { HIGHLIGHT_PREFIX, highlightSize, HOST, tooltipShown } from './support/page-probes';
import { FIXTURES, shot } from './support/paths';
import { serve, type StaticServer } from './support/server';

/** WCAG 2.1 A and AA plus axe's best practices (landmarks, heading order, one h1). */
const AXE_TAGS = [...WCAG_AA, 'best-practice'];
const POPUP = { width: 420, height: 590 };
const STORE = { width: 1280, height: 800 };

interface UiBrowser {
  base: string;
  newPage(): Promise<TestPage>;
  close(): Promise<void>;
}

/** Chromium with the extension; `dark` emulates prefers-color-scheme on every page it opens. */
async function chromium(dark: boolean): Promise<UiBrowser> {
  // Background tabs run their timers as a user's would see them once in front (the popup and its article).
  const browser = await launchChromium({ unthrottled: true, backForwardCache: false });
  return {
    base: browser.extensionBase,
    newPage: () => (dark ? browser.newDarkPage() : browser.newPage()),
    close: () => browser.close(),
  };
}

/** Firefox with the extension. Media emulation needs CDP, which Firefox does not speak: a scheme is its own browser. */
async function firefox(dark: boolean): Promise<UiBrowser> {
  const browser = await launchFirefox({ colorScheme: dark ? 'dark' : 'light' });
  return { base: browser.extensionBase, newPage: () => browser.newPage(), close: () => browser.close() };
}

const LAUNCH = { chromium, firefox } as const;

/** Whether the page has any marked term (under whichever highlight name the mark style uses). Runs in the page. */
function hasMarks(prefix: string): boolean {
  for (const [key, h] of CSS.highlights ?? []) if (key.startsWith(prefix) && h.size > 0) return true;
  return false;
}

/** The opposite, self-contained too (functions sent to a page cannot call each other). */
function hasNoMarks(prefix: string): boolean {
  for (const [key, h] of CSS.highlights ?? []) if (key.startsWith(prefix) && h.size > 0) return false;
  return true;
}

/** Text of the first search hit's name in the popup or on the glossary page. */
const firstHit = (selector: string) => document.querySelector(selector)?.textContent?.trim() ?? '';

describe.each(Object.keys(LAUNCH) as (keyof typeof LAUNCH)[])('extension pages in %s', (name) => {
  let browser: UiBrowser;
  let page: TestPage;
  let server: StaticServer;

  beforeAll(async () => {
    server = await serve({ fixtures: FIXTURES });
    browser = await LAUNCH[name](false);
    page = await browser.newPage();
  }, 60_000);

  afterAll(async () => {
    // Browser first: the server's close waits for the browser's keep-alive connections to end.
    await browser?.close();
    await server?.close();
  });

  it('should find kyphosis in the popup when searching "kyphosys", reaching the tab by arrow key', async () => {
    await page.setViewport(POPUP.width, POPUP.height);
    await page.open(`${browser.base}popup.html`, 'article.overview h2');
    await page.screenshot(shot(`popup-overview-${name}`));
    // Tabs pattern: focus the selected tab, then the arrow key moves to and selects the next one.
    await page.evaluate(() => (document.querySelector('[role="tab"][aria-selected="true"]') as HTMLElement).focus(), null);
    await page.press('ArrowRight');
    await page.waitFor(() => document.querySelector('#popup-tab-glossary')?.getAttribute('aria-selected') === 'true', null);
    expect(await page.evaluate(() => document.activeElement?.id, null)).toBe('popup-tab-glossary');
    await page.screenshot(shot(`popup-glossary-${name}`));
    await page.type('#popup-search', 'kyphosys');
    await page.waitFor(
      (s) => /^Kyphosis/.test(document.querySelector(s)?.textContent ?? ''),
      '.glossary-panel .entries .term-name',
    );
    expect(await page.evaluate(firstHit, '.glossary-panel .entries .term-name')).toBe('Kyphosis');
    const link = await page.evaluate(
      () => document.querySelector<HTMLAnchorElement>('.glossary-panel .more a')?.href ?? '',
      null,
    );
    expect(link).toBe(`${browser.base}glossary.html#kyphosis`);
    await page.screenshot(shot(`popup-search-${name}`));
  });

  it('should say kindly that a page without the content script cannot be read', async () => {
    // Opened as a tab, the popup's active tab is itself: an extension page, where no content script runs.
    await page.evaluate(() => (document.querySelector('[role="tab"][aria-selected="true"]') as HTMLElement).focus(), null);
    await page.press('ArrowRight');
    await page.waitFor(() => document.querySelector('#popup-tab-page')?.getAttribute('aria-selected') === 'true', null);
    await page.waitFor(() => document.querySelector('.on-page .notice') !== null, null);
    expect(await page.evaluate(() => document.querySelector('.on-page .notice')?.textContent ?? '', null)).toMatch(
      /can't read this page/,
    );
    await page.screenshot(shot(`popup-on-this-page-${name}`));
  });

  it('should list the terms of the page under the popup and jump to one', async () => {
    const article = await browser.newPage();
    const popup = await browser.newPage();
    try {
      await article.open(server.url('fixtures/article.html'), 'body');
      await article.waitFor(hasMarks, HIGHLIGHT_PREFIX);
      // The popup asks for the active tab when it opens: with the article in front, that is the article.
      await article.bringToFront();
      await popup.setViewport(POPUP.width, POPUP.height);
      await popup.open(`${browser.base}popup.html`, '#popup-tab-page');
      await popup.evaluate(() => document.getElementById('popup-tab-page')!.click(), null);
      await popup.waitFor(() => document.querySelectorAll('.found-term').length > 3, null);
      const found = await popup.evaluate(() => [...document.querySelectorAll('.found-name')].map((e) => e.textContent), null);
      expect(found).toContain('Kyphosis');
      // Background tabs do not paint in Chromium: the popup comes to the front for its picture, then the
      // article does, so the card it shows on a jump is drawn.
      await popup.bringToFront();
      await popup.screenshot(shot(`popup-on-this-page-list-${name}`));
      await article.bringToFront();

      // Choosing a term scrolls the article to it and shows its card.
      await popup.evaluate(() => {
        const button = [...document.querySelectorAll<HTMLButtonElement>('.found-term')].find((b) =>
          b.textContent?.startsWith('Kyphosis'),
        );
        button!.click();
      }, null);
      await popup.waitFor(
        () => document.querySelector('.on-page [role="status"]')?.textContent === 'Showing “Kyphosis” on the page.',
        null,
      );
      await article.waitFor(tooltipShown, HOST);

      // Chromium shows the popup the tab's URL only through activeTab, granted by a toolbar click, which
      // this popup opened as a tab never gets (toolbar.e2e.ts clicks the button); Firefox grants the
      // content script's hosts, so the site switch is there.
      if (name === 'firefox') {
        expect(await popup.evaluate(() => document.querySelector('#switch-site + label')?.textContent, null)).toBe(
          'Mark terms on 127.0.0.1',
        );
        // Off for this site: the content script takes its marks away live; on again: they come back.
        await popup.evaluate(() => document.getElementById('switch-site')!.click(), null);
        await article.waitFor(hasNoMarks, HIGHLIGHT_PREFIX);
        await popup.waitFor(() => document.querySelector('.on-page .notice')?.textContent?.includes('turned off') === true, null);
        await popup.evaluate(() => document.getElementById('switch-site')!.click(), null);
        await article.waitFor(hasMarks, HIGHLIGHT_PREFIX);
        expect(await article.evaluate(highlightSize, HIGHLIGHT_PREFIX)).toBeGreaterThan(0);
      }
    } finally {
      await popup.close();
      await article.close();
    }
  });

  it('should show the entry with its details at glossary.html#kyphosis, scrolled to and highlighted', async () => {
    await page.setViewport(STORE.width, STORE.height);
    await page.open(`${browser.base}glossary.html#kyphosis`, '#kyphosis.is-target');
    const facts = await page.evaluate(() => {
      const el = document.getElementById('kyphosis')!;
      const r = el.getBoundingClientRect();
      return {
        text: el.textContent ?? '',
        top: r.top,
        inView: r.top >= 0 && r.top < innerHeight,
        focused: document.activeElement === el,
      };
    }, null);
    const kyphosis = (
      JSON.parse(readFileSync('glossary/data/terms/condition.json', 'utf8')) as { id: string; details: string }[]
    ).find((t) => t.id === 'kyphosis')!;
    expect(facts.text).toContain(kyphosis.details.slice(0, 60));
    expect(facts.inView).toBe(true);
    expect(facts.focused).toBe(true);
    await page.screenshot(shot(`glossary-entry-${name}`));
  });

  it('should follow a related-term link to that entry (hashchange)', async () => {
    const related = await page.evaluate(
      () => document.querySelector<HTMLAnchorElement>('#kyphosis .related a')?.hash.slice(1) ?? '',
      null,
    );
    expect(related).not.toBe('');
    await page.clickOn(`#kyphosis .related a[href="#${related}"]`);
    await page.waitFor((id) => document.getElementById(id)?.classList.contains('is-target') === true, related);
    expect(await page.evaluate(() => document.querySelectorAll('.is-target').length, null)).toBe(1);
  });

  it('should open glossary.html?q= with the search filled in', async () => {
    await page.open(`${browser.base}glossary.html?q=kyphosys`, '.glossary .entries .term-name');
    expect(await page.evaluate(() => document.querySelector<HTMLInputElement>('#glossary-search')?.value, null)).toBe('kyphosys');
    expect(await page.evaluate(firstHit, '.glossary .entries .term-name')).toBe('Kyphosis');
  });

  it('should keep changed options after a reload', async () => {
    await page.open(`${browser.base}options.html`, '#mark-style-underline:not(:disabled)');
    await page.clickOn('#mark-style-background');
    await page.clickOn('#occurrences-first');
    await page.type('#opt-site', 'WWW.Example.COM/some/page');
    await page.press('Enter');
    await page.waitFor(() => document.querySelector('.sites .site')?.textContent === 'example.com', null);
    // The slider by keyboard: End is 2000 ms, then one step down.
    await page.evaluate(() => (document.getElementById('opt-delay') as HTMLElement).focus(), null);
    await page.press('End');
    await page.press('ArrowLeft');
    await page.waitFor(() => document.querySelector('.status')?.textContent !== '', null);
    await page.reload('#mark-style-underline:not(:disabled)');
    await page.waitFor(() => document.querySelector('.sites .site') !== null, null);
    const state = await page.evaluate(
      () => ({
        style: document.querySelector<HTMLInputElement>('input[name="mark-style"]:checked')?.value,
        occurrences: document.querySelector<HTMLInputElement>('input[name="occurrences"]:checked')?.value,
        delay: document.querySelector<HTMLInputElement>('#opt-delay')?.value,
        sites: [...document.querySelectorAll('.sites .site')].map((e) => e.textContent),
      }),
      null,
    );
    expect(state).toEqual({ style: 'background', occurrences: 'first', delay: '1950', sites: ['example.com'] });
    await page.evaluate(() => scrollTo(0, 0), null);
    await page.screenshot(shot(`options-${name}`));
    await page.clickOn('.reset button');
    await page.waitFor(
      () =>
        document.querySelector<HTMLInputElement>('#mark-style-underline')?.checked === true && !document.querySelector('.sites'),
      null,
    );
  });

  describe.each([
    ['light', false],
    ['dark', true],
  ] as const)('in %s mode', (scheme, dark) => {
    let schemed: UiBrowser;
    let page: TestPage;
    beforeAll(async () => {
      schemed = await LAUNCH[name](dark);
      page = await schemed.newPage();
    }, 60_000);
    afterAll(async () => {
      await schemed?.close();
    });

    it.each([
      ['popup (overview)', 'popup.html', 'article.overview h2', POPUP, null],
      ['popup (glossary)', 'popup.html', 'article.overview h2', POPUP, '#popup-tab-glossary'],
      ['popup (on this page)', 'popup.html', 'article.overview h2', POPUP, '#popup-tab-page'],
      ['options page', 'options.html', '#mark-style-underline:not(:disabled)', STORE, null],
      ['glossary page', 'glossary.html', '#kyphosis', STORE, null],
    ] as const)(
      'should have no axe violations on the %s',
      async (label, file, ready, size, tab) => {
        await page.setViewport(size.width, size.height);
        await page.open(`${schemed.base}${file}`, ready);
        if (tab) {
          await page.clickOn(tab);
          await page.waitFor((t) => document.querySelector(t)?.getAttribute('aria-selected') === 'true', tab);
          if (tab === '#popup-tab-page')
            await page.waitFor(() => !document.querySelector('.on-page')?.textContent?.includes('…'), null);
        }
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches, null)).toBe(dark);
        expect(await axeViolations(page, AXE_TAGS), `${label} in ${scheme}`).toEqual([]);
        await page.screenshot(shot(`${file.replace('.html', '')}${tab ? `-${tab.slice(11)}` : ''}-${scheme}-${name}`));
      },
      120_000,
    ); // axe checks contrast on every node of the 175-entry glossary page: slow on a busy machine
  });
});
