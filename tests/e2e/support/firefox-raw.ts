import { rm } from 'node:fs/promises';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_EXT, GECKO_ID, setFirefoxViewport } from './browsers';
import { isLocal, snapshotBuild } from './chromium-raw';

/** Same fixed UUID as browsers.ts, so moz-extension:// URLs are predictable. */
export const FIREFOX_UUID = '6f2d1c7e-3b8a-4f0e-9a51-2c7d4e8b9f10';

/** Firefox ESR over WebDriver BiDi, with the built extension or (for the baseline) without it. */
export async function launchRawFirefox({ extension, proxyPort }: { extension: boolean; proxyPort?: number }): Promise<Browser> {
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
      // All traffic but loopback goes to a recording proxy (privacy tests).
      ...(proxyPort
        ? {
            'network.proxy.type': 1,
            'network.proxy.http': '127.0.0.1',
            'network.proxy.http_port': proxyPort,
            'network.proxy.ssl': '127.0.0.1',
            'network.proxy.ssl_port': proxyPort,
            'network.proxy.allow_hijacking_localhost': false,
          }
        : {}),
    },
  });
  if (extension) {
    const copy = await snapshotBuild(FIREFOX_EXT);
    await browser.installExtension(copy);
    browser.once('disconnected', () => void rm(path.dirname(copy), { recursive: true, force: true }));
  }
  return browser;
}

/** A tab that aborts every request not going to 127.0.0.1, and collects page errors. */
export async function offlinePage(browser: Browser): Promise<{ page: Page; errors: string[]; blocked: string[] }> {
  const page = await browser.newPage();
  await setFirefoxViewport(page, { width: 1280, height: 800 });
  const errors: string[] = [];
  const blocked: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    if (req.isInterceptResolutionHandled()) return;
    if (isLocal(req.url())) void req.continue().catch(() => undefined);
    else {
      blocked.push(req.url());
      void req.abort('blockedbyclient').catch(() => undefined);
    }
  });
  return { page, errors, blocked };
}
