// What ordinary use does to an extension, in real Chromium and Firefox ESR: a marked page left and
// restored from the back-forward cache, and sync storage full when a setting is saved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, type TestBrowser, type TestPage } from './browsers';
import { HIGHLIGHT_PREFIX, HOST, markCenterAnyName, tooltipVisible } from './page-probes';
import { FIXTURES } from './paths';
import { serve, type StaticServer } from './server';

/** Our highlights (by name, with their sizes) and card hosts, as the page sees them. Runs in the page. */
function ours(host: string): { highlights: [string, number][]; hosts: number } {
  return {
    highlights: [...(CSS.highlights?.entries() ?? [])]
      .filter(([k]) => k.startsWith('health-glossary'))
      .map(([k, h]) => [k, h.size] as [string, number]),
    hosts: document.querySelectorAll(host).length,
  };
}

/**
 * Fills the extension's sync storage until it takes no more (halving the size of what it tries),
 * as years of saved settings and another device's writes could. Runs in an extension page.
 */
async function fillSync(): Promise<number> {
  const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
  let written = 0;
  for (let size = 8000, i = 0; size >= 1;) {
    try {
      await api.storage.sync.set({ [`filler${i}`]: 'x'.repeat(size) });
      i++;
      written += size;
    } catch {
      size = Math.floor(size / 2);
    }
  }
  return written;
}
async function clearSync(): Promise<void> {
  const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
  await api.storage.sync.clear();
}
async function readSites(): Promise<unknown> {
  const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
  return (await api.storage.sync.get('disabledSites')).disabledSites;
}
declare const chrome: {
  storage: {
    sync: {
      set(v: object): Promise<void>;
      get(k: string): Promise<Record<string, unknown>>;
      clear(): Promise<void>;
    };
  };
};

/** Our marks once their number has stopped changing (the scan paints in batches). */
async function settled(page: TestPage): Promise<ReturnType<typeof ours>> {
  await page.waitFor(markCenterAnyName, { prefix: HIGHLIGHT_PREFIX, text: 'kyphosis' });
  let last = JSON.stringify(await page.evaluate(ours, HOST));
  for (let same = 0; same < 3;) {
    await new Promise((r) => setTimeout(r, 200));
    const now = JSON.stringify(await page.evaluate(ours, HOST));
    same = now === last ? same + 1 : 0;
    last = now;
  }
  return JSON.parse(last) as ReturnType<typeof ours>;
}

describe.each(Object.keys(BROWSERS) as (keyof typeof BROWSERS)[])('faults in %s', (name) => {
  let browser: TestBrowser;
  let server: StaticServer;

  beforeAll(async () => {
    server = await serve({ fixtures: FIXTURES });
    browser = await BROWSERS[name]();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('should keep marks and the card working, once, after the page comes back from the back-forward cache', async () => {
    const page: TestPage = await browser.newPage();
    const article = server.url('fixtures/article.html');
    await page.goto(article);
    const before = await settled(page);
    // A mark of this document's life: it survives only if the page itself is restored, not reloaded.
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true), null);
    await page.goto(server.url('fixtures/long-article.html'));
    await page.evaluate(() => history.back(), null);
    await page.waitFor((url) => location.href === url && document.readyState === 'complete', article);
    const restored = await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed === true, null);
    expect(restored, 'the page came back from the back-forward cache').toBe(true);
    // The same marks, one highlight, no second card host.
    expect(await settled(page)).toEqual(before);
    const at = (await page.evaluate(markCenterAnyName, { prefix: HIGHLIGHT_PREFIX, text: 'kyphosis' }))!;
    await page.mouseMove(at.x, at.y);
    await page.waitFor(tooltipVisible, HOST);
    expect((await page.evaluate(ours, HOST)).hosts).toBe(1);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('should say so on the options page when sync storage is full, and keep what was stored', async () => {
    const page = await browser.newPage();
    await page.open(`${browser.extensionBase}options.html`, '#mark-style-underline:not(:disabled)');
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
    expect(await page.evaluate(readSites, null)).toBeUndefined();
    expect(await page.evaluate(() => document.querySelector('ul.sites')?.textContent ?? '', null)).not.toContain('example.com');
    expect(page.errors).toEqual([]);
    await page.evaluate(clearSync, null);
    await page.close();
  });
});
