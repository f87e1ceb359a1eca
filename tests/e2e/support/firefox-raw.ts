import type { Browser, Page } from 'puppeteer-core';
import { setFirefoxViewport } from './browsers';
import { isLocal } from './chromium-raw';

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
