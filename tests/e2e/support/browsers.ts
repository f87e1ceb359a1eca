import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page as PwPage } from 'playwright-core';
import puppeteer, { type Browser, type Page as PpPage } from 'puppeteer-core';

export const CHROME_EXT = path.resolve('.output/chrome-mv3');
export const FIREFOX_EXT = path.resolve('.output/firefox-mv3');
/** Firefox's id of the extension, as the build wrote it (wxt.config.ts sets it). */
export const GECKO_ID: string = (
  JSON.parse(readFileSync(path.join(FIREFOX_EXT, 'manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  }
).browser_specific_settings.gecko.id;
const FIREFOX_UUID = '6f2d1c7e-3b8a-4f0e-9a51-2c7d4e8b9f10';

/**
 * Sizes a Firefox page's viewport. Puppeteer's setViewport also sends a screen-orientation command
 * that Debian's Firefox ESR (140) does not know, so only the WebDriver BiDi viewport command is sent.
 */
export async function setFirefoxViewport(page: PpPage, size: { width: number; height: number }): Promise<void> {
  const frame = page.mainFrame() as unknown as { browsingContext: { setViewport(o: object): Promise<void> } };
  await frame.browsingContext.setViewport({ viewport: { width: size.width, height: size.height }, devicePixelRatio: null });
}

/** The few page operations the tests need, the same in Chromium (Playwright) and Firefox (Puppeteer). */
export interface TestPage {
  goto(url: string): Promise<void>;
  /** Opens an extension page without waiting for `load` (Firefox never reports it for moz-extension). */
  open(url: string, readySelector: string): Promise<void>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Runs a script's source in the page (a library such as axe-core), even under an extension page's CSP. */
  runScript(source: string): Promise<void>;
  waitFor<A>(fn: (arg: A) => unknown, arg: A, timeoutMs?: number): Promise<void>;
  mouseMove(x: number, y: number): Promise<void>;
  /** A left click at a viewport point (a pointer that moves there first, as a user's does). */
  click(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  screenshot(file: string): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  emulateDark(dark: boolean): Promise<void>;
  close(): Promise<void>;
  /** Makes this the visible tab (background tabs get no animation frames). */
  bringToFront(): Promise<void>;
  /** Page errors seen so far. */
  errors: string[];
  /** URLs of every request the page made so far. */
  requests: string[];
  /** Chromium only: prints the page to PDF on a paper size, as the print dialog would. */
  pdf?(format: 'A4' | 'Letter'): Promise<Buffer>;
  /** Chromium only: renders the page with its print stylesheet (for a screenshot of it). */
  emulatePrint?(on: boolean): Promise<void>;
}

export interface TestBrowser {
  name: 'chromium' | 'firefox';
  /** Base URL of the extension's pages, e.g. chrome-extension://<id>/ */
  extensionBase: string;
  newPage(): Promise<TestPage>;
  /** A page that prefers a dark colour scheme (Firefox: a second browser with the dark pref). */
  newDarkPage(): Promise<TestPage>;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<TestBrowser> {
  const ctx: BrowserContext = await chromium.launchPersistentContext(await mkdtemp(path.join(os.tmpdir(), 'hg-chr-')), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    // Playwright turns the back-forward cache off; a user's Chromium has it on (tests/e2e/faults.e2e.ts).
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
    args: [
      `--disable-extensions-except=${CHROME_EXT}`,
      `--load-extension=${CHROME_EXT}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
  const id = new URL(sw.url()).host;
  return {
    name: 'chromium',
    extensionBase: `chrome-extension://${id}/`,
    async newPage() {
      return wrapPlaywright(await ctx.newPage());
    },
    async newDarkPage() {
      const page = wrapPlaywright(await ctx.newPage());
      await page.emulateDark(true);
      return page;
    },
    close: () => ctx.close(),
  };
}

function wrapPlaywright(page: PwPage): TestPage {
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  return {
    errors,
    requests,
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    async open(url, selector) {
      await page.goto(url);
      await page.waitForSelector(selector);
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    async waitFor(fn, arg, timeout = 10_000) {
      await page.waitForFunction(fn as never, arg, { timeout });
    },
    mouseMove: (x, y) => page.mouse.move(x, y),
    async click(x, y) {
      await page.mouse.move(x, y);
      await page.mouse.click(x, y);
    },
    press: (key) => page.keyboard.press(key),
    async screenshot(file) {
      await page.screenshot({ path: file });
    },
    // Chromium's driver evaluates past the page's CSP.
    runScript: (source) => page.evaluate((src) => void (0, eval)(src), source),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    emulateDark: (dark) => page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' }),
    pdf: (format) => page.pdf({ format, printBackground: false }),
    emulatePrint: (on) => page.emulateMedia({ media: on ? 'print' : 'screen' }),
    close: () => page.close(),
    bringToFront: () => page.bringToFront(),
  };
}

export async function launchFirefox(opts: { dark?: boolean } = {}): Promise<TestBrowser> {
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    protocol: 'webDriverBiDi',
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      // BiDi has no media emulation yet: dark mode is a preference (0 = dark, 1 = light).
      ...(opts.dark ? { 'layout.css.prefers-color-scheme.content-override': 0, 'ui.systemUsesDarkTheme': 1 } : {}),
    },
  });
  await browser.installExtension(FIREFOX_EXT);
  return {
    name: 'firefox',
    extensionBase: `moz-extension://${FIREFOX_UUID}/`,
    async newPage() {
      const page = await browser.newPage();
      await setFirefoxViewport(page, { width: 1280, height: 800 });
      return wrapPuppeteer(page);
    },
    async newDarkPage() {
      const dark = await launchFirefox({ dark: true });
      const page = await dark.newPage();
      return { ...page, close: () => dark.close() };
    },
    close: () => browser.close(),
  };
}

function wrapPuppeteer(page: PpPage): TestPage {
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  return {
    errors,
    requests,
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    open: (url, selector) => openInFirefox(page, url, selector),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    // A source string is evaluated by WebDriver BiDi itself; eval() in the page is refused by
    // Firefox 140 under an extension page's CSP.
    async runScript(source) {
      await page.evaluate(source);
    },
    async waitFor(fn, arg, timeout = 10_000) {
      // Not waitForFunction: it builds the check with Function(), which Firefox 140 blocks under an
      // extension page's CSP (and a strict page's).
      await pollPage(page, fn as (a: typeof arg) => boolean, arg, timeout);
    },
    mouseMove: (x, y) => page.mouse.move(x, y),
    async click(x, y) {
      await page.mouse.move(x, y);
      await page.mouse.click(x, y);
    },
    press: (key) => page.keyboard.press(key as never),
    async screenshot(file) {
      await page.screenshot({ path: file as `${string}.png` });
    },
    setViewport: (width, height) => setFirefoxViewport(page, { width, height }),
    emulateDark: async () => {
      throw new Error('Firefox over BiDi cannot emulate media: use newDarkPage()');
    },
    close: () => page.close(),
    bringToFront: () => page.bringToFront(),
  };
}

/**
 * Polls a condition in a page that may be mid-navigation. Puppeteer's waitFor* give up on the first
 * protocol error, and Firefox's BiDi raises one when an evaluation races the document swap of a
 * moz-extension:// load ("right-hand side of 'in' should be an object, got null").
 */
export async function pollPage<A>(page: PpPage, fn: (arg: A) => boolean, arg: A, timeout = 15_000): Promise<void> {
  const end = Date.now() + timeout;
  let last: unknown;
  while (Date.now() < end) {
    try {
      if (await page.evaluate(fn as never, arg)) return;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`page condition not met in ${timeout} ms${last ? ` (last error: ${String(last)})` : ''}`);
}

/**
 * Opens a URL in a Firefox tab and waits for `selector` in the new document. Awaiting goto on
 * moz-extension:// times out although the page loads (see recipes), and the old document may have
 * the same URL and selector: it is marked first, then an unmarked one is waited for.
 */
export async function openInFirefox(page: PpPage, url: string, selector: string): Promise<void> {
  await page.evaluate(() => ((window as unknown as { hgOld?: boolean }).hgOld = true)).catch(() => undefined);
  void page.goto(url).catch(() => undefined);
  await pollPage(
    page,
    ({ u, s }) =>
      !(window as unknown as { hgOld?: boolean }).hgOld &&
      location.href === u &&
      document.readyState !== 'loading' &&
      document.querySelector(s) !== null,
    { u: url, s: selector },
  );
}

export const BROWSERS = { chromium: launchChromium, firefox: launchFirefox } as const;
