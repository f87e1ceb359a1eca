/**
 * Where the content script's main-thread time goes, from a Chromium trace: `npx tsx
 * scripts/bench/trace-first-stage.ts [--pages=REGEX] [--runs=3] [--code=FILE]` (after `npm run build`).
 * Loads each page with the built extension (or, with --code, a bare extension running FILE) while
 * tracing, takes the renderer main thread's events that run the extension's scripts, and sums the
 * self time of everything nested in them by event name (compile, GC, layout, style, run...).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, CDPSession } from 'playwright-core';
import { serve } from '../../tests/e2e/support/server';
import { snapshotBuild } from '../../tests/e2e/support/launch';
import { ROOT } from './harness';
import { launch, log, median, noopExtension, pages } from './page-load';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const RUNS = Number(option('runs') ?? 3);
const DEFAULT_PAGES = /^(ars-1|bbc-1|heise|medium-1|nytimes-3|rtl-1|wapo-2|wikipedia)$/;
const CATEGORIES = [
  'devtools.timeline',
  'v8',
  'v8.execute',
  'blink',
  'disabled-by-default-v8.compile',
  'disabled-by-default-v8.gc',
  'disabled-by-default-devtools.timeline',
].join(',');

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; functionName?: string; stackTrace?: { url: string }[] }; name?: string };
}

async function trace(cdp: CDPSession, run: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  await run();
  await cdp.send('Tracing.end');
  await done;
  return events;
}

const isOurs = (e: TraceEvent): boolean => {
  const d = e.args?.data;
  return Boolean(d?.url?.startsWith('chrome-extension://') || d?.stackTrace?.[0]?.url.startsWith('chrome-extension://'));
};

/** Self time (ms) by event name inside the extension's script runs on the renderer main thread. */
function breakdown(events: TraceEvent[]): Map<string, number> {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const out = new Map<string, number>();
  if (!main) return out;
  const xs = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const roots = xs.filter(
    (e) => ['EvaluateScript', 'FunctionCall', 'v8.callFunction', 'TimerFire'].includes(e.name) && isOurs(e),
  );
  // Outermost roots only: a FunctionCall inside an EvaluateScript is part of it.
  const outer = roots.filter(
    (r) => !roots.some((o) => o !== r && o.ts <= r.ts && o.ts + o.dur! >= r.ts + r.dur! && o.dur! > r.dur!),
  );
  for (const root of outer) {
    const inside = xs.filter((e) => e.ts >= root.ts && e.ts + e.dur! <= root.ts + root.dur!);
    for (const e of inside) {
      const children = inside.filter(
        (c) =>
          c !== e &&
          c.ts >= e.ts &&
          c.ts + c.dur! <= e.ts + e.dur! &&
          !inside.some(
            (m) =>
              m !== e &&
              m !== c &&
              m.ts >= e.ts &&
              m.ts + m.dur! <= e.ts + e.dur! &&
              c.ts >= m.ts &&
              c.ts + c.dur! <= m.ts + m.dur! &&
              m.dur! > c.dur!,
          ),
      );
      const self = e.dur! - children.reduce((n, c) => n + c.dur!, 0);
      out.set(e.name, (out.get(e.name) ?? 0) + self / 1000);
    }
    out.set('= total', (out.get('= total') ?? 0) + root.dur! / 1000);
  }
  return out;
}

async function main(): Promise<void> {
  const server = await serve({ pages: path.resolve(ROOT, '../shared/pages') }, () => ({
    'content-security-policy': "script-src 'none'",
  }));
  const origin = new URL(server.url('x')).origin;
  const code = option('code');
  const ext = code ? noopExtension(readFileSync(code, 'utf8')) : await snapshotBuild(path.join(ROOT, '.output/chrome-mv3'));
  const ctx: BrowserContext = await launch(ext, !code);
  const list = pages().filter((p) => p.mount === 'pages' && (option('pages') || DEFAULT_PAGES.test(p.name)));
  const all = new Map<string, number[]>();
  for (const p of list)
    for (let run = 0; run < RUNS; run++) {
      const page = await ctx.newPage();
      await page.route('**/*', (r) => {
        const url = r.request().url();
        return url.startsWith(origin) || url.startsWith('chrome-extension:') ? r.continue() : r.abort();
      });
      const cdp = await ctx.newCDPSession(page);
      const events = await trace(cdp, async () => {
        await page.goto(server.url(`pages/${p.file}`), { waitUntil: 'load' });
        await page.waitForTimeout(1500);
      });
      const b = breakdown(events);
      for (const [k, v] of b) all.set(k, [...(all.get(k) ?? []), v]);
      log(
        `${p.name} #${run + 1}: ${[...b]
          .sort((x, y) => y[1] - x[1])
          .slice(0, 6)
          .map(([k, v]) => `${k} ${v.toFixed(2)}`)
          .join(', ')}`,
      );
      await page.close();
    }
  await ctx.close();
  await server.close();
  const n = list.length * RUNS;
  console.log('| event | mean self ms per load | median |\n|---|---|---|');
  for (const [k, v] of [...all].sort((a, b) => b[1].reduce((x, y) => x + y, 0) - a[1].reduce((x, y) => x + y, 0)))
    console.log(
      `| ${k} | ${(v.reduce((x, y) => x + y, 0) / n).toFixed(2)} | ${median([...v, ...Array<number>(n - v.length).fill(0)]).toFixed(2)} |`,
    );
}

void main();
