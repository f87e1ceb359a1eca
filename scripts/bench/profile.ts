/**
 * Profiling: where the scanner's time goes. Runs the EXPERIMENTS (scripts/bench/experiments.ts:
 * the pipeline taken apart, and experimental variants of its pieces) side by side on a few pages,
 * each on a fresh load, and prints a Markdown table of main-thread CPU medians.
 *   npx tsx scripts/bench/profile.ts [--loads=N] [--out=FILE]     (or `run.ts --experiments`)
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compareVariants } from './compare';
import { noTermsPage, syntheticPage } from './gen-pages';
import { ROOT, type Result } from './harness';

const ROWS: [string, string][] = [
  ['floor', 'floor: TreeWalker(SHOW_TEXT), read data'],
  ['exp:walk-elements', 'walk elements + text, no filter'],
  ['exp:walk-filter', 'walk elements + text with a JS NodeFilter callback (how textRuns walked before bcbc664)'],
  ['exp:runs', "the project's textRuns (walk, skipping, blockOf, joining), no matching"],
  [
    'exp:runs-fast',
    'EXP textRunsFast: no NodeFilter (skip subtrees by hand, as textRuns does since bcbc664), blockOf only when the parent changes',
  ],
  ['exp:find-only', 'matcher.find over all run texts'],
  ['exp:find-only-table', 'EXP find with ASCII tables, no allocation for runs without candidates'],
  ['exp:find-only-fast3', 'EXP find with a native RegExp jumping to word starts that begin a form (3-char prefixes)'],
  ['exp:find-only:10k', 'matcher.find, +10k terms'],
  ['exp:find-only-table:10k', 'EXP table find, +10k terms'],
  ['exp:marks', 'MarkIndex.add for every match + the frame that paints them'],
  ['exp:marks-unregistered', 'same, Highlight not registered (no painting: not a fix, it shows the paint share)'],
  ['exp:full', 'the full pipeline (= scan:real)'],
  ['exp:full-warm', 'full pipeline, second run on the same load (warm JIT, DOM wrappers exist)'],
  ['exp:full-fastwalk', 'EXP full pipeline with textRunsFast'],
  ['exp:full-fastwalk-table', 'EXP full pipeline with textRunsFast + table find'],
  ['exp:text-content', 'body.textContent alone (native)'],
  ['exp:precheck', 'EXP page precheck: body.textContent + one regex of unambiguous forms'],
  ['exp:precheck-lower', 'EXP same, text lower-cased natively, case-sensitive regexes'],
];
const CHECKS = ['exp:runs-equal', 'exp:find-equal', 'exp:find-equal:10k'];

function median(xs: number[]): number {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

export async function profileSection(pages: { name: string; file: string; loads: number }[]): Promise<string> {
  const cols: Map<string, Result[]>[] = [];
  const checks: string[] = [];
  for (const p of pages) {
    console.error(`profiling ${p.name} (${p.loads} loads × ${ROWS.length} variants) …`);
    cols.push(
      await compareVariants(
        p.file,
        p.loads,
        ROWS.map(([v]) => v),
      ),
    );
    const c = await compareVariants(p.file, 1, CHECKS);
    const r = (v: string): Result => c.get(v)![0]!;
    checks.push(
      `${p.name}: textRunsFast ${r('exp:runs-equal')['same'] ? 'identical runs' : 'DIFFERENT runs'}; ` +
        `experimental finds ${r('exp:find-equal')['runsDiffering'] === 0 && r('exp:find-equal:10k')['runsDiffering'] === 0 ? 'identical matches (real and +10k)' : `DIFFER in ${String(r('exp:find-equal')['runsDiffering'])} / ${String(r('exp:find-equal:10k')['runsDiffering'])} runs`}`,
    );
  }
  const L: string[] = ["## Profile: where the scanner's time goes", ''];
  L.push(
    'Main-thread CPU ms, median of fresh loads per cell (includes the rendering update after the timed part). ' +
      '"EXP" rows are experimental variants in scripts/bench/experiments.ts and exp-matcher.ts, not the extension\'s code.',
    '',
  );
  L.push(`| variant | ${pages.map((p) => p.name).join(' | ')} |`, `|---|${pages.map(() => '---').join('|')}|`);
  for (const [v, label] of ROWS) {
    const cells = cols.map((c) => {
      const rs = (c.get(v) ?? []).filter((r) => !r.error);
      const floor = median((c.get('floor') ?? []).map((r) => r.cpu ?? NaN));
      const x = median(rs.map((r) => r.cpu ?? NaN));
      return Number.isFinite(x) ? `${x.toFixed(x < 10 ? 2 : 1)} (${(x / floor).toFixed(1)}×)` : '–';
    });
    L.push(`| ${label} \`${v}\` | ${cells.join(' | ')} |`);
  }
  L.push('', 'Correctness of the experimental variants (untimed):', '', ...checks.map((c) => `- ${c}`));
  return L.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const loads = Number(process.argv.find((a) => a.startsWith('--loads='))?.slice(8) ?? 5);
  const out = process.argv.find((a) => a.startsWith('--out='))?.slice(6) ?? path.join(import.meta.dirname, 'profile-results.md');
  const gen = mkdtempSync(path.join(os.tmpdir(), 'hg-profile-'));
  writeFileSync(path.join(gen, 'no-terms.html'), noTermsPage());
  writeFileSync(path.join(gen, 'synthetic-5mb.html'), syntheticPage());
  const pages = [
    { name: 'long-article (31 KB)', file: path.join(ROOT, 'tests/fixtures/long-article.html'), loads },
    ...(existsSync(path.resolve('..', 'shared', 'pages', 'wordpress.html'))
      ? [{ name: 'wordpress (real, 177 KB)', file: path.resolve('..', 'shared', 'pages', 'wordpress.html'), loads }]
      : []),
    { name: 'no-terms (1 MB)', file: path.join(gen, 'no-terms.html'), loads },
    { name: 'synthetic (5 MB)', file: path.join(gen, 'synthetic-5mb.html'), loads: Math.max(3, Math.ceil(loads / 2)) },
  ];
  const md = await profileSection(pages);
  console.log(md);
  let commit = 'unknown';
  try {
    commit = execSync('git rev-parse --short HEAD', { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout
  }
  if (out)
    writeFileSync(
      out,
      `# Scanner profile\n\nGenerated by \`npx tsx scripts/bench/profile.ts\` on ${new Date().toISOString()}, code at commit ${commit}.\n\n${md}\n`,
    );
}
