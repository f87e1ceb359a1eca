// "Never break a page": 65 saved real pages (Mozilla Readability's test pages, see
// ../shared/pages/README.md), each loaded with and without the extension, offline.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page as PwPage } from 'playwright-core';
import type { Browser as PpBrowser, Page as PpPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  blockExternal,
  launchRawChromium,
  SCAN_MEASURES,
  watchExtensionWorld,
  type ExtensionWorld,
  type RawChromium,
} from './chromium-raw';
import { launchRawFirefox, offlinePage } from './firefox-raw';
import { HIGHLIGHT_PREFIX, marksInsideEither } from './page-probes';
import { serve, type StaticServer } from './server';
import { waitForMarksToSettle } from './wait-scan';

/** The saved pages live next to the repository, not in it (their content belongs to their publishers). */
const PAGES_DIR = path.resolve('..', 'shared', 'pages');
const PAGES = existsSync(PAGES_DIR)
  ? readdirSync(PAGES_DIR)
      .filter((f) => f.endsWith('.html'))
      .sort()
  : [];
/** A spread of Firefox samples: a health page, Wikipedia, RTL, MathJax, inline SVG, heavy news markup. */
const FIREFOX_SAMPLE = [
  'webmd-2.html',
  'wikipedia.html',
  'rtl-1.html',
  'mathjax.html',
  'cnet-svg-classes.html',
  'nytimes-1.html',
  'medium-1.html',
  'lemonde-1.html',
];
/** Elements whose text must never be marked. */
const SKIPPED =
  'script, style, textarea, input, select, option, code, pre, noscript, [contenteditable]:not([contenteditable="false"])';

interface Snapshot {
  text: string | null;
  html: string | null;
}

/** The body as the page's own world sees it. */
/**
 * Two plain loads agreed but ours differed: ours is loaded again (`reload`). A difference the
 * extension makes comes back every time; one from the page's own timing (an ad script adding an
 * iframe a bit later under a busy CPU) does not. On a match, `ext` takes the new snapshot.
 */
async function loadOursAgainIfOnlyOursDiffered(
  ext: Snapshot,
  plainA: Snapshot,
  pageVaries: boolean,
  reload: () => Promise<Snapshot>,
): Promise<boolean> {
  if (pageVaries || (ext.html === plainA.html && ext.text === plainA.text)) return false;
  const again = await reload();
  if (again.html !== plainA.html || again.text !== plainA.text) return false;
  Object.assign(ext, again);
  return true;
}

function htmlVerdict(ext: Snapshot, plainA: Snapshot, retried: boolean, pageVaries: boolean): Row['html'] {
  if (ext.html === plainA.html) return retried ? 'same on a second load' : 'same';
  return pageVaries ? 'nondeterministic page, masked' : 'DIFFERENT';
}

function bodySnapshot(): Snapshot {
  // Reading markup to compare it, never writing it.
  // eslint-disable-next-line no-restricted-properties
  return { text: document.body?.innerText ?? null, html: document.body?.innerHTML ?? null };
}

/** Where two strings first differ, with a little context, for a readable failure. */
function firstDifference(a: string | null, b: string | null): string {
  if (a === null || b === null) return `one side has no body (${a === null}, ${b === null})`;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `at ${i}/${a.length}: ${JSON.stringify(a.slice(Math.max(0, i - 60), i + 60))} vs ${JSON.stringify(b.slice(Math.max(0, i - 60), i + 60))}`;
}

/** Markup split into tags and text, so a nondeterministic page can be compared token by token. */
const tokens = (html: string): string[] => html.match(/<[^>]*>|[^<]+/g) ?? [];

/**
 * For a page that differs between two plain loads (timers, random ids, clocks): the tokens in which
 * the two plain loads differ are masked, and everything else must be identical with the extension.
 * Returns the unexplained differences (empty when the extension changed nothing the page itself does not).
 */
function unexplainedDifferences(plainA: string, plainB: string, withExt: string): string[] {
  const a = tokens(plainA);
  const b = tokens(plainB);
  const e = tokens(withExt);
  if (a.length !== e.length && b.length !== e.length)
    return [`token count ${e.length} with the extension, ${a.length} / ${b.length} without`];
  const base = a.length === e.length ? a : b;
  const other = base === a ? b : a;
  const out: string[] = [];
  for (let i = 0; i < e.length; i++) {
    if (e[i] === base[i] || e[i] === other[i]) continue;
    // A token the page itself varies (same position differs between the two plain loads).
    if (base[i] !== other[i]) continue;
    out.push(`token ${i}: ${JSON.stringify(e[i]!.slice(0, 120))} vs ${JSON.stringify(base[i]!.slice(0, 120))}`);
    if (out.length > 5) break;
  }
  return out;
}

/** Page errors that the extension's run raised and neither plain run did. */
function newErrors(withExt: string[], ...plain: string[][]): string[] {
  const known = new Set(plain.flat());
  return withExt.filter((e) => !known.has(e));
}

interface Row {
  page: string;
  marks: number;
  settledMs: number;
  scanMs: string;
  html: 'same' | 'same on a second load' | 'nondeterministic page, masked' | 'DIFFERENT';
  errors: number;
}

const describeIfPages = PAGES.length ? describe : describe.skip;
if (!PAGES.length) console.warn(`real-pages: skipped, ${PAGES_DIR} is absent (the saved pages are not part of the repository)`);

describeIfPages(`real pages in chromium (${PAGES.length} pages from ${PAGES_DIR})`, () => {
  let server: StaticServer;
  let withExt: RawChromium;
  let plain: RawChromium;
  let extPage: PwPage;
  let plainPage: PwPage;
  let world: ExtensionWorld;
  const extErrors: string[] = [];
  const plainErrors: string[] = [];
  const rows: Row[] = [];

  beforeAll(async () => {
    server = await serve({ pages: PAGES_DIR });
    [withExt, plain] = await Promise.all([launchRawChromium({ extension: true }), launchRawChromium({ extension: false })]);
    await Promise.all([blockExternal(withExt.ctx), blockExternal(plain.ctx)]);
    extPage = withExt.ctx.pages()[0] ?? (await withExt.ctx.newPage());
    plainPage = plain.ctx.pages()[0] ?? (await plain.ctx.newPage());
    extPage.on('pageerror', (e) => extErrors.push(String(e)));
    plainPage.on('pageerror', (e) => plainErrors.push(String(e)));
    // Pages that open dialogs would otherwise stall.
    for (const p of [extPage, plainPage]) p.on('dialog', (d) => void d.dismiss());
    world = await watchExtensionWorld(extPage, withExt.extensionId);
  }, 120_000);

  afterAll(async () => {
    console.log(`\nreal pages, chromium (marks = ranges in the highlight; scan = first scan wall / busy ms):`);
    console.table(rows);
    await withExt?.close();
    await plain?.close();
    await server?.close();
  });

  const load = async (page: PwPage, url: string): Promise<void> => {
    try {
      await page.goto(url, { waitUntil: 'load', timeout: 15_000 });
    } catch {
      // A page whose `load` never comes (a blocked resource that hangs) is still compared as it is.
    }
  };

  it.each(PAGES)('should leave %s exactly as it was', async (file) => {
    const url = server.url(`pages/${file}`);
    extErrors.length = 0;
    plainErrors.length = 0;
    world.exceptions.length = 0;
    world.consoleErrors.length = 0;

    const [settle] = await Promise.all([
      load(extPage, url).then(() =>
        waitForMarksToSettle((fn, arg) => extPage.evaluate(fn as never, arg) as never, HIGHLIGHT_PREFIX),
      ),
      load(plainPage, url),
    ]);
    const [ext, plainA] = await Promise.all([extPage.evaluate(bodySnapshot), plainPage.evaluate(bodySnapshot)]);
    const errorsExt = [...extErrors];
    const errorsA = [...plainErrors];
    const inSkipped = await extPage.evaluate(marksInsideEither, { prefix: HIGHLIGHT_PREFIX, selector: SKIPPED });
    const measures = (await extPage.evaluate(`(${SCAN_MEASURES})`).catch(() => [])) as {
      name: string;
      duration: number;
      busyMs: number;
    }[];
    const scan = measures.find((m) => m.name === 'health-glossary:scan');

    // A second plain load only when needed: it tells page nondeterminism from our doing.
    let plainB: Snapshot | undefined;
    let errorsB: string[] = [];
    if (ext.html !== plainA.html || ext.text !== plainA.text || newErrors(errorsExt, errorsA).length) {
      plainErrors.length = 0;
      await load(plainPage, url);
      await new Promise((r) => setTimeout(r, settle.waitedMs));
      plainB = await plainPage.evaluate(bodySnapshot);
      errorsB = [...plainErrors];
    }
    const pageVaries = plainB !== undefined && (plainB.html !== plainA.html || plainB.text !== plainA.text);
    const retried = await loadOursAgainIfOnlyOursDiffered(ext, plainA, pageVaries, async () => {
      await load(extPage, url);
      await waitForMarksToSettle((fn, arg) => extPage.evaluate(fn as never, arg) as never, HIGHLIGHT_PREFIX);
      return extPage.evaluate(bodySnapshot);
    });

    rows.push({
      page: file,
      marks: settle.size,
      settledMs: settle.waitedMs,
      scanMs: scan ? `${scan.duration.toFixed(0)} / ${scan.busyMs.toFixed(0)}` : '-',
      html: htmlVerdict(ext, plainA, retried, pageVaries),
      errors: errorsExt.length,
    });

    // The first stage runs everywhere; the engine (and its highlight) only where the text may hold a term.
    expect(await world.evaluate<boolean>('true'), 'the content script ran in the page').toBe(true);
    expect(world.exceptions, 'uncaught exceptions in the content script').toEqual([]);
    expect(world.consoleErrors, 'console errors from the content script').toEqual([]);
    expect(newErrors(errorsExt, errorsA, errorsB), 'page errors only with the extension').toEqual([]);
    expect(inSkipped, `marks inside ${SKIPPED}`).toEqual([]);

    if (!pageVaries) {
      expect(ext.text === plainA.text, `body.innerText ${firstDifference(ext.text, plainA.text)}`).toBe(true);
      expect(ext.html === plainA.html, `body.innerHTML ${firstDifference(ext.html, plainA.html)}`).toBe(true);
    } else {
      // The page changes itself from load to load: compare only what the page keeps the same.
      expect(unexplainedDifferences(plainA.html ?? '', plainB!.html ?? '', ext.html ?? '')).toEqual([]);
      const textDiff = unexplainedDifferences(plainA.text ?? '', plainB!.text ?? '', ext.text ?? '');
      expect(textDiff).toEqual([]);
    }
  });
});

describeIfPages(`real pages in firefox (sample of ${FIREFOX_SAMPLE.length})`, () => {
  let server: StaticServer;
  let withExt: PpBrowser;
  let plain: PpBrowser;
  let extTab: { page: PpPage; errors: string[] };
  let plainTab: { page: PpPage; errors: string[] };
  const rows: Omit<Row, 'scanMs'>[] = [];

  beforeAll(async () => {
    server = await serve({ pages: PAGES_DIR });
    [withExt, plain] = await Promise.all([launchRawFirefox({ extension: true }), launchRawFirefox({ extension: false })]);
    [extTab, plainTab] = await Promise.all([offlinePage(withExt), offlinePage(plain)]);
  }, 120_000);

  afterAll(async () => {
    console.log('\nreal pages, firefox:');
    console.table(rows);
    await withExt?.close();
    await plain?.close();
    await server?.close();
  });

  const load = async (page: PpPage, url: string): Promise<void> => {
    try {
      await page.goto(url, { waitUntil: 'load', timeout: 15_000 });
    } catch {
      // Compared as it is, as in Chromium.
    }
  };

  it.each(FIREFOX_SAMPLE.filter((f) => PAGES.includes(f)))('should leave %s exactly as it was', async (file) => {
    const url = server.url(`pages/${file}`);
    extTab.errors.length = 0;
    plainTab.errors.length = 0;
    const [settle] = await Promise.all([
      load(extTab.page, url).then(() =>
        waitForMarksToSettle((fn, arg) => extTab.page.evaluate(fn as never, arg) as never, HIGHLIGHT_PREFIX),
      ),
      load(plainTab.page, url),
    ]);
    const [ext, plainA] = await Promise.all([extTab.page.evaluate(bodySnapshot), plainTab.page.evaluate(bodySnapshot)]);
    const errorsExt = [...extTab.errors];
    const errorsA = [...plainTab.errors];
    const inSkipped = await extTab.page.evaluate(marksInsideEither, { prefix: HIGHLIGHT_PREFIX, selector: SKIPPED });
    let plainB: Snapshot | undefined;
    let errorsB: string[] = [];
    if (ext.html !== plainA.html || ext.text !== plainA.text || newErrors(errorsExt, errorsA).length) {
      plainTab.errors.length = 0;
      await load(plainTab.page, url);
      await new Promise((r) => setTimeout(r, settle.waitedMs));
      plainB = await plainTab.page.evaluate(bodySnapshot);
      errorsB = [...plainTab.errors];
    }
    const pageVaries = plainB !== undefined && (plainB.html !== plainA.html || plainB.text !== plainA.text);
    const retried = await loadOursAgainIfOnlyOursDiffered(ext, plainA, pageVaries, async () => {
      await load(extTab.page, url);
      await waitForMarksToSettle((fn, arg) => extTab.page.evaluate(fn as never, arg) as never, HIGHLIGHT_PREFIX);
      return extTab.page.evaluate(bodySnapshot);
    });
    rows.push({
      page: file,
      marks: settle.size,
      settledMs: settle.waitedMs,
      html: htmlVerdict(ext, plainA, retried, pageVaries),
      errors: errorsExt.length,
    });

    // Whether the content script ran is checked in Chromium, which can see its world; here the
    // highlight exists only where the engine started.
    expect(newErrors(errorsExt, errorsA, errorsB), 'page errors only with the extension').toEqual([]);
    expect(inSkipped, `marks inside ${SKIPPED}`).toEqual([]);
    if (!pageVaries) {
      expect(ext.text === plainA.text, `body.innerText ${firstDifference(ext.text, plainA.text)}`).toBe(true);
      expect(ext.html === plainA.html, `body.innerHTML ${firstDifference(ext.html, plainA.html)}`).toBe(true);
    } else {
      expect(unexplainedDifferences(plainA.html ?? '', plainB!.html ?? '', ext.html ?? '')).toEqual([]);
      expect(unexplainedDifferences(plainA.text ?? '', plainB!.text ?? '', ext.text ?? '')).toEqual([]);
    }
  });
});
