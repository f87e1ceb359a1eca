// What ordinary use does to an extension, in real Chromium and Firefox ESR: a marked page left and
// restored from the back-forward cache, sync storage full when a setting is saved, and (Chromium)
// the service worker stopped between two commands.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page as PwPage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchRawChromium,
  serviceWorkerControl,
  watchExtensionWorld,
  type ExtensionWorld,
  type RawChromium,
  type ServiceWorkerControl,
} from './support/chromium-raw';
import { type TestPage } from './support/browsers';
import { describeEachBrowser } from './support/suite';
import { ANY_LOOK, findMark, HIGHLIGHT_PREFIX, HOST, MENU_ID, tooltipVisible } from './support/page-probes';
import { FIXTURES } from './support/paths';
import { steady } from './support/poll';
import { serve, type StaticServer } from './support/server';
import { clearSync, fillSync, readSync } from './support/storage-probes';

/** Our highlights (by name, with their sizes) and card hosts, as the page sees them. Runs in the page. */
function ours({ host, prefix }: { host: string; prefix: string }): { highlights: [string, number][]; hosts: number } {
  return {
    highlights: [...(CSS.highlights?.entries() ?? [])]
      .filter(([k]) => k.startsWith(prefix))
      .map(([k, h]) => [k, h.size] as [string, number]),
    hosts: document.querySelectorAll(host).length,
  };
}

const OURS = { host: HOST, prefix: HIGHLIGHT_PREFIX };

/** Our marks once their number has stopped changing (the scan paints in batches). */
async function settled(page: TestPage): Promise<ReturnType<typeof ours>> {
  await page.waitFor(findMark, { ...ANY_LOOK, text: 'kyphosis' });
  const { value, settled } = await steady(() => page.evaluate(ours, OURS), { stableMs: 600, everyMs: 200 });
  if (!settled) throw new Error('the marks kept changing');
  return value;
}

describeEachBrowser('faults in %s', (suite) => {
  const { name } = suite;

  it('should keep marks and the card working, once, after the page comes back from the back-forward cache', async () => {
    const page: TestPage = await suite.browser.newPage();
    const article = suite.server.url('fixtures/article.html');
    await page.goto(article);
    const before = await settled(page);
    // A mark of this document's life: it survives only if the page itself is restored, not reloaded.
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true), null);
    await page.goto(suite.server.url('fixtures/long-article.html'));
    await page.evaluate(() => history.back(), null);
    await page.waitFor((url) => location.href === url && document.readyState === 'complete', article);
    const restored = await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed === true, null);
    expect(restored, 'the page came back from the back-forward cache').toBe(true);
    // The same marks, one highlight, no second card host.
    expect(await settled(page)).toEqual(before);
    const at = (await page.evaluate(findMark, { ...ANY_LOOK, text: 'kyphosis' }))!;
    await page.mouseMove(at.x, at.y);
    await page.waitFor(tooltipVisible, HOST);
    expect((await page.evaluate(ours, OURS)).hosts).toBe(1);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  const closedPages: [label: string, where: string, message: RegExp][] = [
    ['a PDF file', 'fixtures/guide.pdf', /It is a PDF file/],
    // The browser shows neither address to the extension, so the popup names every kind of closed page.
    ['a page’s source', 'view-source:fixtures/article.html', /page source views, PDF files and files on this computer/],
    ['a file on this computer', 'file:tests/fixtures/article.html', /page source views, PDF files and files on this computer/],
    // Firefox never reports a load of its own about: pages to the test driver.
    ...(name === 'chromium'
      ? [['a browser page', 'browser-page', /their own pages \(settings, the new tab page\)/] as [string, string, RegExp]]
      : []),
  ];
  it.each(closedPages)('should say plainly in the popup why %s is not marked', async (_label, where, message) => {
    const tab = await suite.browser.newPage();
    const popup = await suite.browser.newPage();
    const url =
      where === 'browser-page'
        ? 'chrome://version/'
        : where.startsWith('view-source:')
          ? `view-source:${suite.server.url(where.slice(12))}`
          : where.startsWith('file:')
            ? pathToFileURL(path.resolve(where.slice(5))).href
            : suite.server.url(where);
    await tab.goto(url);
    await tab.bringToFront();
    await popup.open(`${suite.browser.extensionBase}popup.html`, '#popup-tab-page');
    await popup.evaluate(() => document.getElementById('popup-tab-page')!.click(), null);
    await popup.waitFor(() => document.querySelector('.on-page .notice') !== null, null);
    expect(await popup.evaluate(() => document.querySelector('.on-page .notice')?.textContent ?? '', null)).toMatch(message);
    expect(tab.errors).toEqual([]);
    await popup.close();
    await tab.close();
  });

  it('should say so on the options page when sync storage is full, and keep what was stored', async () => {
    const page = await suite.browser.newPage();
    await page.open(`${suite.browser.extensionBase}options.html`, '#mark-style-underline:not(:disabled)');
    await page.evaluate(clearSync, null);
    expect(await page.evaluate(fillSync, null)).toBeGreaterThan(50_000);
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('#opt-site')!;
      input.value = 'example.com';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, null);
    // The typed site is in the component's state once the input shows it after a render.
    await page.evaluate(() => document.querySelector<HTMLInputElement>('#opt-site')!.form!.requestSubmit(), null);
    await page.waitFor(
      () => document.querySelector('[role="alert"]')?.textContent?.includes('sync storage is full') === true,
      null,
    );
    expect(await page.evaluate(readSync, 'disabledSites')).toBeUndefined();
    expect(await page.evaluate(() => document.querySelector('ul.sites')?.textContent ?? '', null)).not.toContain('example.com');
    expect(page.errors).toEqual([]);
    await page.evaluate(clearSync, null);
    await page.close();
  });
});

// Chromium stops an idle service worker after 30 s and starts it again for the next event. The
// DevTools protocol stops and starts it here, and the browser's own event dispatch (the function
// Chromium gives every extension event) delivers the command or menu click to the listeners the
// fresh worker registered. Firefox's event page has no such hook: a test cannot fire a command or a
// menu click there, and its background runs the same code.
describe('the service worker stopped between commands, in chromium', () => {
  let server: StaticServer;
  let raw: RawChromium;
  let page: PwPage;
  let worker: ServiceWorkerControl;
  let world: ExtensionWorld;
  const cardTerm = (host: string): string =>
    document.querySelector(host)?.shadowRoot?.querySelector('.tippy-box[data-state="visible"] .hg-term')?.textContent ?? '';

  beforeAll(async () => {
    server = await serve({ fixtures: FIXTURES });
    raw = await launchRawChromium({ extension: true });
    page = raw.ctx.pages()[0] ?? (await raw.ctx.newPage());
    world = await watchExtensionWorld(page, raw.extensionId);
    await page.goto(server.url('fixtures/article.html'));
    await page.waitForFunction(findMark, { ...ANY_LOOK, text: 'kyphosis' });
    worker = await serviceWorkerControl(raw.ctx, raw.extensionId!);
    await page.bringToFront();
  }, 90_000);
  afterAll(async () => {
    await raw?.close();
    await server?.close();
  });

  /** Stops the worker, starts a fresh one, and hands it an event through Chromium's dispatch. */
  async function afterRestart(dispatch: string): Promise<void> {
    if (worker.status() !== 'running') await worker.start();
    await worker.stop();
    expect(worker.status()).toBe('stopped');
    await worker.start();
    await worker.evaluate(dispatch);
  }

  it('should still step to the next term on the keyboard command', async () => {
    await afterRestart(`chrome.commands.onCommand.dispatch('next-term')`);
    await page.waitForFunction(cardTerm, HOST);
    expect(await page.evaluate(cardTerm, HOST)).not.toBe('');
    await page.keyboard.press('Escape');
    await page.waitForFunction(
      (h) => !document.querySelector(h)?.shadowRoot?.querySelector('.tippy-box[data-state="visible"]'),
      HOST,
    );
  });

  it('should still explain a selected term from the context menu, whose entry is still there', async () => {
    await page.evaluate(() => {
      const text = document.getElementById('kyphosis')!.firstChild as Text;
      const at = text.data.indexOf('kyphosis');
      const r = document.createRange();
      r.setStart(text, at);
      r.setEnd(text, at + 'kyphosis'.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(r);
    });
    await afterRestart(`(async () => {
      await chrome.contextMenus.update(${JSON.stringify(MENU_ID)}, {});
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      chrome.contextMenus.onClicked.dispatch({ menuItemId: ${JSON.stringify(MENU_ID)}, selectionText: 'kyphosis', editable: false, pageUrl: '' }, tab);
    })()`);
    await page.waitForFunction(
      (h) =>
        /kyphosis/i.test(
          document.querySelector(h)?.shadowRoot?.querySelector('.tippy-box[data-state="visible"] .hg-term')?.textContent ?? '',
        ),
      HOST,
    );
    await page.keyboard.press('Escape');
  });

  it('should still switch the site off and on by the keyboard command', async () => {
    await afterRestart(`chrome.commands.onCommand.dispatch('toggle-site')`);
    await page.waitForFunction(
      (p) => [...CSS.highlights.keys()].every((k) => !k.startsWith(p) || CSS.highlights.get(k)!.size === 0),
      HIGHLIGHT_PREFIX,
    );
    await afterRestart(`chrome.commands.onCommand.dispatch('toggle-site')`);
    await page.waitForFunction(findMark, { ...ANY_LOOK, text: 'kyphosis' });
  });

  it('should still list the page’s terms in the popup with the worker stopped', async () => {
    await worker.stop();
    const popup = await raw.ctx.newPage();
    await page.bringToFront();
    await popup.goto(`chrome-extension://${raw.extensionId}/popup.html`);
    await popup.evaluate(() => document.getElementById('popup-tab-page')!.click());
    await popup.waitForFunction(() => document.querySelectorAll('.found-term').length > 3);
    await popup.close();
  });

  it('should do nothing harmful on a tab it cannot reach (a page’s source)', async () => {
    const closed = await raw.ctx.newPage();
    await closed.goto(`view-source:${server.url('fixtures/article.html')}`);
    await closed.bringToFront();
    if (worker.status() !== 'running') await worker.start();
    const sitesBefore = await worker.evaluate<unknown>(
      `chrome.storage.sync.get('disabledSites').then((r) => r.disabledSites ?? null)`,
    );
    // The commands find no content script there and stop; nothing is stored.
    await afterRestart(`(async () => {
      await chrome.commands.onCommand.dispatch('next-term');
      await chrome.commands.onCommand.dispatch('toggle-site');
    })()`);
    // "Explain" on a selection there searches the glossary for it instead, in a tab of its own.
    const glossary = raw.ctx.waitForEvent('page', (p) => p.url().includes('/glossary.html?q=Kyphosis'));
    await worker.evaluate(`(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      chrome.contextMenus.onClicked.dispatch({ menuItemId: ${JSON.stringify(MENU_ID)}, selectionText: 'Kyphosis', editable: false, pageUrl: '' }, tab);
    })()`);
    await (await glossary).close();
    expect(
      await worker.evaluate<unknown>(`chrome.storage.sync.get('disabledSites').then((r) => r.disabledSites ?? null)`),
    ).toEqual(sitesBefore);
    await closed.close();
    await page.bringToFront();
  });

  it('should leave no error in the page or the content script', () => {
    expect(world.exceptions).toEqual([]);
    expect(world.consoleErrors).toEqual([]);
  });
});
