/**
 * CPU profile of the built extension's content script on one page, in real Chromium: the
 * functions that took the most self time while the page loaded and the script settled.
 * Usage: npx tsx scripts/bench/profile-extension.ts <path under tests/fixtures> [--seconds=N]
 */
import { launchRawChromium, blockExternal } from '../../tests/e2e/support/chromium-raw';
import { serve } from '../../tests/e2e/support/server';
import path from 'node:path';

const target = process.argv[2] ?? 'hostile/many-nodes.html?layout=one-block';
const seconds = Number(process.argv.find((a) => a.startsWith('--seconds='))?.slice(10) ?? 8);

const server = await serve({
  hostile: path.resolve('tests/fixtures/hostile'),
  fixtures: path.resolve('tests/fixtures'),
  pages: path.resolve('../shared/pages'),
});
const raw = await launchRawChromium({ extension: true });
await blockExternal(raw.ctx);
const page = raw.ctx.pages()[0] ?? (await raw.ctx.newPage());
const cdp = await raw.ctx.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await page.goto(server.url(target), { waitUntil: 'load', timeout: 90_000 });
await new Promise((r) => setTimeout(r, seconds * 1000));
const { profile } = (await cdp.send('Profiler.stop')) as {
  profile: {
    nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
    samples: number[];
    timeDeltas: number[];
  };
};
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
const byFn = new Map<string, number>();
for (const n of profile.nodes) {
  const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-1)[0]}:${n.callFrame.lineNumber}`;
  byFn.set(key, (byFn.get(key) ?? 0) + (self.get(n.id) ?? 0));
}
console.table(
  [...byFn]
    .filter(([k]) => !k.startsWith('(idle)') && !k.startsWith('(program)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([fn, ms]) => ({ fn, ms: ms.toFixed(1) })),
);
await raw.close();
await server.close();
