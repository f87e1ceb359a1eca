/**
 * Profiling helper: samples the renderer's CPU (CDP Profiler, 100 µs) while one bench variant's timed
 * part runs on a fresh load, and prints self time by function.
 *   npx tsx scripts/bench/cpuprofile.ts FILE VARIANT [LOADS]
 */
import path from 'node:path';
import { bundle, launch, serve } from './harness';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}
interface Api {
  prepare(v: string): Promise<unknown>;
  run(): Promise<{ ms: number }>;
}
declare const __bench: Api;

const [file, variant, loads = '3'] = process.argv.slice(2);
if (!file || !variant) throw new Error('usage: cpuprofile.ts FILE VARIANT [LOADS]');
const server = await serve({ f: path.dirname(path.resolve(file)) });
const { browser, ctx } = await launch(await bundle(), server.origin);
const page = await ctx.newPage();
const cdp = await ctx.newCDPSession(page);
const self = new Map<string, number>();
let total = 0;
for (let i = 0; i < Number(loads); i++) {
  await page.goto(`${server.origin}/f/${path.basename(file)}`);
  await page.evaluate((v) => __bench.prepare(v), variant);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const r = await page.evaluate(() => __bench.run());
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  console.log(`load ${i}: ${variant} ${r.ms.toFixed(1)} ms`);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, k) => {
    const n = byId.get(id)!;
    const name = `${n.callFrame.functionName || '(anonymous)'}${n.callFrame.url ? `:${n.callFrame.lineNumber}` : ''}`;
    if (name === '(idle)' || name === '(program)') return;
    const dt = profile.timeDeltas[k] ?? 0;
    self.set(name, (self.get(name) ?? 0) + dt);
    total += dt;
  });
}
console.log(`self time over ${loads} loads (excluding idle): ${(total / 1000).toFixed(0)} ms`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
  console.log(`${((100 * v) / total).toFixed(1).padStart(5)}%  ${(v / 1000).toFixed(1).padStart(8)} ms  ${k}`);
await browser.close();
server.close();
