/**
 * Where the extension's own code spends a page load, by function: `npx tsx
 * scripts/bench/profile-own.ts <fixtures/article.html | pages/NAME.html> [--runs=5] [--ext=DIR]
 * [--top=30]` (after `npm run build`; for names, build with HG_UNMINIFIED=1). Fresh loads with the
 * page-load benchmark's method (page-load.ts): each row is a function of ours on top of the stack, or
 * a native call on top with the nearest of our functions under it; the median over the loads.
 */
import path from 'node:path';
import { snapshotBuild } from '../../tests/e2e/support/launch';
import { ROOT } from './harness';
import { fmt, launch, load, log, median, servePages } from './page-load';
import { ownByFrame } from './profile-time';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const target = args.find((a) => !a.startsWith('--')) ?? 'fixtures/article.html';
const RUNS = Number(option('runs') ?? 5);
const TOP = Number(option('top') ?? 30);

async function main(): Promise<void> {
  const { server, origin } = await servePages();
  const ctx = await launch(await snapshotBuild(path.resolve(option('ext') ?? path.join(ROOT, '.output/chrome-mv3'))), true);
  await load(ctx, server.url(target), origin); // a fresh profile's first load pays one-off costs
  const rows = new Map<string, number[]>();
  const totals: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const sample = await load(ctx, server.url(target), origin);
    totals.push(sample.own);
    if (!sample.profile) throw new Error('no CPU profile came back');
    const by = ownByFrame(sample.profile);
    for (const key of new Set([...rows.keys(), ...by.keys()])) {
      const list = rows.get(key) ?? Array<number>(run).fill(0);
      list.push(by.get(key) ?? 0);
      rows.set(key, list);
    }
    log(`load ${run + 1}: own ${fmt(sample.own)} ms, ${sample.marks} marks`);
  }
  await ctx.close();
  await server.close();
  console.log(`\n${target}: own code ${fmt(median(totals))} ms (median of ${RUNS} loads)\n`);
  console.log('| where | median ms |\n|---|---|');
  for (const [key, ms] of [...rows]
    .map(([k, v]) => [k, median(v)] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP))
    console.log(`| ${key} | ${fmt(ms)} |`);
}

void main();
