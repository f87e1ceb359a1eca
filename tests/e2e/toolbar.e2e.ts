/**
 * The popup as a Chromium user opens it: a click on the toolbar button, which grants `activeTab`
 * for the tab. Only then may the popup run its question in the tab (scripting.executeScript) and
 * read the tab's URL; a page without terms has no message listener, so nothing else can answer.
 * The other browser tests open popup.html as a tab, where Chromium grants neither.
 */
import type { Browser, Extension, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumWithToolbar } from './support/launch';
import { HIGHLIGHT_PREFIX, highlightSize } from './support/page-probes';
import { FIXTURES, shot } from './support/paths';
import { until } from './support/poll';
import { serve, type StaticServer } from './support/server';

/** The two calls of `chrome.tabs` the control below makes from inside the popup. */
interface PopupTabsApi {
  tabs: {
    query(q: { active: boolean; lastFocusedWindow: boolean }): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
}

describe('the toolbar popup in Chromium (activeTab)', () => {
  let browser: Browser;
  let extension: Extension;
  let server: StaticServer;

  beforeAll(async () => {
    server = await serve({ fixtures: FIXTURES });
    ({ browser, extension } = await launchChromiumWithToolbar());
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Clicks the toolbar button over `page` and returns the popup it opened. */
  async function openPopupOver(page: Page): Promise<Page> {
    await page.bringToFront();
    await page.triggerExtensionAction(extension);
    const target = await browser.waitForTarget((t) => t.url() === `chrome-extension://${extension.id}/popup.html`);
    const popup = await target.asPage();
    await popup.waitForSelector('#popup-tab-page');
    return popup;
  }

  const onThisPage = async (popup: Page): Promise<string> => {
    await popup.click('#popup-tab-page');
    return until(
      () => popup.evaluate(() => document.querySelector('.on-page')?.textContent ?? ''),
      (text) => text !== '' && !text.includes('Looking for terms'),
      'the "On this page" tab to answer',
    );
  };
  const siteLabel = (popup: Page): Promise<string | null | undefined> =>
    popup.evaluate(() => document.querySelector('#switch-site + label')?.textContent);

  it('should answer for a page without terms, where only activeTab can reach the first stage', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('fixtures/not-health/bread-recipe.html'), { waitUntil: 'load' });
    const popup = await openPopupOver(page);
    try {
      expect(await onThisPage(popup)).toContain('No glossary terms were found on this page.');
      expect(await siteLabel(popup)).toBe('Mark terms on 127.0.0.1');
      // The control: by runtime message nothing answers there (no listener without the engine).
      const byMessage = await popup.evaluate(async () => {
        // The popup's own `chrome`; the test's tsconfig has no extension types.
        const tabs = (globalThis as unknown as { chrome: PopupTabsApi }).chrome.tabs;
        const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
        return tabs.sendMessage(tab!.id!, { type: 'hg:terms' }).then(
          () => 'answered',
          (e: unknown) => String(e),
        );
      });
      expect(byMessage).toContain('Receiving end does not exist');
      await popup.screenshot({ path: shot('toolbar-popup-no-terms-chromium') as `${string}.png` });
    } finally {
      await popup.close();
      await page.close();
    }
  });

  it('should list the terms of an article and turn its site off and on again', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('fixtures/article.html'), { waitUntil: 'load' });
    await until(
      () => page.evaluate(highlightSize, HIGHLIGHT_PREFIX),
      (n) => n > 0,
      'the article to be marked',
    );
    const popup = await openPopupOver(page);
    try {
      expect(await onThisPage(popup)).toContain('Kyphosis');
      expect(await siteLabel(popup)).toBe('Mark terms on 127.0.0.1');
      await popup.click('#switch-site');
      await until(
        () => page.evaluate(highlightSize, HIGHLIGHT_PREFIX),
        (n) => n <= 0,
        'the marks to go',
      );
      await until(
        () => popup.evaluate(() => document.querySelector('.on-page .notice')?.textContent ?? ''),
        (text) => text.includes('turned off'),
        'the popup to say marking is off here',
      );
      await popup.click('#switch-site');
      await until(
        () => page.evaluate(highlightSize, HIGHLIGHT_PREFIX),
        (n) => n > 0,
        'the marks to come back',
      );
      await popup.screenshot({ path: shot('toolbar-popup-article-chromium') as `${string}.png` });
    } finally {
      await popup.close();
      await page.close();
    }
  });
});
