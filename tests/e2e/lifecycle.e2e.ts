// The extension reloaded, updated or removed while a marked page is open, in real Chromium and
// Firefox ESR. Chromium keeps the old content script running with a dead API: it must stop by
// itself, taking its marks, listeners and card with it (Chromium injects no new one: the page
// stays unmarked until it is reloaded; a headless Chromium does not bring an unpacked extension
// back after runtime.reload(), so the new version is not tried here; removal is tried, and
// disabling takes the same path but needs the management permission). Firefox injects the new
// content script into the open tab and the old one can no longer run: the new one must replace
// its marks and card, not add to them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FIREFOX_EXT, GECKO_ID } from './browsers';
import { HIGHLIGHT_PREFIX, HOST, highlightSize, markCenterAnyName, tooltipShown } from './page-probes';
import { FIXTURES, SHOTS } from './paths';
import { serve, type StaticServer } from './server';
import { openTab, type Tab, type TabBrowser } from './tabs';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls a page function until it returns something truthy. */
async function until<A>(tab: Tab, fn: (arg: A) => unknown, arg: A, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await tab.evaluate(fn as (arg: A) => boolean, arg).catch(() => false)) return;
    await sleep(100);
  }
  throw new Error(`page condition not met in ${timeoutMs} ms: ${fn.name}`);
}

/** Our highlights and card hosts in the page, as the page sees them. Runs in the page. */
function leftovers(host: string): { highlights: string[]; hosts: number } {
  return {
    highlights: [...(CSS.highlights?.keys() ?? [])].filter((k) => k.startsWith('health-glossary')),
    hosts: document.querySelectorAll(host).length,
  };
}

/** Whether the page has marks painted. Runs in the page (self-contained: page functions go as text). */
function hasMarks(prefix: string): boolean {
  for (const [key, h] of CSS.highlights ?? []) if (key.startsWith(prefix) && h.size > 0) return true;
  return false;
}

/** Opens the card of `text` by pointer and waits until it shows. */
async function openCard(tab: Tab, text: string, opts: { leaveOpen?: boolean } = {}): Promise<void> {
  await until(tab, markCenterAnyName, { prefix: HIGHLIGHT_PREFIX, text });
  const at = (await tab.evaluate(markCenterAnyName, { prefix: HIGHLIGHT_PREFIX, text }))!;
  await tab.mouseMove(at.x, at.y);
  await until(tab, tooltipShown, HOST);
  // Off the term again, so the next hover is a new one.
  if (!opts.leaveOpen) await tab.mouseMove(5, 5);
}

describe('the extension reloaded or removed with a marked page open', () => {
  let server: StaticServer | undefined;
  let b: TabBrowser | undefined;
  afterEach(async () => {
    await b?.close();
    await server?.close();
  });

  it.each([
    ['reloaded', 'chrome.runtime.reload()'],
    // Needs no permission; disabling takes the same path (the runtime loses its id) but needs one.
    ['removed', 'chrome.management.uninstallSelf()'],
  ])(
    'in chromium, %s: the old content script stops by itself: marks, card and listeners go, nothing thrown',
    async (_how, action) => {
      server = await serve({ fixtures: FIXTURES });
      b = await openTab('chromium', { extension: true });
      const { tab } = b;
      await tab.goto(server.url('fixtures/article.html'));
      await until(tab, hasMarks, HIGHLIGHT_PREFIX);
      await openCard(tab, 'kyphosis');
      expect(await tab.evaluate(leftovers, HOST)).toMatchObject({ hosts: 1 });

      const ctx = tab.pw!.context();
      const [worker] = ctx.serviceWorkers();
      // The worker goes away while it answers: its promise may reject.
      await worker!.evaluate(action).catch(() => undefined);
      // Within the orphan check's second: no marks painted, no card host, nothing thrown.
      await until(
        tab,
        (host: string) => {
          const l = document.querySelectorAll(host).length;
          return l === 0 && ![...(CSS.highlights?.keys() ?? [])].some((k) => k.startsWith('health-glossary'));
        },
        HOST,
      );
      expect(tab.errors, 'page errors').toEqual([]);
      expect(tab.extensionErrors(), 'errors of the old content script').toEqual([]);

      // Pointer and keyboard on the old marks' text do nothing any more: the card stays gone.
      const at = (await tab.evaluate(() => {
        const r = document.createRange();
        r.selectNodeContents(document.getElementById('kyphosis')!);
        const box = r.getClientRects()[0]!;
        return { x: box.left + 20, y: box.top + box.height / 2 };
      }, null))!;
      await tab.mouseMove(at.x, at.y);
      await sleep(1000);
      expect(await tab.evaluate(leftovers, HOST)).toEqual({ highlights: [], hosts: 0 });
      expect(tab.extensionErrors(), 'errors of the old content script').toEqual([]);
    },
    90_000,
  );

  it('in firefox: the new content script replaces the old one’s marks and card; removal leaves the page as it was', async () => {
    server = await serve({ fixtures: FIXTURES });
    b = await openTab('firefox', { extension: true });
    const { tab } = b;
    await tab.goto(server.url('fixtures/article.html'));
    await until(tab, hasMarks, HIGHLIGHT_PREFIX);
    await openCard(tab, 'kyphosis');
    const marks = await tab.evaluate(highlightSize, HIGHLIGHT_PREFIX);
    // Remember the old instance's highlight, to tell the new one's apart.
    await tab.evaluate(() => {
      (window as unknown as { oldMarks: unknown }).oldMarks = CSS.highlights.get('health-glossary');
    }, null);

    await b.firefox!.installExtension(FIREFOX_EXT);
    await until(
      tab,
      (n: number) => {
        const h = CSS.highlights.get('health-glossary');
        return !!h && h !== (window as unknown as { oldMarks: unknown }).oldMarks && h.size === n;
      },
      marks,
    );
    // One set of marks, the old card's host gone; the new card opens.
    expect(await tab.evaluate(leftovers, HOST)).toEqual({ highlights: ['health-glossary'], hosts: 0 });
    await openCard(tab, 'kyphosis', { leaveOpen: true });
    expect(await tab.evaluate(leftovers, HOST)).toMatchObject({ hosts: 1 });
    expect(tab.errors, 'page errors').toEqual([]);

    // Removed with the card open: Firefox takes the marks' styles away with the extension, so nothing is painted.
    await b.firefox!.uninstallExtension(GECKO_ID);
    const shot = (name: string): Promise<Buffer> =>
      tab
        .screenshot(path.join(SHOTS, `lifecycle-${name}-firefox.png`))
        .then(() => readFileSync(path.join(SHOTS, `lifecycle-${name}-firefox.png`)));
    // The style goes asynchronously: compare with the page cleared by hand until they agree.
    const end = Date.now() + 10_000;
    let same = false;
    while (!same && Date.now() < end) {
      const removed = await shot('removed');
      same = removed.equals(await clearedShot(tab, shot));
      if (!same) await sleep(250);
    }
    expect(same, 'the page after removal looks as it does with no marks at all').toBe(true);
    expect(tab.errors, 'page errors').toEqual([]);
  }, 90_000);
});

/**
 * A screenshot of the page with every highlight taken out by the page itself, then put back, so
 * the comparison can be repeated.
 */
async function clearedShot(tab: Tab, shot: (name: string) => Promise<Buffer>): Promise<Buffer> {
  await tab.evaluate((host) => {
    const w = window as unknown as { kept?: [string, Highlight][] };
    w.kept = [...CSS.highlights.entries()];
    CSS.highlights.clear();
    for (const el of document.querySelectorAll<HTMLElement>(host)) el.style.setProperty('display', 'none', 'important');
  }, HOST);
  const cleared = await shot('cleared');
  await tab.evaluate((host) => {
    const w = window as unknown as { kept?: [string, Highlight][] };
    for (const [k, h] of w.kept ?? []) CSS.highlights.set(k, h);
    for (const el of document.querySelectorAll<HTMLElement>(host)) el.style.removeProperty('display');
  }, HOST);
  return cleared;
}
