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
  type ScanMeasure,
} from './support/chromium-raw';
import { offlinePage } from './support/firefox-raw';
import { launchFirefoxBrowser } from './support/launch';
import { ANY_LOOK, HIGHLIGHT_PREFIX, marksInside, SCAN_MEASURE } from './support/page-probes';
import { htmlTokens, textTokens, unexplainedChanges } from './support/page-compare';
import { serve, type StaticServer } from './support/server';
import { waitForMarksToSettle } from './support/wait-scan';
import { until } from './support/poll';
import { ENGINE_PATH } from '../../content/lazy-paths';

/** Run in the content script's world: the precheck's answer for the page's text, from the background ('error': none). */
const ASK_PRECHECK = `new Promise((resolve) => chrome.runtime.sendMessage(
  { type: 'hg:precheck', text: document.body.innerText },
  (answer) => resolve(chrome.runtime.lastError ? 'error' : answer)))`;

/** The saved pages live next to the repository, not in it (their content belongs to their publishers). */
const PAGES_DIR = path.resolve('..', 'shared', 'pages');
const PAGES = existsSync(PAGES_DIR)
  ? readdirSync(PAGES_DIR)
      .filter((f) => f.endsWith('.html'))
      .sort()
  : [];
/** Elements whose text must never be marked. */
const SKIPPED =
  'script, style, textarea, input, select, option, code, pre, noscript, [contenteditable]:not([contenteditable="false"])';
/** Loads without the extension at most, to learn what a page varies by itself. */
const MAX_PLAIN_LOADS = 3;

interface Snapshot {
  text: string | null;
  html: string | null;
}

function bodySnapshot(): Snapshot {
  // Reading markup to compare it, never writing it.
  // eslint-disable-next-line no-restricted-properties
  return { text: document.body?.innerText ?? null, html: document.body?.innerHTML ?? null };
}

/** One tab of either browser, as the comparison needs it. */
interface Side {
  /** Loads the page; a page whose `load` never comes (a blocked resource that hangs) is compared as it is. */
  load(url: string): Promise<void>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** The page's own uncaught errors since the last load. */
  errors: string[];
}

interface Verdict {
  marks: number;
  settledMs: number;
  plainLoads: number;
  extLoads: number;
  html: string[];
  text: string[];
  newErrors: string[];
  inSkipped: string[];
}

const settle = (side: Side) => waitForMarksToSettle((fn, arg) => side.evaluate(fn as never, arg) as never, HIGHLIGHT_PREFIX);

/**
 * Loads a page with and without the extension and says what the extension changed. When the two
 * differ, the page is loaded again without the extension (up to MAX_PLAIN_LOADS) to learn what it
 * varies by itself, and then once more with it (a page's own timing under a busy CPU); a difference
 * is forgiven only where a plain load changed the same place the same way (page-compare.ts).
 */
async function judge(ext: Side, plain: Side, url: string): Promise<Verdict> {
  ext.errors.length = 0;
  plain.errors.length = 0;
  const [settled] = await Promise.all([ext.load(url).then(() => settle(ext)), plain.load(url)]);
  let snap = await ext.evaluate(bodySnapshot, null);
  let extErrors = [...ext.errors];
  const inSkipped = await ext.evaluate(marksInside, { ...ANY_LOOK, selector: SKIPPED });
  const plains = [await plain.evaluate(bodySnapshot, null)];
  const plainErrors = new Set(plain.errors);
  let extLoads = 1;
  const verdict = (): Pick<Verdict, 'html' | 'text' | 'newErrors'> => ({
    html: unexplainedChanges(
      htmlTokens(snap.html ?? ''),
      plains.map((p) => htmlTokens(p.html ?? '')),
    ),
    text: unexplainedChanges(
      textTokens(snap.text ?? ''),
      plains.map((p) => textTokens(p.text ?? '')),
    ),
    newErrors: extErrors.filter((e) => !plainErrors.has(e)),
  });
  const clean = (v: ReturnType<typeof verdict>) => !v.html.length && !v.text.length && !v.newErrors.length;
  let v = verdict();
  while (!clean(v) && plains.length < MAX_PLAIN_LOADS) {
    plain.errors.length = 0;
    await plain.load(url);
    await new Promise((r) => setTimeout(r, settled.waitedMs));
    plains.push(await plain.evaluate(bodySnapshot, null));
    for (const e of plain.errors) plainErrors.add(e);
    v = verdict();
  }
  if (!clean(v)) {
    ext.errors.length = 0;
    await ext.load(url);
    await settle(ext);
    snap = await ext.evaluate(bodySnapshot, null);
    extErrors = [...ext.errors];
    extLoads++;
    v = verdict();
  }
  return { marks: settled.size, settledMs: settled.waitedMs, plainLoads: plains.length, extLoads, inSkipped, ...v };
}

/** The table row printed after the run. */
const row = (page: string, v: Verdict) => ({
  page,
  marks: v.marks,
  settledMs: v.settledMs,
  loads: `${v.extLoads} / ${v.plainLoads}`,
  verdict: v.html.length || v.text.length ? 'DIFFERENT' : v.plainLoads > 1 ? 'same where the page is stable' : 'same',
});

function expectUntouched(v: Verdict): void {
  expect(v.newErrors, 'page errors only with the extension').toEqual([]);
  expect(v.inSkipped, `marks inside ${SKIPPED}`).toEqual([]);
  expect(v.html, 'body.innerHTML changed where no load without the extension changed it').toEqual([]);
  expect(v.text, 'body.innerText changed where no load without the extension changed it').toEqual([]);
}

async function loadQuietly(goto: () => Promise<unknown>): Promise<void> {
  try {
    await goto();
  } catch {
    // Compared as it is.
  }
}

const describeIfPages = PAGES.length ? describe : describe.skip;
if (!PAGES.length) console.warn(`real-pages: skipped, ${PAGES_DIR} is absent (the saved pages are not part of the repository)`);

describeIfPages(`real pages in chromium (${PAGES.length} pages from ${PAGES_DIR})`, () => {
  let server: StaticServer;
  let withExt: RawChromium;
  let plain: RawChromium;
  let ext: Side;
  let base: Side;
  let world: ExtensionWorld;
  let extPage: PwPage;
  let engineLoads = 0;
  const rows: (ReturnType<typeof row> & { scanMs: string })[] = [];

  beforeAll(async () => {
    server = await serve({ pages: PAGES_DIR });
    [withExt, plain] = await Promise.all([launchRawChromium({ extension: true }), launchRawChromium({ extension: false })]);
    await Promise.all([blockExternal(withExt.ctx), blockExternal(plain.ctx)]);
    const side = (page: PwPage): Side => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      // Pages that open dialogs would otherwise stall.
      page.on('dialog', (d) => void d.dismiss());
      return {
        errors,
        load: (url) => loadQuietly(() => page.goto(url, { waitUntil: 'load', timeout: 15_000 })),
        evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
      };
    };
    extPage = withExt.ctx.pages()[0] ?? (await withExt.ctx.newPage());
    ext = side(extPage);
    base = side(plain.ctx.pages()[0] ?? (await plain.ctx.newPage()));
    world = await watchExtensionWorld(extPage, withExt.extensionId);
    extPage.on('request', (r) => void (r.url().endsWith(ENGINE_PATH) && engineLoads++));
  }, 120_000);

  afterAll(async () => {
    console.log(
      `\nreal pages, chromium (marks = ranges in the highlight; loads = with / without the extension; scan = first scan wall / busy ms):`,
    );
    console.table(rows);
    await withExt?.close();
    await plain?.close();
    await server?.close();
  });

  it.each(PAGES)('should leave %s exactly as it was', async (file) => {
    world.exceptions.length = 0;
    world.consoleErrors.length = 0;
    engineLoads = 0;
    const v = await judge(ext, base, server.url(`pages/${file}`));
    const measures = (await extPage.evaluate(`(${SCAN_MEASURES})`).catch(() => [])) as ScanMeasure[];
    const scan = measures.find((m) => m.name === SCAN_MEASURE);
    rows.push({ ...row(file, v), scanMs: scan ? `${scan.duration.toFixed(0)} / ${scan.busyMs.toFixed(0)}` : '-' });

    // The first stage runs everywhere; the engine (and its highlight) only where the text may hold a term.
    expect(await world.evaluate<boolean>('true'), 'the content script ran in the page').toBe(true);
    expect(world.exceptions, 'uncaught exceptions in the content script').toEqual([]);
    expect(world.consoleErrors, 'console errors from the content script').toEqual([]);
    // The background's precheck, asked the way the first stage asks it: where it says no, the
    // engine was never loaded; where it says yes, it was.
    const answer = await world.evaluate<boolean | string>(ASK_PRECHECK);
    expect(answer, 'the background answered the precheck').toBeTypeOf('boolean');
    if (answer)
      await until(
        () => engineLoads,
        (n) => n > 0,
        `the engine on ${file}`,
      );
    else expect(engineLoads, 'engine loads on a page the precheck said no to').toBe(0);
    expectUntouched(v);
  });
});

describeIfPages(`real pages in firefox (${PAGES.length} pages)`, () => {
  let server: StaticServer;
  let withExt: PpBrowser;
  let plain: PpBrowser;
  let ext: Side;
  let base: Side;
  const rows: ReturnType<typeof row>[] = [];

  beforeAll(async () => {
    server = await serve({ pages: PAGES_DIR });
    [withExt, plain] = await Promise.all([launchFirefoxBrowser({ extension: true }), launchFirefoxBrowser({ extension: false })]);
    const side = ({ page, errors }: { page: PpPage; errors: string[] }): Side => ({
      errors,
      load: (url) => loadQuietly(() => page.goto(url, { waitUntil: 'load', timeout: 15_000 })),
      evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    });
    [ext, base] = (await Promise.all([offlinePage(withExt), offlinePage(plain)])).map(side) as [Side, Side];
  }, 120_000);

  afterAll(async () => {
    console.log('\nreal pages, firefox (loads = with / without the extension):');
    console.table(rows);
    await withExt?.close();
    await plain?.close();
    await server?.close();
  });

  // Whether the content script ran is checked in Chromium, which can see its world; Firefox does
  // not report a content script's errors to the page's tools.
  it.each(PAGES)('should leave %s exactly as it was', async (file) => {
    const v = await judge(ext, base, server.url(`pages/${file}`));
    rows.push(row(file, v));
    expectUntouched(v);
  });
});
