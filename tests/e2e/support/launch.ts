import { readFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import puppeteer, { type Browser, type Extension } from 'puppeteer-core';

/** The one place browsers are started, for the browser tests and the benchmarks alike. */

export const CHROME_EXT = path.resolve('.output/chrome-mv3');
export const FIREFOX_EXT = path.resolve('.output/firefox-mv3');
/** Firefox's id of the extension, as the build wrote it (wxt.config.ts sets it). */
export const GECKO_ID: string = (
  JSON.parse(readFileSync(path.join(FIREFOX_EXT, 'manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  }
).browser_specific_settings.gecko.id;
/** Fixed, so that moz-extension:// URLs are known before the browser starts. */
export const FIREFOX_UUID = '6f2d1c7e-3b8a-4f0e-9a51-2c7d4e8b9f10';

/** Flags for Debian's Chromium here: no network calls at start-up. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/** Background tabs not throttled: several pages load side by side (benchmarks, the twin-browser tests). */
export const UNTHROTTLED_ARGS = [
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

/**
 * A private copy of a build folder: others rebuild `.output` while long suites run, and a browser
 * that loads a half-written folder fails with "invalid extension" or no service worker.
 */
export async function snapshotBuild(dir: string): Promise<string> {
  const copy = path.join(await mkdtemp(path.join(os.tmpdir(), 'hg-build-')), path.basename(dir));
  await cp(dir, copy, { recursive: true });
  return copy;
}

export interface ChromiumOptions {
  /** An unpacked extension folder to load (none: the baseline browser). */
  extension?: string;
  /** All traffic but loopback goes to a recording proxy (privacy tests). */
  proxyPort?: number;
  /** Playwright turns the back-forward cache off; a user's Chromium has it on (faults.e2e.ts). */
  backForwardCache?: boolean;
  unthrottled?: boolean;
}

/** A persistent Chromium context (extensions need one) in a profile of its own, removed on close. */
export async function launchChromiumContext(o: ChromiumOptions = {}): Promise<{ ctx: BrowserContext; close(): Promise<void> }> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'hg-chr-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    ...(o.backForwardCache ? { ignoreDefaultArgs: ['--disable-back-forward-cache'] } : {}),
    args: [
      ...(o.extension ? [`--disable-extensions-except=${o.extension}`, `--load-extension=${o.extension}`] : []),
      ...CHROMIUM_ARGS,
      ...(o.unthrottled ? UNTHROTTLED_ARGS : []),
      ...(o.proxyPort ? [`--proxy-server=http://127.0.0.1:${o.proxyPort}`] : []),
    ],
  });
  // However the context is closed (the benchmarks close it directly), its profile goes with it.
  const removed = new Promise<void>((resolve) =>
    ctx.once(
      'close',
      () =>
        void rm(profile, { recursive: true, force: true, maxRetries: 5 })
          .catch(() => undefined)
          .then(resolve),
    ),
  );
  return {
    ctx,
    async close() {
      await ctx.close();
      await removed;
    },
  };
}

/**
 * Chromium over DevTools' pipe, the extension installed through it: the only way a test can click
 * the toolbar button (`Extensions.triggerAction`), and so grant `activeTab` as a user's click does.
 */
export async function launchChromiumWithToolbar(): Promise<{ browser: Browser; extension: Extension }> {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    pipe: true,
    enableExtensions: true,
    defaultViewport: { width: 1280, height: 800 },
    args: CHROMIUM_ARGS,
  });
  const copy = await snapshotBuild(CHROME_EXT);
  browser.once('disconnected', () => void rm(path.dirname(copy), { recursive: true, force: true }));
  const id = await browser.installExtension(copy);
  const extension = (await browser.extensions()).get(id);
  if (!extension) throw new Error(`Chromium did not list the extension it installed (${id})`);
  return { browser, extension };
}

export interface FirefoxOptions {
  /** Installs a private copy of the Firefox build. */
  extension?: boolean;
  /** What pages see as prefers-color-scheme (BiDi has no media emulation: it is a preference). */
  colorScheme?: 'dark' | 'light';
  /** All traffic but loopback goes to a recording proxy (privacy tests). */
  proxyPort?: number;
}

/** Firefox ESR over WebDriver BiDi. */
export async function launchFirefoxBrowser(o: FirefoxOptions = {}): Promise<Browser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    protocol: 'webDriverBiDi',
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      // Offline machine: no captive-portal, update or telemetry pings to wait for.
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      // 0 dark, 1 light.
      ...(o.colorScheme
        ? {
            'layout.css.prefers-color-scheme.content-override': o.colorScheme === 'dark' ? 0 : 1,
            'ui.systemUsesDarkTheme': o.colorScheme === 'dark' ? 1 : 0,
          }
        : {}),
      ...(o.proxyPort
        ? {
            'network.proxy.type': 1,
            'network.proxy.http': '127.0.0.1',
            'network.proxy.http_port': o.proxyPort,
            'network.proxy.ssl': '127.0.0.1',
            'network.proxy.ssl_port': o.proxyPort,
            'network.proxy.allow_hijacking_localhost': false,
          }
        : {}),
    },
  });
  if (o.extension) {
    const copy = await snapshotBuild(FIREFOX_EXT);
    await browser.installExtension(copy);
    browser.once('disconnected', () => void rm(path.dirname(copy), { recursive: true, force: true }));
  }
  return browser;
}
