/**
 * Content-script benchmark: `npm run bench` (or `npx tsx scripts/bench/run.ts [flags]`).
 *
 * Bundles scripts/bench/page.ts (the project's real matcher, textRuns, MarkIndex and createScanner,
 * plus mark.js) into one IIFE, injects it into Debian's Chromium as an init script, and measures, on
 * a fresh load of each page per measurement, side by side in one browser process:
 *   floor      a TreeWalker (SHOW_TEXT) reading every text node's data and nothing else
 *   scan       compileMatcher → textRuns → find → MarkIndex.add, one synchronous pass (compile timed apart)
 *   sliced     createScanner(...).scan(body): time-sliced; wall time, busy time, long tasks
 *   mark.js    markRegExp (one alternation of every form) and mark (the form list)
 * with the real glossary and with 10,000 generated terms added.
 *
 * Flags: --quick (10 real pages instead of 65), --runs=N (default 5), --pages=REGEX (only matching
 * page names), --no-real, --no-markjs-list,
 * --out=FILE (default scripts/bench/results.md; --out= to skip writing), --json=FILE (raw numbers),
 * --from-json=FILE (re-render the report from raw numbers, measuring nothing).
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { noTermsPage, syntheticPage } from './gen-pages';
import { bundle, launch, ROOT, Runner, serve, type Result } from './harness';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(`--${name}`);
const option = (name: string): string | undefined => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

const RUNS = Number(option('runs') ?? 5);
const QUICK = flag('quick');
const PAGE_FILTER = option('pages') ? new RegExp(option('pages')!) : undefined;
const OUT = option('out') ?? path.join(HERE, 'results.md');
const MARKJS_LIST = !flag('no-markjs-list');
const MARKJS_LIMIT_MS = 10_000;
/** Pages whose floor is below this are too small for a meaningful ratio (CPU clock resolution). */
const MIN_FLOOR_MS = 0.2;

const log = (...xs: unknown[]): void => console.error(...xs);

// ------------------------------------------------------------------------------------------------
// Pages and server

interface BenchPage {
  name: string;
  group: 'fixture' | 'generated' | 'real';
  mount: string;
  file: string;
  bytes: number;
}

function pages(genDir: string): BenchPage[] {
  const list: BenchPage[] = [];
  const add = (group: BenchPage['group'], mount: string, dir: string, file: string, name = file.replace(/\.html$/, '')): void => {
    list.push({ name, group, mount, file, bytes: statSync(path.join(dir, file)).size });
  };
  add('fixture', 'fixtures', path.join(ROOT, 'tests/fixtures'), 'long-article.html');
  add('generated', 'gen', genDir, 'synthetic-5mb.html');
  add('generated', 'gen', genDir, 'no-terms.html');
  const realDir = path.resolve('..', 'shared', 'pages');
  if (flag('no-real')) log('real pages: skipped (--no-real)');
  else if (!existsSync(realDir)) log(`real pages: ${realDir} is absent, skipping them`);
  else {
    let files = readdirSync(realDir)
      .filter((f) => f.endsWith('.html'))
      .sort();
    if (QUICK) {
      // Ten pages spread evenly over the size range, always including the largest.
      const bySize = files.map((f) => ({ f, s: statSync(path.join(realDir, f)).size })).sort((a, b) => a.s - b.s);
      const picked = new Set<string>();
      for (let i = 0; i < 10; i++) picked.add(bySize[Math.round((i * (bySize.length - 1)) / 9)]!.f);
      files = files.filter((f) => picked.has(f));
    }
    for (const f of files) add('real', 'pages', realDir, f);
  }
  return PAGE_FILTER ? list.filter((p) => PAGE_FILTER.test(p.name)) : list;
}

// ------------------------------------------------------------------------------------------------
// Running

const median = (xs: number[]): number => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const TIMED = [
  'floor',
  'scan:real',
  'scan:10k',
  'sliced:real',
  'sliced:10k',
  'markre:real',
  'markre:10k',
  ...(MARKJS_LIST ? ['marklist:real'] : []),
];

interface VariantStats {
  runs: Result[];
  timedOut: boolean;
  errors: string[];
  /** Median of a numeric field over runs (default: main-thread CPU ms). */
  med(field?: string): number;
}

function stats(runs: Result[]): VariantStats {
  return {
    runs,
    timedOut: runs.some((r) => r.timeout),
    errors: runs.filter((r) => r.error && !r.timeout).map((r) => r.error!),
    med: (field = 'cpu') => median(runs.filter((r) => !r.timeout && !r.error).map((r) => Number(r[field]))),
  };
}

interface Diff {
  scanner: number;
  markjs: number | 'timeout' | 'skipped';
  reasons: string[];
}

interface PageResult {
  page: BenchPage;
  v: Record<string, VariantStats>;
  match: Record<string, Diff>;
}

/** Compares two multisets of normalised match texts and explains the differences it can. */
function compare(
  scanner: { texts: string[]; raw: string[]; glued: string[] },
  mark: { texts: string[]; raw: string[]; timeout?: boolean } | undefined,
  abbreviations: Set<string>,
  variant: 'regexp' | 'list',
): Diff {
  if (!mark) return { scanner: scanner.texts.length, markjs: 'skipped', reasons: [] };
  if (mark.timeout) return { scanner: scanner.texts.length, markjs: 'timeout', reasons: [] };
  const count = (xs: string[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
    return m;
  };
  const a = count(scanner.texts);
  const b = count(mark.texts);
  const glued = count(scanner.glued);
  const onlyScanner: [string, number][] = [];
  const onlyMark: [string, number][] = [];
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    const d = (a.get(k) ?? 0) - (b.get(k) ?? 0);
    if (d > 0) onlyScanner.push([k, d]);
    if (d < 0) onlyMark.push([k, -d]);
  }
  const reasons: Record<string, { n: number; ex: Set<string> }> = {};
  const why = (r: string, n: number, ex: string): void => {
    const e = (reasons[r] ??= { n: 0, ex: new Set() });
    e.n += n;
    if (e.ex.size < 3) e.ex.add(ex);
  };
  const lowerAbbr = new Set([...abbreviations].map((x) => x.toLowerCase()));
  const contains = (long: string, short: string): boolean =>
    long !== short &&
    new RegExp(`(^|[^\\p{L}\\p{N}])${short.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'u').test(long);
  /** Two phrases that contain one another or share a word: candidates that overlapped in the text. */
  const overlaps = (a: string, b: string): boolean => {
    if (contains(a, b) || contains(b, a)) return true;
    const wa = new Set(a.split(' '));
    return b.split(' ').some((w) => wa.has(w));
  };
  const markRawByNorm = new Map<string, string[]>();
  mark.raw.forEach((r, i) =>
    (markRawByNorm.get(mark.texts[i]!) ?? markRawByNorm.set(mark.texts[i]!, []).get(mark.texts[i]!)!).push(r),
  );
  for (const [k, n] of onlyScanner) {
    let left = n;
    const g = Math.min(left, glued.get(k) ?? 0);
    if (g)
      why(
        "scanner-only: word at a block edge, glued to the neighbouring block's text in mark.js's joined string (no separator between blocks)",
        g,
        k,
      );
    left -= g;
    if (left && onlyMark.some(([m]) => overlaps(m, k)))
      why(
        'scanner-only: overlapping candidates resolved differently (scanner: longest wins, then leftmost; regex: leftmost wins)',
        left,
        k,
      );
    else if (left) why('scanner-only: other', left, k);
  }
  for (const [k, n] of onlyMark) {
    const raws = markRawByNorm.get(k) ?? [];
    if (lowerAbbr.has(k) && raws.some((r) => !abbreviations.has(r.trim())))
      why(
        `mark.js-only: abbreviation in the wrong case (${variant === 'list' ? 'mark() is case-insensitive for every form' : 'regex case rule'}; the scanner matches abbreviations case-sensitively)`,
        n,
        raws.find((r) => !abbreviations.has(r.trim())) ?? k,
      );
    else if (onlyScanner.some(([s]) => overlaps(s, k)) || (variant === 'list' && scanner.texts.some((s) => contains(s, k))))
      why(
        variant === 'list'
          ? 'mark.js-only: shorter form marked again inside a longer match (mark() runs one pass per form and re-reads marked text)'
          : 'mark.js-only: overlapping candidates resolved differently (regex: leftmost wins; scanner: longest wins)',
        n,
        k,
      );
    else if (k.includes(' '))
      why('mark.js-only: phrase spanning a block boundary (mark.js joins all text; the scanner never joins blocks)', n, k);
    else why('mark.js-only: other', n, k);
  }
  return {
    scanner: scanner.texts.length,
    markjs: mark.texts.length,
    reasons: Object.entries(reasons).map(([r, { n, ex }]) => `${n}× ${r}, e.g. ${[...ex].map((x) => `"${x}"`).join(', ')}`),
  };
}

async function benchPage(runner: Runner, url: string, page: BenchPage, abbreviations: Set<string>): Promise<PageResult> {
  const all: Record<string, Result[]> = Object.fromEntries(TIMED.map((v) => [v, []]));
  const givenUp = new Set<string>();
  for (let r = 0; r < RUNS; r++) {
    // Rotate the order each run so no variant always goes first after a browser hiccup.
    const order = TIMED.map((_, i) => TIMED[(i + r) % TIMED.length]!);
    for (const v of order) {
      if (givenUp.has(v)) continue;
      const res = await runner.run(url, v);
      all[v]!.push(res);
      if (res.timeout || (res.error && v.startsWith('mark'))) givenUp.add(v);
    }
  }
  const v = Object.fromEntries(Object.entries(all).map(([k, runs]) => [k, stats(runs)]));
  // Verification loads: what each side found, as normalised texts.
  const scan = (await runner.verify(url, 'scan')) as unknown as Record<
    'real' | '10k',
    { texts: string[]; raw: string[]; glued: string[] }
  >;
  const markVerify = async (variant: string): Promise<{ texts: string[]; raw: string[]; timeout?: boolean } | undefined> => {
    const [kind, k] = variant.split(':');
    if (!v[variant] || v[variant]!.timedOut) return v[variant] ? { texts: [], raw: [], timeout: true } : undefined;
    const res = await runner.verify(url, `${kind}:${k}`);
    return res.error ? { texts: [], raw: [], timeout: true } : (res as unknown as { texts: string[]; raw: string[] });
  };
  const match: Record<string, Diff> = {};
  if (scan && !(scan as unknown as Result).error && scan.real) {
    match['markre:real'] = compare(scan.real, await markVerify('markre:real'), abbreviations, 'regexp');
    match['markre:10k'] = compare(scan['10k'], await markVerify('markre:10k'), abbreviations, 'regexp');
    match['marklist:real'] = compare(
      scan.real,
      MARKJS_LIST ? await markVerify('marklist:real') : undefined,
      abbreviations,
      'list',
    );
  }
  return { page, v, match };
}

// ------------------------------------------------------------------------------------------------
// Reporting

const f1 = (x: number): string => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) : '–');
const fx = (x: number): string => (Number.isFinite(x) ? `${x >= 10 ? x.toFixed(0) : x.toFixed(1)}×` : '–');

function ms(s: VariantStats | undefined): string {
  if (!s) return 'n/a';
  if (s.timedOut) return `>${MARKJS_LIMIT_MS / 1000}s`;
  if (s.errors.length && !Number.isFinite(s.med())) return 'error';
  return f1(s.med());
}

/** Ratio a/b where a may have timed out (then a lower bound). */
function ratio(a: VariantStats | undefined, b: number): string {
  if (!a) return 'n/a';
  if (a.timedOut) return `>${fx(MARKJS_LIMIT_MS / b)}`;
  return fx(a.med() / b);
}

function ratioValue(a: VariantStats | undefined, b: number): number {
  if (!a) return NaN;
  return a.timedOut ? MARKJS_LIMIT_MS / b : a.med() / b;
}

interface Report {
  markdown: string;
}

function report(results: PageResult[], meta: Record<string, unknown>, compileSummary: string): Report {
  const L: string[] = [];
  const head = [
    'page',
    'KB',
    'text nodes',
    'floor ms',
    'scan ms',
    'scan +10k ms',
    'sliced cpu / wall / busy ms',
    'long tasks (real / +10k)',
    'mark.js re ms',
    'mark.js re +10k ms',
    'mark.js list ms¹',
    'scan / floor',
    'scan+10k / floor',
    'mark.js re / scan',
    'mark.js re+10k / scan+10k',
    'mark.js list / scan',
    'matches scan / re / list',
  ];
  L.push(`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
  const cols: Record<string, number[]> = {};
  const push = (k: string, x: number): void => void (cols[k] ??= []).push(x);
  for (const { page, v, match } of results) {
    const floor = v['floor']!.med();
    const scan = v['scan:real']!.med();
    const scan10 = v['scan:10k']!.med();
    const sl = v['sliced:real']!;
    const sl10 = v['sliced:10k']!;
    const lt = (s: VariantStats): string => {
      const counts = s.runs.filter((r) => !r.error).map((r) => Number(r['longTasks']));
      const max = Math.max(...counts);
      return `${median(counts)}${max > median(counts) ? ` (max ${max})` : ''}`;
    };
    const m = (k: string): string => {
      const d = match[k];
      if (!d) return '?';
      return typeof d.markjs === 'number' ? String(d.markjs) : d.markjs === 'timeout' ? '>10s' : '–';
    };
    const agree = ['markre:real', 'marklist:real'].every(
      (k) => !match[k] || typeof match[k]!.markjs !== 'number' || match[k]!.markjs === match[k]!.scanner,
    );
    push('KB', page.bytes / 1024);
    push('nodes', Number(v['floor']!.runs[0]?.['nodes']));
    push('floor', floor);
    push('scan', scan);
    push('scan10', scan10);
    push('slCpu', sl.med());
    push('slWall', sl.med('ms'));
    push('slBusy', sl.med('busyMs'));
    push('floorWall', v['floor']!.med('ms'));
    push('scanWall', v['scan:real']!.med('ms'));
    push('scan10Wall', v['scan:10k']!.med('ms'));
    push('reWall', v['markre:real']!.timedOut ? Infinity : v['markre:real']!.med('ms'));
    push('w1', floor < MIN_FLOOR_MS ? NaN : v['scan:real']!.med('ms') / v['floor']!.med('ms'));
    push('w2', floor < MIN_FLOOR_MS ? NaN : v['scan:10k']!.med('ms') / v['floor']!.med('ms'));
    push('w3', v['markre:real']!.timedOut ? Infinity : v['markre:real']!.med('ms') / v['scan:real']!.med('ms'));
    push('lt', median(sl.runs.map((r) => Number(r['longTasks']))));
    push('lt10', median(sl10.runs.map((r) => Number(r['longTasks']))));
    push('re', v['markre:real']!.timedOut ? Infinity : v['markre:real']!.med());
    push('re10', v['markre:10k']!.timedOut ? Infinity : v['markre:10k']!.med());
    if (v['marklist:real']) push('list', v['marklist:real']!.timedOut ? Infinity : v['marklist:real']!.med());
    // Below MIN_FLOOR_MS the floor is at the resolution of the CPU clock: no meaningful ratio.
    const tiny = floor < MIN_FLOOR_MS;
    push('r1', tiny ? NaN : scan / floor);
    push('r2', tiny ? NaN : scan10 / floor);
    push('r3', ratioValue(v['markre:real'], scan));
    push('r4', ratioValue(v['markre:10k'], scan10));
    if (v['marklist:real']) push('r5', ratioValue(v['marklist:real'], scan));
    L.push(
      `| ${[
        `${page.group === 'real' ? '' : `*${page.group}* `}${page.name}`,
        (page.bytes / 1024).toFixed(0),
        String(v['floor']!.runs[0]?.['nodes'] ?? '?'),
        f1(floor),
        f1(scan),
        f1(scan10),
        `${f1(sl.med())} / ${f1(sl.med('ms'))} / ${f1(sl.med('busyMs'))}`,
        `${lt(sl)} / ${lt(sl10)}`,
        ms(v['markre:real']),
        ms(v['markre:10k']),
        ms(v['marklist:real']),
        tiny ? `(${fx(scan / floor)})†` : fx(scan / floor),
        tiny ? `(${fx(scan10 / floor)})†` : fx(scan10 / floor),
        ratio(v['markre:real'], scan),
        ratio(v['markre:10k'], scan10),
        ratio(v['marklist:real'], scan),
        `${match['markre:real']?.scanner ?? '?'} / ${m('markre:real')} / ${m('marklist:real')}${agree ? '' : ' ²'}`,
      ].join(' | ')} |`,
    );
  }
  const md = (k: string): number => median(cols[k] ?? []);
  const mdx = (k: string): string => {
    const xs = cols[k] ?? [];
    const inf = xs.filter((x) => x === Infinity).length;
    return inf > xs.length / 2 ? `>${MARKJS_LIMIT_MS / 1000}s` : f1(median(xs));
  };
  L.push(
    `| **median of ${results.length} pages** | ${md('KB').toFixed(0)} | ${md('nodes').toFixed(0)} | ${f1(md('floor'))} | ${f1(md('scan'))} | ${f1(md('scan10'))} | ${f1(md('slCpu'))} / ${f1(md('slWall'))} / ${f1(md('slBusy'))} | ${md('lt')} / ${md('lt10')} | ${mdx('re')} | ${mdx('re10')} | ${cols['list'] ? mdx('list') : 'n/a'} | ${fx(md('r1'))} | ${fx(md('r2'))} | ${fx(md('r3'))} | ${fx(md('r4'))} | ${cols['r5'] ? fx(md('r5')) : 'n/a'} | |`,
  );
  L.push('');
  L.push(
    'Times are medians of main-thread CPU ms (CDP ThreadTime around the timed call, minus an empty round trip), ' +
      'each run on a fresh load, including the rendering update that follows (highlight painting for the scanner, ' +
      'relayout + paint for mark.js). "sliced": CPU / wall / busy (the scanner\'s own busy time) of createScanner().scan().',
  );
  L.push('');
  L.push(
    "¹ `mark()` is given only the real glossary's forms (not the +10k list: one DOM pass per form would take hours), " +
      'in calls of 100 forms, longest first (mark.js 8.11.1 chains keywords recursively: all 800 in one call overflow the stack). ' +
      `mark.js runs are stopped after ${MARKJS_LIMIT_MS / 1000} s (">10s"; ratios against a timed-out run are lower bounds). ` +
      'mark.js time is its own synchronous call; building the regex/list is excluded, as is compileMatcher for the scanner. ' +
      'Ratios are ratios of the per-page medians; the summary row gives medians of the per-page values.',
  );
  L.push('² counts differ; see "Matches" below for why.');
  L.push(
    `† floor below ${MIN_FLOOR_MS} ms: too small to time, ratio shown for information, left out of the targets and medians.`,
  );

  // Targets
  const count = (k: string, pass: (x: number) => boolean): string => {
    const xs = (cols[k] ?? []).filter((x) => !Number.isNaN(x));
    return `${xs.filter(pass).length}/${xs.length} pages`;
  };
  const q = (k: string, p: number): number => {
    const s = (cols[k] ?? []).filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
  };
  const worst = (k: string): string => {
    let best = -Infinity;
    let name = '';
    results.forEach((r, i) => {
      const x = cols[k]![i]!;
      if (x > best) [best, name] = [x, r.page.name];
    });
    return `${fx(best)} (${name})`;
  };
  const minOf = (k: string): string => {
    let low = Infinity;
    let name = '';
    results.forEach((r, i) => {
      const x = cols[k]![i]!;
      if (x < low) [low, name] = [x, r.page.name];
    });
    return `${fx(low)} (${name})`;
  };
  L.push('', '## Targets', '');
  L.push('| target | median | p90 / worst | pages meeting it |', '|---|---|---|---|');
  const sum = (k: string): number => (cols[k] ?? []).filter(Number.isFinite).reduce((a, b) => a + b, 0);
  L.push(
    `| scan ≤ 2× floor (real glossary) | ${fx(md('r1'))} | ${fx(q('r1', 0.9))} / ${worst('r1')} | ${count('r1', (x) => x <= 2)} |`,
  );
  L.push(`| … all pages together (Σ scan / Σ floor) | ${fx(sum('scan') / sum('floor'))} | | |`);
  L.push(
    `| scan ≤ 3× floor (+10k terms) | ${fx(md('r2'))} | ${fx(q('r2', 0.9))} / ${worst('r2')} | ${count('r2', (x) => x <= 3)} |`,
  );
  L.push(`| … all pages together (Σ scan+10k / Σ floor) | ${fx(sum('scan10') / sum('floor'))} | | |`);
  L.push(
    `| ≥ 20× faster than mark.js markRegExp (real) | ${fx(md('r3'))} | lowest ${minOf('r3')} | ${count('r3', (x) => x >= 20)} |`,
  );
  L.push(
    `| ≥ 20× faster than mark.js markRegExp (+10k) | ${fx(md('r4'))} | lowest ${minOf('r4')} | ${count('r4', (x) => x >= 20)} |`,
  );
  if (cols['r5'])
    L.push(
      `| ≥ 20× faster than mark.js mark(list) (real) | ${fx(md('r5'))} | lowest ${minOf('r5')} | ${count('r5', (x) => x >= 20)} |`,
    );
  L.push(
    `| zero long tasks (sliced scan, real) | ${md('lt')} | worst ${Math.max(...(cols['lt'] ?? [0]))} | ${count('lt', (x) => x === 0)} |`,
  );
  L.push(
    `| zero long tasks (sliced scan, +10k) | ${md('lt10')} | worst ${Math.max(...(cols['lt10'] ?? [0]))} | ${count('lt10', (x) => x === 0)} |`,
  );
  const slicedOverhead = median(
    results
      .map((r) => r.v['sliced:real']!.med() / r.v['scan:real']!.med())
      .filter((x, i) => Number.isFinite(x) && (cols['floor']![i] ?? 0) >= MIN_FLOOR_MS),
  );
  L.push(
    '',
    `Time slicing: the sliced scan's main-thread CPU is a median ${fx(slicedOverhead)} of the one-pass scan's (pages with floor ≥ ${MIN_FLOOR_MS} ms).`,
  );

  L.push('', '### The same in wall-clock time (noisier: the machine is shared)', '');
  L.push(
    '| | floor ms | scan ms | scan +10k ms | mark.js re ms | scan / floor | scan+10k / floor | mark.js re / scan |',
    '|---|---|---|---|---|---|---|---|',
  );
  L.push(
    `| median of ${results.length} pages | ${f1(md('floorWall'))} | ${f1(md('scanWall'))} | ${f1(md('scan10Wall'))} | ${mdx('reWall')} | ${fx(md('w1'))} | ${fx(md('w2'))} | ${fx(md('w3'))} |`,
  );

  // No-terms pages: the content script's whole main-thread cost vs the floor.
  const noTerms = results.filter((r) => (r.match['markre:real']?.scanner ?? -1) === 0);
  L.push('', '### Pages with no health terms: content-script main-thread time vs floor', '');
  L.push(
    'Content-script total = per-page matcher setup (JSON.parse + loadMatcher of the prebuilt trie, or compileMatcher) + main-thread CPU of the ' +
      'time-sliced scan (createScanner), same load. Pages: the generated no-terms page and every page where the scanner found nothing. Target: ≤ 1.5× floor.',
    '',
  );
  L.push(
    '| page | floor ms | scan ms (sync) | scan / floor | matcher setup ms | sliced scan cpu ms | total ms | total / floor |',
    '|---|---|---|---|---|---|---|---|',
  );
  const nt: number[] = [];
  const ntSum = { floor: 0, total: 0 };
  const ntScan: number[] = [];
  for (const { page, v } of noTerms) {
    const floor = v['floor']!.med();
    const sl = v['sliced:real']!;
    const total = median(sl.runs.filter((r) => !r.error).map((r) => Number(r['compileMs']) + Number(r['cpu'])));
    if (floor >= MIN_FLOOR_MS) {
      nt.push(total / floor);
      ntScan.push(v['scan:real']!.med() / floor);
    }
    ntSum.floor += floor;
    ntSum.total += total;
    L.push(
      `| ${page.group === 'real' ? '' : `*${page.group}* `}${page.name} | ${f1(floor)} | ${f1(v['scan:real']!.med())} | ${fx(v['scan:real']!.med() / floor)} | ${f1(sl.med('compileMs'))} | ${f1(sl.med())} | ${f1(total)} | ${fx(total / floor)} |`,
    );
  }
  if (noTerms.length)
    L.push(
      `| **median of the ${nt.length} with floor ≥ ${MIN_FLOOR_MS} ms** | | | ${fx(median(ntScan))} | | | | ${fx(median(nt))} |`,
      `| **all ${noTerms.length} together (Σ total / Σ floor)** | ${f1(ntSum.floor)} | | | | | ${f1(ntSum.total)} | ${fx(ntSum.total / ntSum.floor)} |`,
    );
  else L.push('| (no page without terms in this run) | | | | | | | |');

  L.push('', '## Compile time', '', compileSummary);

  // Matches
  L.push('', '## Matches: scanner vs mark.js', '');
  L.push(
    "Counted as matches (not `<mark>` elements), compared as multisets of normalised texts. mark.js is given the scanner's " +
      "skipped elements as `exclude`; markRegExp uses the scanner's Unicode word rule (lookarounds) and longest-first " +
      `alternation${meta['regexpModifiers'] ? ', with abbreviations case-sensitive via `(?-i:…)`' : ''}; mark() uses accuracy "exactly" with punctuation limiters. ` +
      'The scanner side here is the plain pipeline (every match marked); the real content script additionally holds back ' +
      'ambiguous everyday words (disc, fall, rest…) on pages that are not about health (see the sliced marks).',
    '',
  );
  const agreement = (k: string): string => {
    const done = results.filter((r) => typeof r.match[k]?.markjs === 'number');
    const same = done.filter((r) => r.match[k]!.markjs === r.match[k]!.scanner);
    return `${same.length} of the ${done.length} pages where it finished in time`;
  };
  L.push(
    `Same count as the scanner: markRegExp (real) on ${agreement('markre:real')}; mark() (real) on ${agreement('marklist:real')}; ` +
      `markRegExp (+10k) on ${agreement('markre:10k')} (the +10k list has many overlapping two-word phrases, resolved differently).`,
    '',
  );
  for (const { page, match, v } of results) {
    const lines: string[] = [];
    for (const [k, d] of Object.entries(match)) {
      if (typeof d.markjs !== 'number') continue;
      if (d.markjs === d.scanner && !d.reasons.length) continue;
      lines.push(`  - ${k}: scanner ${d.scanner}, mark.js ${d.markjs}${d.reasons.length ? '' : ' (same count)'}`);
      for (const r of d.reasons) lines.push(`    - ${r}`);
    }
    const slMarks = median(v['sliced:real']!.runs.map((r) => Number(r['marks'])));
    const agreeAll = !lines.length;
    L.push(`- **${page.name}**: ${agreeAll ? 'all agree' : 'differences:'} (sliced content-script marks: ${slMarks})`);
    L.push(...lines);
  }
  L.push('', '## Setup', '');
  for (const [k, x] of Object.entries(meta)) L.push(`- ${k}: ${typeof x === 'object' ? JSON.stringify(x) : String(x)}`);
  return { markdown: L.join('\n') };
}

// ------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const t0 = Date.now();
  log('bundling scripts/bench/page.ts …');
  const code = await bundle();
  const genDir = mkdtempSync(path.join(os.tmpdir(), 'hg-bench-'));
  writeFileSync(path.join(genDir, 'synthetic-5mb.html'), syntheticPage());
  writeFileSync(path.join(genDir, 'no-terms.html'), noTermsPage());
  const server = await serve({
    fixtures: path.join(ROOT, 'tests/fixtures'),
    pages: path.resolve('..', 'shared', 'pages'),
    gen: genDir,
  });
  const list = pages(genDir);
  log(`${list.length} pages, ${RUNS} runs each, variants: ${TIMED.join(', ')}`);

  const { browser, ctx } = await launch(code, server.origin);
  const runner = new Runner(ctx);

  const info = await runner.info(`${server.origin}/fixtures/long-article.html`);
  if (!info['crossOriginIsolated']) log('warning: page is not cross-origin isolated; timer resolution is 100 µs');
  const meta: Record<string, unknown> = {
    date: new Date().toISOString(),
    browser: `Chromium ${browser.version()} (headless, ${os.cpus().length} cores: ${os.cpus()[0]?.model ?? '?'})`,
    runs: `${RUNS} per variant per page, each on a fresh load of the page; medians`,
    pages: `${list.length}${QUICK ? ' (--quick)' : ''}`,
    code: codeVersion(),
    ...info,
  };

  const abbreviations = new Set<string>();
  const results: PageResult[] = [];
  for (const [i, p] of list.entries()) {
    const started = Date.now();
    const r = await benchPage(
      runner,
      `${server.origin}/${p.mount}/${p.file}`,
      p,
      abbreviations.size ? abbreviations : collectAbbr(abbreviations),
    );
    results.push(r);
    const errs = Object.entries(r.v).flatMap(([k, s]) => s.errors.map((e) => `${k}: ${e}`));
    log(
      `[${i + 1}/${list.length}] ${p.name}: floor ${f1(r.v['floor']!.med())} scan ${f1(r.v['scan:real']!.med())} +10k ${f1(r.v['scan:10k']!.med())} markre ${ms(r.v['markre:real'])} (${((Date.now() - started) / 1000).toFixed(0)} s)${errs.length ? ` errors: ${errs.slice(0, 2).join('; ')}` : ''}`,
    );
  }

  await runner.close();
  await browser.close();
  server.close();

  meta['elapsed'] = `${((Date.now() - t0) / 60000).toFixed(1)} min`;
  write(results, meta);
}

/** Compile time: from the sync scan loads (cold, once per page load, as in the content script). */
function compileSummary(results: PageResult[], info: Record<string, unknown>): string {
  const comp = (k: string): number[] => results.flatMap((r) => r.v[k]!.runs.map((x) => Number(x['compileMs'])));
  const first = results[0]?.v['scan:10k']?.runs[0];
  const build = (k: string): number[] => results.flatMap((r) => r.v[k]!.runs.map((x) => Number(x['buildMs'] ?? NaN)));
  const prebuilt = Number.isFinite(median(build('scan:real')));
  return (
    (prebuilt
      ? 'The matcher ships prebuilt (buildTrie at build time); per page the content script pays JSON.parse + loadMatcher. '
      : 'The content script runs compileMatcher on every page. ') +
    `Cold, once per page load, wall ms, medians over all ${comp('scan:real').length} loads: ` +
    `real glossary (${info['terms']} terms, ${info['forms']} forms, ${results[0]?.v['scan:real']?.runs[0]?.['trieNodes'] ?? '?'} trie nodes): per page **${f1(median(comp('scan:real')))} ms**` +
    (prebuilt ? `, build ${f1(median(build('scan:real')))} ms` : '') +
    '; ' +
    `+10k terms (${first?.['terms'] ?? '?'} terms, ${first?.['trieNodes'] ?? '?'} trie nodes): per page **${f1(median(comp('scan:10k')))} ms**` +
    (prebuilt ? `, build ${f1(median(build('scan:10k')))} ms` : '') +
    '.'
  );
}

function write(results: PageResult[], meta: Record<string, unknown>): void {
  const { markdown } = report(results, meta, compileSummary(results, meta));
  const doc = `# Content-script benchmark\n\nGenerated by \`npm run bench\` (scripts/bench/run.ts${args.length ? ` ${args.join(' ')}` : ''}).\n\n${markdown}\n`;
  console.log(doc);
  if (OUT) {
    writeFileSync(OUT, doc);
    log(`written to ${path.relative(process.cwd(), OUT)}`);
  }
  const json = option('json');
  if (json) {
    // Raw per-run numbers, for re-analysis (--from-json) without re-running.
    writeFileSync(
      json,
      JSON.stringify({
        meta,
        results: results.map((r) => ({
          page: r.page,
          match: r.match,
          runs: Object.fromEntries(Object.entries(r.v).map(([k, s]) => [k, s.runs])),
        })),
      }),
    );
    log(`raw numbers written to ${json}`);
  }
}

/** Re-renders the report from the raw numbers of an earlier run (--json), measuring nothing. */
function fromJson(file: string): void {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as {
    meta: Record<string, unknown>;
    results: { page: BenchPage; match: Record<string, Diff>; runs: Record<string, Result[]> }[];
  };
  const results = raw.results.map((r) => ({
    page: r.page,
    match: r.match,
    v: Object.fromEntries(Object.entries(r.runs).map(([k, runs]) => [k, stats(runs)])),
  }));
  write(results, { ...raw.meta, 'report re-rendered': `${new Date().toISOString()} from ${path.basename(file)}` });
}

/** The commit measured, and whether the scanner or matcher had uncommitted changes when bundled. */
function codeVersion(): string {
  try {
    const git = (cmd: string): string => execSync(`git ${cmd}`, { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = git('status --porcelain -- entrypoints glossary') !== '';
    return `${git('rev-parse --short HEAD')}${dirty ? ' + uncommitted changes in entrypoints/ or glossary/' : ''}`;
  } catch {
    return 'unknown (no git)';
  }
}

function collectAbbr(into: Set<string>): Set<string> {
  // Read from the same data the bundle uses.
  const dir = path.join(ROOT, 'glossary/data/terms');
  for (const f of readdirSync(dir))
    for (const t of JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { abbreviations: string[] }[])
      for (const a of t.abbreviations) into.add(a);
  return into;
}

(option('from-json') ? Promise.resolve(fromJson(option('from-json')!)) : main()).catch((e) => {
  console.error(e);
  process.exit(1);
});
