import type { Page as PwPage } from 'playwright-core';
import type { Browser as PpBrowser, Page as PpPage } from 'puppeteer-core';
import { basePage, type DriverPage } from './browsers';
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
  const world = await watchExtensionWorld(page, raw.extensionId);
  return {
    extensionId: raw.extensionId,
    close: () => raw.close(),
    tab: {
      ...baseTab(page as unknown as DriverPage, () => page.frames()),
      name: 'chromium',
      extensionErrors: () => [...world.exceptions, ...world.consoleErrors],
      pw: page,
      world,
    },
  };
}

async function openFirefoxTab(extension: boolean, proxyPort?: number): Promise<TabBrowser> {
  const browser: PpBrowser = await launchRawFirefox({ extension, proxyPort });
  const { page } = await offlinePage(browser);
  return {
    firefox: browser,
    close: () => browser.close(),
    tab: {
      ...baseTab(page as unknown as DriverPage, () => page.frames()),
      name: 'firefox',
      extensionErrors: () => [],
      pp: page,
    },
  };
}

/** What a tab does the same in both drivers; `frames` lists the page's frames. */
function baseTab(
  page: DriverPage,
  frames: () => { url(): string; evaluate(fn: never, arg: unknown): Promise<unknown> }[],
): Pick<Tab, 'goto' | 'evaluate' | 'evaluateInFrame' | 'mouseMove' | 'screenshot' | 'errors'> {
  const { goto, evaluate, mouseMove, screenshot, errors } = basePage(page);
  return {
    goto: (url, timeoutMs = 30_000) => goto(url, timeoutMs),
    evaluate,
    async evaluateInFrame(part, fn, arg) {
      const f = frames().find((x) => x.url().includes(part));
      return f ? ((await f.evaluate(fn as never, arg)) as never) : undefined;
    },
    mouseMove,
    screenshot,
    errors,
  };
}
