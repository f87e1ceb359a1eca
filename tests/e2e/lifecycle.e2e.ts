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
import { FIREFOX_EXT, GECKO_ID } from './support/launch';
import { ANY_LOOK, findMark, HIGHLIGHT, HIGHLIGHT_PREFIX, highlightSize, HOST, tooltipShown } from './support/page-probes';

const OURS = { host: HOST, prefix: HIGHLIGHT_PREFIX };
import { FIXTURES, SHOTS } from './support/paths';
import { until } from './support/poll';
import { serve, type StaticServer } from './support/server';
import { openTab, type Tab, type TabBrowser } from './support/tabs';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls a page function until it returns something truthy. */
const untilPage = <A>(tab: Tab, fn: (arg: A) => unknown, arg: A): Promise<unknown> =>
  until(() => tab.evaluate(fn, arg), Boolean, `the page condition ${fn.name}`);

/** Our highlights and card hosts in the page, as the page sees them. Runs in the page. */
function leftovers({ host, prefix }: { host: string; prefix: string }): { highlights: string[]; hosts: number } {
  return {
    highlights: [...(CSS.highlights?.keys() ?? [])].filter((k) => k.startsWith(prefix)),
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
  await untilPage(tab, findMark, { ...ANY_LOOK, text });
  const at = (await tab.evaluate(findMark, { ...ANY_LOOK, text }))!;
  await tab.mouseMove(at.x, at.y);
  await untilPage(tab, tooltipShown, HOST);
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
      await untilPage(tab, hasMarks, HIGHLIGHT_PREFIX);
      await openCard(tab, 'kyphosis');
      expect(await tab.evaluate(leftovers, OURS)).toMatchObject({ hosts: 1 });

      const ctx = tab.pw!.context();
      const [worker] = ctx.serviceWorkers();
      // The worker goes away while it answers: its promise may reject.
      await worker!.evaluate(action).catch(() => undefined);
      // Within the orphan check's second: no marks painted, no card host, nothing thrown.
      await untilPage(
        tab,
        (o: { host: string; prefix: string }) => {
          const l = document.querySelectorAll(o.host).length;
          return l === 0 && ![...(CSS.highlights?.keys() ?? [])].some((k) => k.startsWith(o.prefix));
        },
        OURS,
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
      expect(await tab.evaluate(leftovers, OURS)).toEqual({ highlights: [], hosts: 0 });
      expect(tab.extensionErrors(), 'errors of the old content script').toEqual([]);
    },
    90_000,
  );

  it('in firefox: the new content script replaces the old one’s marks and card; removal leaves the page as it was', async () => {
    server = await serve({ fixtures: FIXTURES });
    b = await openTab('firefox', { extension: true });
    const { tab } = b;
    await tab.goto(server.url('fixtures/article.html'));
    await untilPage(tab, hasMarks, HIGHLIGHT_PREFIX);
    await openCard(tab, 'kyphosis');
    const marks = await tab.evaluate(highlightSize, HIGHLIGHT_PREFIX);
    // Remember the old instance's highlight, to tell the new one's apart.
    await tab.evaluate((name) => {
      (window as unknown as { oldMarks: unknown }).oldMarks = CSS.highlights.get(name);
    }, HIGHLIGHT);

    await b.firefox!.installExtension(FIREFOX_EXT);
    await untilPage(
      tab,
      ({ n, name }: { n: number; name: string }) => {
        const h = CSS.highlights.get(name);
        return !!h && h !== (window as unknown as { oldMarks: unknown }).oldMarks && h.size === n;
      },
      { n: marks, name: HIGHLIGHT },
    );
    // One set of marks, the old card's host gone; the new card opens.
    expect(await tab.evaluate(leftovers, OURS)).toEqual({ highlights: [HIGHLIGHT], hosts: 0 });
    await openCard(tab, 'kyphosis', { leaveOpen: true });
    expect(await tab.evaluate(leftovers, OURS)).toMatchObject({ hosts: 1 });
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
