/**
 * Page-load benchmark: `npx tsx scripts/bench/page-load.ts [--runs=3] [--pages=REGEX] [--out=FILE]`
 * (after `npm run build`). What the extension adds to loading a page, in Debian's Chromium, side by
 * side in one run: every page is loaded fresh in three browsers in turn,
 *   none   no extension (the baseline)
 *   noop   an extension whose content script does nothing, on the same pages and frames (the floor)
 *   noop2  the same do-nothing extension again, in its own profile: how far two runs of one baseline
 *          differ in the same run (the noise the added task time is read against)
 *   ext    the built extension (.output/chrome-mv3)
 *   nopic  with --without-pictures: the same build with its pictures deleted (a page where no card
 *          opens must pay nothing for them: the two should not differ)
 *   old    with --old=DIR: another build (an earlier commit's .output/chrome-mv3), side by side
 * and the renderer main thread's script and task time (CDP Performance.getMetrics) is read once
 * the page has been quiet for a while. Long tasks come from a PerformanceObserver in the page.
 * Pages: ../shared/pages (skipped when absent) and the health fixtures. Pages' own scripts are
 * blocked by CSP (they would only fail on blocked requests); content scripts are not subject to it.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { launchChromiumContext, snapshotBuild } from '../../tests/e2e/support/launch';
import { serve } from '../../tests/e2e/support/server';
import { ROOT } from './harness';
import { msInScripts, SAMPLING_INTERVAL_US, type CpuProfile } from './profile-time';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const RUNS = Number(option('runs') ?? 3);
const FILTER = option('pages') ? new RegExp(option('pages')!) : undefined;
const OUT = option('out') ?? path.join(ROOT, 'docs/page-load.md');
const WITHOUT_PICTURES = args.includes('--without-pictures');
const OLD = option('old');
/**
 * --no-profile: no CPU profile (no "own" column). The sampling profiler itself lengthens every task
 * with script in it, so long tasks are counted without it.
 */
const PROFILE = !args.includes('--no-profile');
/**
 * The page counts as settled when its script time stood still for QUIET_POLLS polls in a row. Script
 * time, not task time: the pages' own scripts are blocked, so every script is ours, while task time
 * grows by 0.2-2 ms per poll on an idle page (the metrics call itself runs tasks in the renderer).
 */
const QUIET_SCRIPT_MS = 0.01;
const QUIET_POLLS = 3;
const POLL_MS = 250;
/** At least this long after `load`: the content script runs at document_idle, then scans. */
const MIN_SETTLE_MS = 1500;
const MAX_SETTLE_MS = 10_000;

type Config = 'none' | 'noop' | 'noop2' | 'ext' | 'nopic' | 'old';
const CONFIGS: Config[] = [
  'none',
  'noop',
  'noop2',
  'ext',
  ...(WITHOUT_PICTURES ? (['nopic'] as const) : []),
  ...(OLD ? (['old'] as const) : []),
];
interface Sample {
  script: number;
  /** Extension code's CPU time from a sampling profile: unlike `script`, it counts promise continuations. */
  own: number;
  task: number;
  longTasks: number;
  marks: number;
  /** 1 when the content script imported its engine on this load. */
  engine: number;
  /** Pictures the card fetched on this load (none should, with no card opened). */
  pictures: number;
}

export const log = (...xs: unknown[]): void => console.error(...xs);
export const median = (xs: number[]): number => {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/**
 * An extension with the same content script declaration as ours and a script that does nothing
 * (or runs `code`: scripts/bench/first-stage-pieces.ts measures pieces of the first stage that way),
 * and with `background`, that service worker.
 */
export function noopExtension(code = process.env.HG_NOOP_CODE ?? 'void 0;', background?: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hg-noop-'));
  writeFileSync(
    path.join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'noop',
      version: '1.0',
      ...(background ? { background: { service_worker: 'background.js' } } : {}),
      content_scripts: [
        { matches: ['http://*/*', 'https://*/*'], all_frames: true, run_at: 'document_idle', js: ['content.js'] },
      ],
    }),
  );
  writeFileSync(path.join(dir, 'content.js'), `${code}\n`);
  if (background) writeFileSync(path.join(dir, 'background.js'), `${background}\n`);
  return dir;
}

export async function launch(extension: string | undefined, worker = false): Promise<BrowserContext> {
  const { ctx } = await launchChromiumContext({ extension, unthrottled: true });
  if (worker && ctx.serviceWorkers().length === 0) await ctx.waitForEvent('serviceworker');
  await ctx.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push(e.duration);
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // no long task API
    }
  });
  return ctx;
}

/**
 * One fresh load; with its CPU profile (unless `profile` is false: no "own" then), which
 * profile-own.ts reads by function (the table keeps only the figures).
 */
export async function load(
  ctx: BrowserContext,
  url: string,
  origin: string,
  profile = true,
): Promise<Sample & { profile?: CpuProfile }> {
  const page = await ctx.newPage();
  let engine = 0;
  let pictures = 0;
  page.on('request', (r) => {
    if (r.url().endsWith('/lazy/engine.js')) engine = 1;
    if (r.url().includes('/lazy/pictures/')) pictures++;
  });
  // Only the local server and the extension's own files answer; the pages' trackers are cut off.
  await page.route('**/*', (r) => {
    const url = r.request().url();
    return url.startsWith(origin) || url.startsWith('chrome-extension:') ? r.continue() : r.abort();
  });
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
    await cdp.send('Profiler.start');
  }
  const read = async (): Promise<{ script: number; task: number }> => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    const get = (n: string): number => (metrics.find((m) => m.name === n)?.value ?? NaN) * 1000;
    return { script: get('ScriptDuration'), task: get('TaskDuration') };
  };
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  const t0 = Date.now();
  let last = await read();
  let quietPolls = 0;
  for (;;) {
    await new Promise((r) => setTimeout(r, POLL_MS));
    const now = await read();
    quietPolls = now.script - last.script < QUIET_SCRIPT_MS ? quietPolls + 1 : 0;
    last = now;
    if (quietPolls >= QUIET_POLLS && Date.now() - t0 >= MIN_SETTLE_MS) break;
    if (Date.now() - t0 > MAX_SETTLE_MS) {
      log(`  (${url}: script time still growing after ${MAX_SETTLE_MS} ms)`);
      break;
    }
  }
  const cpu = profile ? ((await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }).profile : undefined;
  const { longTasks, marks } = await page.evaluate(() => ({
    longTasks: (window as unknown as { __longTasks: number[] }).__longTasks.length,
    marks: [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0),
  }));
  await page.close();
  return { ...last, own: cpu ? msInScripts(cpu) : NaN, longTasks, marks, engine, pictures, profile: cpu };
}

/** A copy of the build with every picture deleted (the card then shows none). */
async function withoutPictures(build: string): Promise<string> {
  const copy = await snapshotBuild(build);
  rmSync(path.join(copy, 'lazy/pictures'), { recursive: true, force: true });
  return copy;
}

export function pages(): { name: string; mount: string; file: string }[] {
  const list: { name: string; mount: string; file: string }[] = [];
  for (const f of ['article.html', 'long-article.html', 'dark-article.html'])
    list.push({ name: `fixture/${f}`, mount: 'fixtures', file: f });
  const real = path.resolve(ROOT, '../shared/pages');
  try {
    for (const f of readdirSync(real)
      .filter((x) => x.endsWith('.html'))
      .sort())
      list.push({ name: f.replace(/\.html$/, ''), mount: 'pages', file: f });
  } catch {
    log(`(no ${real}: real pages skipped)`);
  }
  return FILTER ? list.filter((p) => FILTER.test(p.name)) : list;
}

export const fmt = (n: number): string => (Number.isNaN(n) ? '–' : n.toFixed(2));

/** The health fixtures and the saved real pages, their own scripts blocked by CSP; with the server's origin. */
export async function servePages(): Promise<{ server: Awaited<ReturnType<typeof serve>>; origin: string }> {
  const server = await serve(
    { fixtures: path.join(ROOT, 'tests/fixtures'), pages: path.resolve(ROOT, '../shared/pages') },
    () => ({
      'content-security-policy': "script-src 'none'",
    }),
  );
  return { server, origin: new URL(server.url('x')).origin };
}

async function main(): Promise<void> {
  const { server, origin } = await servePages();
  const ext = await snapshotBuild(path.resolve(option('ext') ?? path.join(ROOT, '.output/chrome-mv3')));
  const ctxs = {
    none: await launch(undefined),
    noop: await launch(noopExtension()),
    noop2: await launch(noopExtension()),
    ext: await launch(ext, true),
    ...(WITHOUT_PICTURES ? { nopic: await launch(await withoutPictures(ext), true) } : {}),
    ...(OLD ? { old: await launch(await snapshotBuild(path.resolve(OLD)), true) } : {}),
  } as Record<Config, BrowserContext>;
  // One load each before measuring: the first load of a fresh profile pays one-off costs.
  const warm = server.url('fixtures/article.html');
  for (const c of CONFIGS) await load(ctxs[c]!, warm, origin, PROFILE);
  const list = pages();
  const rows: { name: string; s: Record<Config, Sample[]> }[] = [];
  for (const p of list) {
    const s: Record<Config, Sample[]> = { none: [], noop: [], noop2: [], ext: [], nopic: [], old: [] };
    const url = server.url(`${p.mount}/${p.file}`);
    for (let run = 0; run < RUNS; run++) {
      // Rotate the order, so no configuration always goes first after a cold start.
      for (let k = 0; k < CONFIGS.length; k++) {
        const c = CONFIGS[(run + k) % CONFIGS.length]!;
        const { profile: _, ...figures } = await load(ctxs[c]!, url, origin, PROFILE).catch(() =>
          load(ctxs[c]!, url, origin, PROFILE),
        );
        s[c].push(figures);
      }
    }
    rows.push({ name: p.name, s });
    log(
      `${p.name}: own ${fmt(median(s.ext.map((x) => x.own)))} ms, script +${fmt(median(s.ext.map((x) => x.script)) - median(s.none.map((x) => x.script)))} ms`,
    );
  }
  for (const c of CONFIGS) await ctxs[c]!.close();
  await server.close();
  writeReport(rows);
}

function writeReport(rows: { name: string; s: Record<Config, Sample[]> }[]): void {
  const m = (xs: Sample[], k: keyof Sample): number => median(xs.map((x) => x[k]));
  const nopic = WITHOUT_PICTURES;
  const lines = [
    '# Page-load cost of the extension',
    '',
    `Generated by \`npx tsx scripts/bench/page-load.ts\` (${RUNS} fresh loads per page and configuration, medians; Debian Chromium, headless).`,
    'Script and task: renderer main-thread ScriptDuration and TaskDuration (CDP) once the page is quiet.',
    `"own": the extension's code, from a CPU profile sampled every ${SAMPLING_INTERVAL_US} µs (samples with an extension frame on the stack, native calls made from it included). ScriptDuration misses promise continuations (work after an \`await\`), so "own" is the figure the target is read against.`,
    '"+noop" is what a content script that does nothing adds over no extension; "+ext" what this extension adds; "noop2 − noop" the task time of a second, identical do-nothing extension less the first\'s (two runs of one baseline in the same run: the noise).',
    ...(PROFILE
      ? []
      : [
          'Run with `--no-profile`: no CPU profile, so no "own" figure; long tasks are counted without the profiler\'s own overhead.',
        ]),
    '',
    ...(nopic
      ? ['"+nopic" is the same build with its pictures deleted; "pictures" counts the drawings fetched (no card is opened).', '']
      : []),
    ...(OLD ? ['"+old" is another build (`--old`), loaded side by side in the same run.', ''] : []),
    `| page | marks | engine loaded | own ext ms |${OLD ? ' own old ms |' : ''} script none ms | +noop ms | +ext ms |${nopic ? ' +nopic ms |' : ''}${OLD ? ' +old ms |' : ''} task none ms | +noop ms | noop2 − noop ms | +ext ms |${nopic ? ' +nopic ms | pictures |' : ''} task ext / noop | long tasks none / noop / noop2 / ext |`,
    `|---|---|---|---|${OLD ? '---|' : ''}---|---|---|${nopic ? '---|' : ''}${OLD ? '---|' : ''}---|---|---|---|${nopic ? '---|---|' : ''}---|---|`,
  ];
  const added: {
    real: boolean;
    own: number;
    oldOwn: number;
    noopOwn: number;
    script: number;
    task: number;
    noopScript: number;
    noopTask: number;
    nopicScript: number;
    nopicTask: number;
    oldScript: number;
    taskRatio: number;
    /** Task time over the do-nothing script's, and the second do-nothing script's over the first's. */
    overNoop: number;
    noise: number;
    extraLong: number;
    /** Long tasks beyond the do-nothing script's (either of the two). */
    longOverNoop: number;
    name: string;
  }[] = [];
  let pictures = 0;
  for (const { name, s } of rows) {
    const base = { script: m(s.none, 'script'), task: m(s.none, 'task') };
    const noop = { script: m(s.noop, 'script') - base.script, task: m(s.noop, 'task') - base.task };
    const ext = { script: m(s.ext, 'script') - base.script, task: m(s.ext, 'task') - base.task };
    const bare = { script: m(s.nopic, 'script') - base.script, task: m(s.nopic, 'task') - base.task };
    const fetched = s.ext.reduce((n, x) => n + x.pictures, 0);
    pictures += fetched;
    const lt = [m(s.none, 'longTasks'), m(s.noop, 'longTasks'), m(s.noop2, 'longTasks'), m(s.ext, 'longTasks')];
    const noise = m(s.noop2, 'task') - m(s.noop, 'task');
    added.push({
      real: !name.startsWith('fixture/'),
      own: m(s.ext, 'own'),
      oldOwn: m(s.old, 'own'),
      noopOwn: m(s.noop, 'own'),
      script: ext.script,
      task: ext.task,
      noopScript: noop.script,
      noopTask: noop.task,
      nopicScript: bare.script,
      nopicTask: bare.task,
      oldScript: m(s.old, 'script') - base.script,
      taskRatio: m(s.ext, 'task') / m(s.noop, 'task'),
      overNoop: m(s.ext, 'task') - m(s.noop, 'task'),
      noise,
      extraLong: lt[3]! - lt[0]!,
      longOverNoop: lt[3]! - Math.max(lt[1]!, lt[2]!),
      name,
    });
    lines.push(
      `| ${name} | ${m(s.ext, 'marks')} | ${s.ext.some((x) => x.engine) ? 'yes' : 'no'} | ${fmt(m(s.ext, 'own'))} |${OLD ? ` ${fmt(m(s.old, 'own'))} |` : ''} ${fmt(base.script)} | ${fmt(noop.script)} | ${fmt(ext.script)} |${nopic ? ` ${fmt(bare.script)} |` : ''}${OLD ? ` ${fmt(m(s.old, 'script') - base.script)} |` : ''} ${fmt(base.task)} | ${fmt(noop.task)} | ${fmt(noise)} | ${fmt(ext.task)} |${nopic ? ` ${fmt(bare.task)} | ${fetched} |` : ''} ${fmt(m(s.ext, 'task') / m(s.noop, 'task'))} | ${lt.join(' / ')} |`,
    );
  }
  const real = added.filter((a) => a.real);
  const med = (
    k:
      | 'own'
      | 'oldOwn'
      | 'noopOwn'
      | 'script'
      | 'task'
      | 'noopScript'
      | 'noopTask'
      | 'nopicScript'
      | 'nopicTask'
      | 'oldScript'
      | 'taskRatio',
  ): number => median(real.map((a) => a[k]));
  const absNoise = median(real.map((a) => Math.abs(a.noise)));
  const overNoop = median(real.map((a) => a.overNoop));
  const longer = added.filter((a) => a.longOverNoop > 0).map((a) => a.name);
  lines.push(
    '',
    `**Run-to-run noise, real pages:** two identical do-nothing scripts differ in task time by a median of ${fmt(absNoise)} ms per page (|noop2 − noop|); this extension's task time is ${fmt(overNoop)} ms over the do-nothing script's (median per page): ${overNoop <= absNoise ? 'within' : 'beyond'} the noise. Pages (of all ${added.length}) with more long tasks than both do-nothing scripts: ${longer.length}${longer.length ? ` (${longer.join(', ')})` : ''}.`,
    '',
    `**Real pages (${real.length}), medians of the per-page medians:** the extension's own code ${fmt(med('own'))} ms (CPU profile; the do-nothing script's: ${fmt(med('noopOwn'))} ms); added script ${fmt(med('script'))} ms (do-nothing script: ${fmt(med('noopScript'))} ms); added task ${fmt(med('task'))} ms (do-nothing script: ${fmt(med('noopTask'))} ms). Task time with this extension over task time with the do-nothing script: ${fmt(med('taskRatio'))}. Pages with more long tasks than without the extension: ${added.filter((a) => a.extraLong > 0).length}.`,
    ...(OLD
      ? [
          '',
          `**The other build (--old), same run:** its own code ${fmt(med('oldOwn'))} ms against ${fmt(med('own'))} ms for this one (ratio ${(med('own') / med('oldOwn')).toFixed(2)}); added script ${fmt(med('oldScript'))} ms against ${fmt(med('script'))} ms.`,
        ]
      : []),
  );
  if (nopic) {
    const all = (k: 'script' | 'nopicScript' | 'task' | 'nopicTask'): number => median(added.map((a) => a[k]));
    lines.push(
      '',
      `**Pictures (all ${added.length} pages):** added script ${fmt(all('script'))} ms with them, ${fmt(all('nopicScript'))} ms with them deleted (ratio ${(all('script') / all('nopicScript')).toFixed(2)}); added task ${fmt(all('task'))} / ${fmt(all('nopicTask'))} ms; drawings fetched: ${pictures}.`,
    );
  }
  const report = lines.join('\n') + '\n';
  mkdirSync(path.dirname(OUT), { recursive: true });
  if (OUT) writeFileSync(OUT, report);
  console.log(report);
}

// Run as a script, not when first-stage-pieces.ts imports its parts.
if (process.argv[1]?.endsWith('page-load.ts')) void main();
