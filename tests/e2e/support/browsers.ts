import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import {
  CHROME_EXT,
  FIREFOX_UUID,
  launchChromiumContext,
  launchFirefoxBrowser,
  type ChromiumOptions,
  type FirefoxOptions,
} from './launch';
import { until } from './poll';

/**
 * Sizes a Firefox page's viewport. Puppeteer's setViewport also sends a screen-orientation command
 * that Debian's Firefox ESR (140) does not know, so only the WebDriver BiDi viewport command is sent.
 */
export async function setFirefoxViewport(page: PpPage, size: { width: number; height: number }): Promise<void> {
  const frame = page.mainFrame() as unknown as { browsingContext: { setViewport(o: object): Promise<void> } };
  await frame.browsingContext.setViewport({ viewport: { width: size.width, height: size.height }, devicePixelRatio: null });
}

/** The page operations the browser tests need, the same in Chromium (Playwright) and Firefox (Puppeteer). */
export interface TestPage {
  goto(url: string, timeoutMs?: number): Promise<void>;
  /** Opens an extension page without waiting for `load` (Firefox never reports it for moz-extension). */
  open(url: string, readySelector: string): Promise<void>;
  /** Reloads and waits for `readySelector` in the new document. */
  reload(readySelector: string): Promise<void>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Evaluates in the first frame whose URL contains `urlPart` (undefined when there is none). */
  evaluateInFrame<R, A>(urlPart: string, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R | undefined>;
  /** Runs a script's source in the page (a library such as axe-core), even under an extension page's CSP. */
  runScript(source: string): Promise<void>;
  waitFor<A>(fn: (arg: A) => unknown, arg: A, timeoutMs?: number): Promise<void>;
  mouseMove(x: number, y: number): Promise<void>;
  /** A left click at a viewport point (a pointer that moves there first, as a user's does). */
  click(x: number, y: number): Promise<void>;
  /** A click on the element `selector` names, as the driver aims it. */
  clickOn(selector: string): Promise<void>;
  /** Types into the element `selector` names, key by key. */
  type(selector: string, text: string): Promise<void>;
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

/** Chromium with the extension; the back-forward cache is on unless told otherwise, as for a user. */
export async function launchChromium(o: Pick<ChromiumOptions, 'backForwardCache' | 'unthrottled'> = {}): Promise<TestBrowser> {
  const { ctx, close } = await launchChromiumContext({ extension: CHROME_EXT, backForwardCache: true, ...o });
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
    close,
  };
}

/** What Playwright's and Puppeteer's pages share, as far as the tests use them. */
interface DriverPage {
  on(event: 'pageerror' | 'request', listener: (x: never) => void): unknown;
  goto(url: string, options: { waitUntil: 'load'; timeout?: number }): Promise<unknown>;
  evaluate(fn: never, arg: unknown): Promise<unknown>;
  mouse: { move(x: number, y: number): Promise<void>; click(x: number, y: number): Promise<void> };
  click(selector: string): Promise<void>;
  frames(): { url(): string; evaluate(fn: never, arg: unknown): Promise<unknown> }[];
  screenshot(options: { path: never }): Promise<unknown>;
  close(): Promise<void>;
  bringToFront(): Promise<void>;
}

/** The part of a TestPage that is the same in both drivers. */
function basePage(page: DriverPage) {
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (e: unknown) => errors.push(String(e)));
  page.on('request', (r: { url(): string }) => requests.push(r.url()));
  return {
    errors,
    requests,
    async goto(url: string, timeout?: number) {
      await page.goto(url, { waitUntil: 'load', ...(timeout ? { timeout } : {}) });
    },
    evaluate: ((fn, arg) => page.evaluate(fn as never, arg)) as TestPage['evaluate'],
    evaluateInFrame: (async (part, fn, arg) => {
      const f = page.frames().find((x) => x.url().includes(part));
      return f ? f.evaluate(fn as never, arg) : undefined;
    }) as TestPage['evaluateInFrame'],
    mouseMove: (x: number, y: number) => page.mouse.move(x, y),
    async click(x: number, y: number) {
      await page.mouse.move(x, y);
      await page.mouse.click(x, y);
    },
    clickOn: (selector: string) => page.click(selector),
    async screenshot(file: string) {
      await page.screenshot({ path: file as never });
    },
    close: () => page.close(),
    bringToFront: () => page.bringToFront(),
  };
}

export function wrapPlaywright(page: PwPage): TestPage {
  return {
    ...basePage(page as unknown as DriverPage),
    async open(url, selector) {
      await page.goto(url);
      await page.waitForSelector(selector);
    },
    async reload(selector) {
      await page.reload();
      await page.waitForSelector(selector);
    },
    type: (selector, text) => page.locator(selector).pressSequentially(text),
    async waitFor(fn, arg, timeout = 10_000) {
      await page.waitForFunction(fn as never, arg, { timeout });
    },
    press: (key) => page.keyboard.press(key),
    // Chromium's driver evaluates past the page's CSP.
    runScript: (source) => page.evaluate((src) => void (0, eval)(src), source),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    emulateDark: (dark) => page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' }),
    pdf: (format) => page.pdf({ format, printBackground: false }),
    emulatePrint: (on) => page.emulateMedia({ media: on ? 'print' : 'screen' }),
  };
}

/** Firefox with the extension; a colour scheme is a preference of the whole browser. */
export async function launchFirefox(o: Pick<FirefoxOptions, 'colorScheme'> = {}): Promise<TestBrowser> {
  const browser = await launchFirefoxBrowser({ extension: true, ...o });
  return {
    name: 'firefox',
    extensionBase: `moz-extension://${FIREFOX_UUID}/`,
    async newPage() {
      const page = await browser.newPage();
      await setFirefoxViewport(page, { width: 1280, height: 800 });
      return wrapPuppeteer(page);
    },
    async newDarkPage() {
      const dark = await launchFirefox({ colorScheme: 'dark' });
      const page = await dark.newPage();
      return { ...page, close: () => dark.close() };
    },
    close: () => browser.close(),
  };
}

export function wrapPuppeteer(page: PpPage): TestPage {
  return {
    ...basePage(page as unknown as DriverPage),
    open: (url, selector) => openInFirefox(page, url, selector),
    reload: (selector) => swapDocument(page, () => page.evaluate(() => location.reload()), selector),
    type: (selector, text) => page.type(selector, text),
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
    press: (key) => page.keyboard.press(key as never),
    setViewport: (width, height) => setFirefoxViewport(page, { width, height }),
    emulateDark: async () => {
      throw new Error('Firefox over BiDi cannot emulate media: use newDarkPage()');
    },
  };
}

/**
 * Polls a condition in a page that may be mid-navigation. Puppeteer's waitFor* give up on the first
 * protocol error, and Firefox's BiDi raises one when an evaluation races the document swap of a
 * moz-extension:// load ("right-hand side of 'in' should be an object, got null").
 */
export async function pollPage<A>(page: PpPage, fn: (arg: A) => boolean, arg: A, timeoutMs = 15_000): Promise<void> {
  await until(
    () => page.evaluate(fn as never, arg) as Promise<unknown>,
    Boolean,
    `the page condition ${fn.name || String(fn).slice(0, 80)}`,
    {
      timeoutMs,
    },
  );
}

/**
 * Opens a URL in a Firefox tab and waits for `selector` in the new document. Awaiting goto on
 * moz-extension:// times out although the page loads (see recipes).
 */
function openInFirefox(page: PpPage, url: string, selector: string): Promise<void> {
  return swapDocument(page, () => void page.goto(url).catch(() => undefined), selector, url);
}

/**
 * Runs `navigate` and waits for the next document (at `url`, when given) to hold `selector`. The old
 * document may have the same URL and selector: it is marked first, then an unmarked one is waited for.
 */
async function swapDocument(page: PpPage, navigate: () => unknown, selector: string, url?: string): Promise<void> {
  await page.evaluate(() => ((window as unknown as { hgOld?: boolean }).hgOld = true)).catch(() => undefined);
  await navigate();
  await pollPage(
    page,
    ({ u, s }) =>
      !(window as unknown as { hgOld?: boolean }).hgOld &&
      (u === null || location.href === u) &&
      document.readyState !== 'loading' &&
      document.querySelector(s) !== null,
    { u: url ?? null, s: selector },
  );
}

export const BROWSERS = { chromium: launchChromium, firefox: launchFirefox } as const;
