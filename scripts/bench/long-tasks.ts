/**
 * Which long tasks a page load has, and whether the extension ran in them, from a Chromium trace:
 * `npx tsx scripts/bench/long-tasks.ts [--pages=REGEX] [--runs=3] [--configs=REGEX] [--details] [--out=FILE]`
 * (after `npm run build`). Each page is loaded fresh, without a CPU profile, with no extension, the
 * do-nothing script, the built extension and a control that busies the thread in turn (page-load.ts's
 * method); every task over 50 ms is counted, and those in which the extension's code ran
 * (tests/e2e/support/trace.ts); --details lists each with what filled it. Without --pages: the
 * pages where page-load.ts counted more long tasks with the extension than with the do-nothing script.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { snapshotBuild } from '../../tests/e2e/support/launch';
import { traceLongTasks } from '../../tests/e2e/support/trace';
import { ROOT } from './harness';
import { launch, log, noopExtension, pages, servePages } from './page-load';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const RUNS = Number(option('runs') ?? 3);
const OUT = option('out') ?? path.join(ROOT, 'docs/long-tasks.md');
const DEFAULT_PAGES = /^(bbc-1|breitbart)$/;
/** How long after `load` the trace goes on: the first stage waits for an idle moment, then the engine scans. */
const AFTER_LOAD_MS = 3000;

async function extensionId(ctx: BrowserContext): Promise<string | undefined> {
  const worker = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker', { timeout: 5000 }).catch(() => undefined));
  return worker ? new URL(worker.url()).host : undefined;
}

/** The control: a content script that busies the main thread for 80 ms, so its task must be found as the extension's. */
const BUSY = 'const t = performance.now(); while (performance.now() - t < 80);';

async function main(): Promise<void> {
  const { server, origin } = await servePages();
  const list = pages().filter((p) => (option('pages') ? true : DEFAULT_PAGES.test(p.name)));
  const all: [string, () => Promise<BrowserContext>][] = [
    ['none', () => launch(undefined)],
    ['noop', async () => launch(noopExtension('void 0;', 'void 0;'), true)],
    ['ext', async () => launch(await snapshotBuild(path.join(ROOT, '.output/chrome-mv3')), true)],
    ['busy 80 ms (control)', async () => launch(noopExtension(BUSY, 'void 0;'), true)],
  ];
  // --configs=REGEX: only these (the extension and the control, for a run over every page).
  const only = option('configs') ? new RegExp(option('configs')!) : undefined;
  const configs: [string, BrowserContext][] = [];
  for (const [name, start] of all) if (!only || only.test(name)) configs.push([name, await start()]);
  const ids = new Map<string, string | undefined>();
  for (const [name, ctx] of configs) ids.set(name, await extensionId(ctx));
  const names = configs.map(([n]) => n);
  const header = `| page | ${names.map((n) => `${n}: long / the extension's`).join(' | ')} |`;
  const lines = [header, `|---|${names.map(() => '---|').join('')}`];
  const details: string[] = [];
  const ours = new Map<string, number>(names.map((n) => [n, 0]));
  for (const p of list) {
    const cells = new Map<string, { all: number; ours: number }>(names.map((n) => [n, { all: 0, ours: 0 }]));
    for (let run = 0; run < RUNS; run++)
      for (let k = 0; k < configs.length; k++) {
        const [name, ctx] = configs[(run + k) % configs.length]!;
        const page = await ctx.newPage();
        await page.route('**/*', (r) => {
          const url = r.request().url();
          return url.startsWith(origin) || url.startsWith('chrome-extension:') ? r.continue() : r.abort();
        });
        const { trace } = await traceLongTasks(page, ids.get(name), async () => {
          await page.goto(server.url(`${p.mount}/${p.file}`), { waitUntil: 'load', timeout: 60_000 });
          await page.waitForTimeout(AFTER_LOAD_MS); // a fixed window of the timeline to read, not a wait for a state
        });
        await page.close();
        const cell = cells.get(name)!;
        cell.all += trace.tasks.length;
        cell.ours += trace.tasks.filter((t) => t.extension).length;
        for (const t of trace.tasks)
          details.push(
            `${p.name} #${run + 1} ${name}: ${t.duration.toFixed(0)} ms (${t.kind}${t.extension ? ', the extension ran in it' : ''}${t.top ? `: ${t.top}` : ''})`,
          );
      }
    for (const n of names) ours.set(n, ours.get(n)! + cells.get(n)!.ours);
    lines.push(`| ${p.name} | ${names.map((n) => `${cells.get(n)!.all} / ${cells.get(n)!.ours}`).join(' | ')} |`);
    log(lines.at(-1));
  }
  for (const [, ctx] of configs) await ctx.close();
  await server.close();
  const summary = names.map((n) => `${n} ${ours.get(n)}`).join(', ');
  const report = `${[
    `# Long tasks over ${RUNS} loads of ${list.length} pages`,
    '',
    "Generated by `npx tsx scripts/bench/long-tasks.ts`: tasks over 50 ms on the renderer main thread from a Chromium trace (no CPU profile), load + 3 s; \"the extension's\" are those in which that extension's code ran. The control's content script busies the thread for 80 ms, so its column shows the count is read.",
    '',
    ...lines,
    '',
    `**Long tasks in which the extension ran, all loads:** ${summary}.`,
    '',
    ...(args.includes('--details') ? details.map((d) => `- ${d}`) : []),
  ].join('\n')}\n`;
  if (OUT) writeFileSync(OUT, report);
  console.log(report);
}

void main();
