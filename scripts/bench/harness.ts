/** Shared by run.ts and compare.ts: the bundle, the static server and the fresh-load runner. */
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, UNTHROTTLED_ARGS } from '../../tests/e2e/support/launch';
import { serve as serveStatic } from '../../tests/e2e/support/server';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '..', '..');
const LOAD_TIMEOUT_MS = 60_000;
/** Backstop for a run that mark.js's own callbacks could not stop (e.g. one huge regex exec). */
const EVAL_TIMEOUT_MS = 40_000;

export async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(HERE, 'page.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    minify: false,
    alias: { 'mark.js': path.join(ROOT, 'node_modules/mark.js/dist/mark.es6.js') },
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}

/** Headers of every benchmark page. */
const BENCH_HEADERS = {
  'cache-control': 'no-store',
  // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs.
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
  // The pages' own scripts are not run: they would only fail on blocked requests and add noise.
  // (The bench bundle is an init script, which CSP does not apply to.)
  'content-security-policy': "script-src 'none'",
};

/** The browser tests' static server, with the benchmark's headers. */
export async function serve(mounts: Record<string, string>): Promise<{ origin: string; close: () => void }> {
  const server = await serveStatic(mounts, () => BENCH_HEADERS);
  return { origin: new URL(server.url('')).origin, close: () => void server.close() };
}

export type Result = { ms: number; cpu?: number; timeout?: boolean; error?: string; [k: string]: unknown };

interface BenchApi {
  prepare(v: string): Promise<Record<string, unknown>>;
  run(): Promise<Result>;
  noop(): Promise<Result>;
  verify(v: string): Promise<Record<string, unknown>>;
  info(): Record<string, unknown>;
}
declare const __bench: BenchApi;

/**
 * Loads a page fresh for every measurement and runs one variant on it. Besides the in-page wall
 * time (`ms`) it reads the renderer main thread's CPU time (CDP Performance.getMetrics ThreadTime)
 * around the timed call, minus the same round trip with nothing inside (`cpu`): on a shared,
 * loaded machine CPU time is far steadier than wall time, and it is what the page pays.
 */
export class Runner {
  private page?: Page;
  private cdp?: CDPSession;
  constructor(private readonly ctx: BrowserContext) {}

  private async fresh(): Promise<Page> {
    if (!this.page || this.page.isClosed()) {
      this.page = await this.ctx.newPage();
      this.cdp = await this.ctx.newCDPSession(this.page);
      await this.cdp.send('Performance.enable');
    }
    return this.page;
  }

  private async threadTime(): Promise<number> {
    const { metrics } = (await this.cdp!.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN) * 1000;
  }

  private async reset(): Promise<void> {
    const p = this.page;
    this.page = undefined;
    this.cdp = undefined;
    await p?.close({ runBeforeUnload: false }).catch(() => undefined);
  }

  private async withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T | 'timeout'> {
    let timer: NodeJS.Timeout | undefined;
    const out = await Promise.race([
      work,
      new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs))),
    ]);
    clearTimeout(timer);
    return out;
  }

  /** Loads `url` fresh and runs one variant on it. */
  async run(url: string, variant: string, timeoutMs = EVAL_TIMEOUT_MS): Promise<Result> {
    try {
      const page = await this.fresh();
      await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
      const info = await page.evaluate((v) => __bench.prepare(v), variant);
      const t0 = await this.threadTime();
      await page.evaluate(() => __bench.noop());
      const t1 = await this.threadTime();
      const out = await this.withTimeout(
        page.evaluate(() => __bench.run()),
        timeoutMs,
      );
      if (out === 'timeout') {
        await this.reset();
        return { ms: timeoutMs, timeout: true, error: 'killed by the runner' };
      }
      const t2 = await this.threadTime();
      return { ...info, ...out, cpu: Math.max(0, t2 - t1 - (t1 - t0)) };
    } catch (e) {
      await this.reset();
      return { ms: NaN, error: String(e).split('\n')[0] };
    }
  }

  /** Loads `url` fresh and asks what a variant finds (untimed). */
  async verify(url: string, what: string, timeoutMs = EVAL_TIMEOUT_MS): Promise<Record<string, unknown> & { error?: string }> {
    try {
      const page = await this.fresh();
      await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
      const out = await this.withTimeout(
        page.evaluate((v) => __bench.verify(v), what),
        timeoutMs,
      );
      if (out === 'timeout') {
        await this.reset();
        return { timeout: true, error: 'killed by the runner' };
      }
      return out;
    } catch (e) {
      await this.reset();
      return { error: String(e).split('\n')[0] };
    }
  }

  async info(url: string): Promise<Record<string, unknown>> {
    const page = await this.fresh();
    await page.goto(url, { waitUntil: 'load' });
    return page.evaluate(() => __bench.info());
  }

  close(): Promise<void> {
    return this.reset();
  }
}

/** Debian's Chromium, headless, no extension (the bench injects the code itself), bundle as init script. */
export async function launch(code: string, origin: string): Promise<{ browser: Browser; ctx: BrowserContext }> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, ...UNTHROTTLED_ARGS, '--js-flags=--expose-gc'],
  });
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // Only the local server answers; every other request is blocked.
  await ctx.route('**/*', (route) => (route.request().url().startsWith(`${origin}/`) ? route.continue() : route.abort()));
  await ctx.addInitScript({ content: code });
  return { browser, ctx };
}
