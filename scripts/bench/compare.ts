/**
 * Ad-hoc side-by-side comparison of bench variants on one HTML
 * file, each on a fresh load, in rotating order:
 *   npx tsx scripts/bench/compare.ts FILE LOADS VARIANT...   e.g. … long-article.html 7 floor scan:real sliced:real
 * Prints, per variant, median and min of main-thread CPU ms and wall ms, and medians of other numbers.
 */
import path from 'node:path';
import { bundle, launch, Runner, serve, type Result } from './harness';

export async function compareVariants(file: string, loads: number, variants: string[]): Promise<Map<string, Result[]>> {
  const server = await serve({ f: path.dirname(path.resolve(file)) });
  const { browser, ctx } = await launch(await bundle(), server.origin);
  const runner = new Runner(ctx);
  const url = `${server.origin}/f/${path.basename(file)}`;
  const out = new Map<string, Result[]>(variants.map((v) => [v, []]));
  for (let i = 0; i < loads; i++)
    for (let k = 0; k < variants.length; k++) {
      const v = variants[(k + i) % variants.length]!;
      out.get(v)!.push(await runner.run(url, v));
    }
  await runner.close();
  await browser.close();
  server.close();
  return out;
}

export function summarize(results: Map<string, Result[]>): string[] {
  const med = (xs: number[]): number => {
    const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
    return s.length ? (s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : NaN;
  };
  const lines: string[] = [];
  for (const [v, rs] of results) {
    const ok = rs.filter((r) => !r.error);
    const cpu = ok.map((r) => r.cpu ?? NaN);
    const wall = ok.map((r) => r.ms);
    const extra = Object.keys(ok[0] ?? {})
      .filter((k) => !['ms', 'cpu'].includes(k))
      .map((k) => {
        const x = ok[0]![k];
        return typeof x === 'number'
          ? `${k}=${+med(ok.map((r) => Number(r[k]))).toFixed(2)}`
          : `${k}=${String(JSON.stringify(x)).slice(0, 400)}`;
      });
    const errors = rs.filter((r) => r.error).map((r) => r.error);
    lines.push(
      `${v.padEnd(26)} cpu ${med(cpu).toFixed(2).padStart(8)} (min ${Math.min(...cpu).toFixed(2)})  wall ${med(wall).toFixed(2).padStart(8)} (min ${Math.min(...wall).toFixed(2)})  ${extra.join(' ')}${errors.length ? ` ERRORS: ${errors[0]}` : ''}`,
    );
  }
  return lines;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const [file, loads, ...variants] = process.argv.slice(2);
  if (!file || !loads || !variants.length) throw new Error('usage: compare.ts FILE LOADS VARIANT...');
  for (const line of summarize(await compareVariants(file, Number(loads), variants))) console.log(line);
}
