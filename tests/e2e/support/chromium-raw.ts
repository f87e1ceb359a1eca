import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { CHROME_EXT, launchChromiumContext, snapshotBuild } from './launch';
import { until } from './poll';
import { MEASURE_PREFIX } from '../../../content/scanner';

/**
 * Chromium with direct access to Playwright and the DevTools protocol, for tests that need more than
 * `TestBrowser` offers: a twin browser without the extension, request routing, the extension's
 * isolated world, heap numbers.
 */
export interface RawChromium {
  ctx: BrowserContext;
  /** Set when the extension is loaded. */
  extensionId?: string;
  close(): Promise<void>;
}

/** A persistent Chromium context, with the built extension or (for the baseline) without any. */
export async function launchRawChromium({
  extension,
  proxyPort,
}: {
  extension: boolean;
  proxyPort?: number;
}): Promise<RawChromium> {
  const ext = extension ? await snapshotBuild(CHROME_EXT) : '';
  const { ctx, close } = await launchChromiumContext({ extension: ext || undefined, proxyPort, unthrottled: true });
  // The service worker may start late on a busy machine; the id follows from the folder's path anyway.
  const extensionId = extension ? unpackedExtensionId(ext) : undefined;
  return {
    ctx,
    extensionId,
    async close() {
      await close();
      // The build copy is ours alone: leave nothing behind in /tmp.
      if (ext) await rm(path.dirname(ext), { recursive: true, force: true });
    },
  };
}

/** Chromium's id for an unpacked extension without a `key`: SHA-256 of its absolute path, hex mapped to a-p. */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/** Whether a URL may be loaded in an offline test: the local servers and the browser's own schemes. */
export function isLocal(url: string): boolean {
  const u = new URL(url);
  if (u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'ws:' || u.protocol === 'wss:')
    return u.hostname === '127.0.0.1';
  return true; // data:, blob:, about:, chrome-extension:
}

/** Aborts every request that does not go to 127.0.0.1 (the machine is offline; they would only time out). */
export async function blockExternal(ctx: BrowserContext): Promise<string[]> {
  const blocked: string[] = [];
  await ctx.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  return blocked;
}

interface ContextDescription {
  id: number;
  name: string;
  origin: string;
  auxData?: { type?: string; frameId?: string; isDefault?: boolean };
}

/**
 * The extension's content-script worlds in one page, seen through the DevTools protocol. Playwright's
 * `pageerror` only reports the page's own world; an exception in a content script is reported here.
 */
export interface ExtensionWorld {
  cdp: CDPSession;
  /** Uncaught exceptions and unhandled rejections in the extension's worlds. */
  exceptions: string[];
  /** console.error / console.warn calls from the extension's worlds. */
  consoleErrors: string[];
  /** Evaluates an expression in the main frame's content-script world (undefined when there is none). */
  evaluate<T>(expression: string): Promise<T | undefined>;
  /** Used JS heap of the page's isolate, after a forced garbage collection. */
  heap(): Promise<{ usedMB: number; embedderMB: number }>;
}

export async function watchExtensionWorld(page: Page, extensionId: string | undefined): Promise<ExtensionWorld> {
  const cdp = await page.context().newCDPSession(page);
  const contexts = new Map<number, ContextDescription>();
  const exceptions: string[] = [];
  const consoleErrors: string[] = [];
  const isExtension = (id: number | undefined): boolean => {
    const c = id === undefined ? undefined : contexts.get(id);
    return !!c && !!extensionId && c.origin.includes(extensionId);
  };
  cdp.on('Runtime.executionContextCreated', (e) => contexts.set(e.context.id, e.context as ContextDescription));
  cdp.on('Runtime.executionContextDestroyed', (e) => contexts.delete(e.executionContextId));
  cdp.on('Runtime.executionContextsCleared', () => contexts.clear());
  cdp.on('Runtime.exceptionThrown', (e) => {
    const d = e.exceptionDetails;
    if (isExtension(d.executionContextId)) exceptions.push(`${d.text} ${d.exception?.description ?? ''}`.trim());
  });
  cdp.on('Runtime.consoleAPICalled', (e) => {
    if ((e.type === 'error' || e.type === 'warning' || e.type === 'assert') && isExtension(e.executionContextId))
      consoleErrors.push(e.args.map((a) => a.value ?? a.description ?? '').join(' '));
  });
  await cdp.send('Runtime.enable');
  return {
    cdp,
    exceptions,
    consoleErrors,
    async evaluate<T>(expression: string) {
      const mainFrame = (await cdp.send('Page.getFrameTree')).frameTree.frame.id;
      const world = [...contexts.values()].find((c) => isExtension(c.id) && c.auxData?.frameId === mainFrame);
      if (!world) return undefined;
      const r = await cdp.send('Runtime.evaluate', { contextId: world.id, expression, returnByValue: true, awaitPromise: true });
      return r.result.value as T;
    },
    async heap() {
      await cdp.send('HeapProfiler.collectGarbage');
      const h = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number };
      return { usedMB: h.usedSize / 2 ** 20, embedderMB: (h.embedderHeapUsedSize ?? 0) / 2 ** 20 };
    },
  };
}

/** The scanner's own timing, recorded with performance.measure in its world. */
export interface ScanMeasure {
  name: string;
  startTime: number;
  duration: number;
  busyMs: number;
  marks: number;
}

export const SCAN_MEASURES = `performance.getEntriesByType('measure').filter((e) => e.name.startsWith(${JSON.stringify(MEASURE_PREFIX)}))
  .map((e) => ({ name: e.name, startTime: e.startTime, duration: e.duration, busyMs: e.detail?.busyMs ?? NaN, marks: e.detail?.marks ?? NaN }))`;

/** The extension's service worker, driven as Chromium drives an idle one: stopped, started again, code run in it. */
export interface ServiceWorkerControl {
  /** Stops the worker (as Chromium does after 30 s idle) and waits until it is stopped. */
  stop(): Promise<void>;
  /** Starts it again, as the next event would, and waits until its script has run. */
  start(): Promise<void>;
  /** The worker's running status as the DevTools protocol reports it ("running", "stopped"). */
  status(): string;
  /** Evaluates an expression in the running worker (awaiting a promise it returns). */
  evaluate<T>(expression: string): Promise<T>;
}

const untilTrue = (check: () => boolean, what: string): Promise<boolean> => until(check, Boolean, what, { everyMs: 50 });

export async function serviceWorkerControl(ctx: BrowserContext, extensionId: string): Promise<ServiceWorkerControl> {
  const scope = `chrome-extension://${extensionId}/`;
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  let running = '';
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    const v = e.versions.find((x) => x.scriptURL.startsWith(scope));
    if (v) running = v.runningStatus;
  });
  // Replies of the worker target, attached without flattening (Playwright's sessions are per page).
  const replies = new Map<number, { result?: { result: { value?: unknown } }; error?: unknown }>();
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message) as { id?: number };
    if (m.id) replies.set(m.id, m as never);
  });
  let nextId = 1;
  await cdp.send('ServiceWorker.enable');
  await untilTrue(() => running !== '', 'the worker to be reported');
  return {
    status: () => running,
    async stop() {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await untilTrue(() => running === 'stopped', 'the worker to stop');
    },
    async start() {
      await cdp.send('ServiceWorker.startWorker', { scopeURL: scope });
      await untilTrue(() => running === 'running', 'the worker to run');
    },
    async evaluate<T>(expression: string) {
      const { targetInfos } = await cdp.send('Target.getTargets');
      const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(scope));
      if (!target) throw new Error('no running service worker');
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
      const id = nextId++;
      const params = { expression, awaitPromise: true, returnByValue: true };
      await cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method: 'Runtime.evaluate', params }),
      });
      await untilTrue(() => replies.has(id), 'the worker to answer');
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      const reply = replies.get(id)!;
      if (reply.error) throw new Error(JSON.stringify(reply.error));
      return reply.result?.result.value as T;
    },
  };
}
