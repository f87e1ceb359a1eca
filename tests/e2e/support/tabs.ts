import type { Page as PwPage } from 'playwright-core';
import type { Browser as PpBrowser, Page as PpPage } from 'puppeteer-core';
import { wrapPlaywright, wrapPuppeteer, type TestPage } from './browsers';
import { blockExternal, launchRawChromium, watchExtensionWorld, type ExtensionWorld, type RawChromium } from './chromium-raw';
import { offlinePage } from './firefox-raw';
import { launchFirefoxBrowser } from './launch';

export type BrowserName = 'chromium' | 'firefox';

/**
 * One offline tab in Chromium or Firefox: a `TestPage` with what the hostile and privacy tests need
 * beyond it: the content script's own errors (Chromium), the raw page for extras.
 */
export interface Tab extends TestPage {
  name: BrowserName;
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
      ...wrapPlaywright(page),
      name: 'chromium',
      extensionErrors: () => [...world.exceptions, ...world.consoleErrors],
      pw: page,
      world,
    },
  };
}

async function openFirefoxTab(extension: boolean, proxyPort?: number): Promise<TabBrowser> {
  const browser: PpBrowser = await launchFirefoxBrowser({ extension, proxyPort });
  const { page } = await offlinePage(browser);
  return {
    firefox: browser,
    close: () => browser.close(),
    tab: {
      ...wrapPuppeteer(page),
      name: 'firefox',
      extensionErrors: () => [],
      pp: page,
    },
  };
}
