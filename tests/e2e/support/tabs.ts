import type { Frame as PwFrame, Page as PwPage } from 'playwright-core';
import type { Browser as PpBrowser, Frame as PpFrame, Page as PpPage } from 'puppeteer-core';
import { blockExternal, launchRawChromium, watchExtensionWorld, type ExtensionWorld, type RawChromium } from './chromium-raw';
import { launchRawFirefox, offlinePage } from './firefox-raw';

export type BrowserName = 'chromium' | 'firefox';

/**
 * One offline tab in Chromium or Firefox, with what the hostile and privacy tests need beyond
 * `TestPage`: frames, the content script's own errors (Chromium), the raw page for extras.
 */
export interface Tab {
  name: BrowserName;
  goto(url: string, timeoutMs?: number): Promise<void>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Evaluates in the first frame whose URL contains `urlPart` (undefined when there is none). */
  evaluateInFrame<R, A>(urlPart: string, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R | undefined>;
  mouseMove(x: number, y: number): Promise<void>;
  screenshot(file: string): Promise<void>;
  /** Uncaught errors of the page's own world. */
  errors: string[];
  /** Uncaught exceptions and console errors of the content script (Chromium only; Firefox does not report them). */
  extensionErrors(): string[];
  pw?: PwPage;
  pp?: PpPage;
  world?: ExtensionWorld;
}

export interface TabBrowser {
  tab: Tab;
  extensionId?: string;
  /** Firefox: the Puppeteer browser, to open more tabs. */
  firefox?: PpBrowser;
  close(): Promise<void>;
}

export async function openTab(
  name: BrowserName,
  { extension, proxyPort }: { extension: boolean; proxyPort?: number },
): Promise<TabBrowser> {
  return name === 'chromium' ? openChromiumTab(extension, proxyPort) : openFirefoxTab(extension, proxyPort);
}

async function openChromiumTab(extension: boolean, proxyPort?: number): Promise<TabBrowser> {
  const raw: RawChromium = await launchRawChromium({ extension, proxyPort });
  await blockExternal(raw.ctx);
  const page = raw.ctx.pages()[0] ?? (await raw.ctx.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const world = await watchExtensionWorld(page, raw.extensionId);
  const frame = (part: string): PwFrame | undefined => page.frames().find((f) => f.url().includes(part));
  return {
    extensionId: raw.extensionId,
    close: () => raw.close(),
    tab: {
      name: 'chromium',
      async goto(url, timeout = 30_000) {
        await page.goto(url, { waitUntil: 'load', timeout });
      },
      evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
      async evaluateInFrame(part, fn, arg) {
        const f = frame(part);
        return f ? ((await f.evaluate(fn as never, arg)) as never) : undefined;
      },
      mouseMove: (x, y) => page.mouse.move(x, y),
      async screenshot(file) {
        await page.screenshot({ path: file });
      },
      errors,
      extensionErrors: () => [...world.exceptions, ...world.consoleErrors],
      pw: page,
      world,
    },
  };
}

async function openFirefoxTab(extension: boolean, proxyPort?: number): Promise<TabBrowser> {
  const browser: PpBrowser = await launchRawFirefox({ extension, proxyPort });
  const { page, errors } = await offlinePage(browser);
  const frame = (part: string): PpFrame | undefined => page.frames().find((f) => f.url().includes(part));
  return {
    firefox: browser,
    close: () => browser.close(),
    tab: {
      name: 'firefox',
      async goto(url, timeout = 30_000) {
        await page.goto(url, { waitUntil: 'load', timeout });
      },
      evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
      async evaluateInFrame(part, fn, arg) {
        const f = frame(part);
        return f ? ((await f.evaluate(fn as never, arg)) as never) : undefined;
      },
      mouseMove: (x, y) => page.mouse.move(x, y),
      async screenshot(file) {
        await page.screenshot({ path: file as `${string}.png` });
      },
      errors,
      extensionErrors: () => [],
      pp: page,
    },
  };
}
