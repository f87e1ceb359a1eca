// "Never break a page": pages written to be hard on a content script (tests/fixtures/hostile/).
// Behaviour in Chromium and Firefox; cost (long tasks, heap) measured in Chromium, where the
// DevTools protocol can trace the renderer.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileMatcher } from '../../glossary/matcher';
import { TERMS } from '../../glossary/terms';
import { SCAN_MEASURES, type ScanMeasure } from './support/chromium-raw';
import {
  ANY_LOOK,
  findMark,
  HIGHLIGHT_PREFIX,
  highlightSize,
  HOST,
  installJankObserver,
  jankSince,
  markedTexts,
  marksWithin,
  SCAN_MEASURE,
  tooltipFacts,
  tooltipShown,
  tooltipText,
  tooltipVisible,
} from './support/page-probes';
import { steady, until } from './support/poll';
import { SHOTS } from './support/paths';
import { serve, type StaticServer } from './support/server';
import { openTab, type BrowserName, type Tab, type TabBrowser } from './support/tabs';
import { traceLongTasks, type TracedTask } from './support/trace';
import { waitForMarksToSettle } from './support/wait-scan';

const FIXTURES = path.resolve('tests/fixtures/hostile');
const BROWSER_NAMES: BrowserName[] = ['chromium', 'firefox'];
const matcher = compileMatcher(TERMS);

/** The strict policies `csp.html` is served with (`?policy=`), from the server as a real site sends them. */
const POLICIES: Record<string, string> = {
  // No page script, style sheet, font or image may load.
  'default-src-none': "default-src 'none'",
  // Any string assigned to innerHTML and similar sinks throws (as on Google's sites).
  'trusted-types': "require-trusted-types-for 'script'; trusted-types 'none'",
};
const headersFor = (file: string, query: URLSearchParams): Record<string, string> => {
  const policy = path.basename(file) === 'csp.html' ? POLICIES[query.get('policy') ?? ''] : undefined;
  return policy ? { 'content-security-policy': policy } : {};
};

/** For the spans the tests measure over (an app's ticks, a quiet page): never to wait for a state. */
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Whether a page function returns something truthy within `timeoutMs`. */
const poll = <A>(tab: Tab, fn: (arg: A) => unknown, arg: A, timeoutMs = 10_000): Promise<boolean> =>
  until(() => tab.evaluate(fn as (arg: A) => unknown, arg), Boolean, fn.name || 'a page state', { timeoutMs }).then(
    () => true,
    () => false,
  );

const settle = (tab: Tab, opts?: Parameters<typeof waitForMarksToSettle>[2]) =>
  waitForMarksToSettle((fn, arg) => tab.evaluate(fn, arg), HIGHLIGHT_PREFIX, opts);

/** Glossary matches the content script should mark in `text` (every page here is a health page). */
const expectedMarks = (text: string): string[] => matcher.find(text).map((m) => text.slice(m.start, m.end));

/** Whether `text` is exactly one whole glossary term (what a mark must always cover). */
const isWholeTerm = (text: string): boolean => {
  const found = matcher.find(text);
  return found.length === 1 && found[0]!.start === 0 && found[0]!.end === text.length;
};

describe.each(BROWSER_NAMES)('hostile pages in %s', (name) => {
  let server: StaticServer;
  let otherOrigin: StaticServer;
  let withExt: TabBrowser;
  let plain: TabBrowser;
  let tab: Tab;

  beforeAll(async () => {
    server = await serve({ hostile: FIXTURES }, headersFor);
    // Another port is another origin: the cross-origin iframe comes from here.
    otherOrigin = await serve({ hostile: FIXTURES }, headersFor);
    [withExt, plain] = await Promise.all([openTab(name, { extension: true }), openTab(name, { extension: false })]);
    tab = withExt.tab;
  }, 120_000);

  afterAll(async () => {
    await withExt?.close();
    await plain?.close();
    await server?.close();
    await otherOrigin?.close();
  });

  describe('(a) an app that re-renders marked text every 50 ms', () => {
    it('should keep the app working, its text right, and the marks on the current text', async () => {
      const WINDOW_MS = 3000;
      const ticksIn = async (t: Tab): Promise<{ ticks: number; mismatches: number }> => {
        const before = await t.evaluate(() => (window as unknown as { app: { ticks: number } }).app.ticks, null);
        await sleep(WINDOW_MS);
        const after = await t.evaluate(() => {
          const app = (window as unknown as { app: { ticks: number; mismatches: number } }).app;
          return { ticks: app.ticks, mismatches: app.mismatches };
        }, null);
        return { ticks: after.ticks - before, mismatches: after.mismatches };
      };

      await plain.tab.goto(server.url('hostile/rerender.html'));
      const baseline = await ticksIn(plain.tab);

      await tab.goto(server.url('hostile/rerender.html'));
      expect(
        await poll(
          tab,
          (p) => CSS.highlights !== undefined && [...CSS.highlights.keys()].some((k) => k.startsWith(p)),
          HIGHLIGHT_PREFIX,
        ),
      ).toBe(true);
      // While the app runs: every mark that is not collapsed covers exactly one whole term.
      const wrong: string[] = [];
      let stale = 0;
      let samples = 0;
      const sampling = (async () => {
        const end = Date.now() + WINDOW_MS;
        while (Date.now() < end) {
          const m = await tab.evaluate(marksWithin, { prefix: HIGHLIGHT_PREFIX, selector: '#app' });
          wrong.push(...m.texts.filter((t) => !isWholeTerm(t)));
          stale = Math.max(stale, m.stale);
          samples++;
          await sleep(150);
        }
      })();
      const running = await ticksIn(tab);
      await sampling;

      // Then stop the app: once our rescans catch up, the marks are exactly the current text's terms.
      await tab.evaluate(() => (window as unknown as { app: { pause(): void } }).app.pause(), null);
      await steady(() => tab.evaluate(marksWithin, { prefix: HIGHLIGHT_PREFIX, selector: 'body' }), { timeoutMs: 5000 });
      const texts = await tab.evaluate(
        () => ({
          live: document.getElementById('live')!.textContent ?? '',
          items: [...document.querySelectorAll('#list li')].map((li) => li.textContent ?? ''),
        }),
        null,
      );
      const live = await tab.evaluate(marksWithin, { prefix: HIGHLIGHT_PREFIX, selector: '#live' });
      const list = await tab.evaluate(marksWithin, { prefix: HIGHLIGHT_PREFIX, selector: '#list' });
      const all = await tab.evaluate(marksWithin, { prefix: HIGHLIGHT_PREFIX, selector: 'body' });
      await tab.evaluate(() => (window as unknown as { app: { resume(): void } }).app.resume(), null);

      console.log(
        `[${name}] re-rendering app: ${running.ticks} ticks in ${WINDOW_MS} ms with the extension, ${baseline.ticks} without; ` +
          `${samples} samples, most collapsed (stale) ranges at once: ${stale}; after pause: highlight holds ${all.total} ranges, ${all.stale} stale`,
      );
      expect(running.mismatches, 'the app saw its own text changed under it').toBe(0);
      expect(running.ticks, 'the app kept its pace').toBeGreaterThanOrEqual(Math.floor(baseline.ticks * 0.8));
      expect(wrong, 'marks that cover something other than one whole term').toEqual([]);
      expect(live.texts).toEqual(expectedMarks(texts.live));
      expect(list.texts).toEqual(texts.items.flatMap(expectedMarks));
      expect(all.stale, 'collapsed ranges left in the highlight (they leak as the app runs)').toBe(0);
      expect(tab.errors).toEqual([]);
      expect(tab.extensionErrors()).toEqual([]);
    });
  });

  describe.each(Object.keys(POLICIES))('(b) a page served with a strict policy: %s', (policy) => {
    const file = `csp.html?policy=${policy}`;
    it('should mark terms and show a styled tooltip on hover', async () => {
      tab.errors.length = 0;
      await tab.goto(server.url(`hostile/${file}`));
      const settled = await settle(tab, { timeoutMs: 5000 });
      const marked = await tab.evaluate(markedTexts, ANY_LOOK);
      expect(settled.size).toBeGreaterThan(3);
      expect(marked).toEqual(expect.arrayContaining(['Osteoporosis', 'kyphosis', 'vertebral compression fracture']));

      const at = await tab.evaluate(findMark, { ...ANY_LOOK, text: 'kyphosis' });
      expect(at).not.toBeNull();
      await tab.mouseMove(at!.x - 40, at!.y + 60);
      await tab.mouseMove(at!.x, at!.y);
      expect(await poll(tab, tooltipShown, HOST), 'tooltip shown').toBe(true);
      // Faded in fully before the screenshot.
      expect(await poll(tab, tooltipVisible, HOST), 'tooltip faded in').toBe(true);
      const facts = await tab.evaluate(tooltipFacts, HOST);
      await tab.screenshot(path.join(SHOTS, `hostile-csp-${policy}-${name}.png`));
      expect(facts!.background).not.toBe('rgba(0, 0, 0, 0)');
      expect(facts!.topElementIsHost).toBe(true);
      // The browser itself reports the policy blocking its favicon request (Firefox): only errors
      // that the page does not raise without the extension count.
      plain.tab.errors.length = 0;
      await plain.tab.goto(server.url(`hostile/${file}`));
      await sleep(300);
      expect(tab.errors.filter((e) => !plain.tab.errors.includes(e))).toEqual([]);
      expect(tab.extensionErrors()).toEqual([]);
    });
  });

  describe('(d) one text node of 5 MB', () => {
    it('should paint no mark in it, yet explain a term under the pointer', async () => {
      tab.errors.length = 0;
      await tab.goto(server.url('hostile/huge-text.html'), 90_000);
      // The first term, scrolled to the middle of the viewport; its box, read once by the test.
      const at = await tab.evaluate(() => {
        const text = document.getElementById('huge')!.firstChild as Text;
        const start = text.data.indexOf('osteoporosis');
        const range = new Range();
        range.setStart(text, start);
        range.setEnd(text, start + 'osteoporosis'.length);
        const before = range.getBoundingClientRect();
        window.scrollTo(0, before.top + window.scrollY - window.innerHeight / 2);
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }, null);
      let shown = false;
      // The scan of 5 MB takes a moment: hover again until the card shows.
      for (let i = 0; i < 20 && !shown; i++) {
        await tab.mouseMove(at.x - 40, at.y + 60);
        await tab.mouseMove(at.x, at.y);
        shown = await poll(tab, tooltipShown, HOST, 500);
      }
      expect(shown, 'tooltip shown for a term in the giant text node').toBe(true);
      expect(await tab.evaluate(tooltipText, HOST), 'the card explains osteoporosis').toMatch(/osteoporosis/i);
      expect(await tab.evaluate(highlightSize, HIGHLIGHT_PREFIX), 'painted marks').toBe(0);
      expect(tab.extensionErrors()).toEqual([]);
    }, 120_000);
  });

  describe('(c) shadow roots and frames', () => {
    let marked: string[];
    beforeAll(async () => {
      tab.errors.length = 0;
      await tab.goto(server.url(`hostile/shadow.html?cross=${encodeURIComponent(otherOrigin.url('').replace(/\/$/, ''))}`));
      await settle(tab, { timeoutMs: 5000 });
      marked = await tab.evaluate(markedTexts, ANY_LOOK);
      await tab.screenshot(path.join(SHOTS, `hostile-shadow-${name}.png`));
    }, 60_000);

    it.each([
      ['the light DOM', 'Osteoporosis'],
      ['an open shadow root', 'Denosumab'],
      ['a shadow root nested in another', 'Sciatica'],
      ['a declarative shadow root', 'Kyphoplasty'],
    ])('should mark terms in %s', (_where, term) => {
      expect(marked).toContain(term);
    });

    it('should not reach into a closed shadow root', () => {
      expect(marked).not.toContain('Osteomalacia');
    });

    it('should mark terms in a shadow root attached after the first scan', async () => {
      // late-box is defined 1.5 s after load: no light-DOM mutation tells the observer about it.
      const found = await poll(
        tab,
        (p) => {
          for (const [key, h] of CSS.highlights ?? [])
            if (key.startsWith(p)) return [...h].some((r) => (r as Range).toString() === 'Spinal stenosis');
          return false;
        },
        HIGHLIGHT_PREFIX,
        5000,
      );
      expect(found, 'Spinal stenosis in <late-box> shadow root, attached 1.5 s after load').toBe(true);
    });

    it("should mark terms in a same-origin iframe, in the frame's own highlight", async () => {
      const origin = new URL(server.url('')).host;
      const inFrame = await tab.evaluateInFrame(`${origin}/hostile/frame.html`, markedTexts, ANY_LOOK);
      expect(inFrame).toEqual(expect.arrayContaining(['Bisphosphonates', 'bone density test']));
    });

    it('should leave a cross-origin iframe alone', async () => {
      const origin = new URL(otherOrigin.url('')).host;
      const frame = await tab.evaluateInFrame(
        `${origin}/hostile/frame.html`,
        ({ p, h }) => ({
          // Reading markup to compare it, never writing it.
          // eslint-disable-next-line no-restricted-properties
          html: document.body.innerHTML,
          size: (() => {
            for (const [key, h] of CSS.highlights ?? []) if (key.startsWith(p)) return h.size;
            return -1;
          })(),
          host: document.querySelector(h) !== null,
        }),
        { p: HIGHLIGHT_PREFIX, h: HOST },
      );
      expect(frame, 'the cross-origin frame loaded').toBeDefined();
      const source = readFileSync(path.join(FIXTURES, 'frame.html'), 'utf8');
      expect(frame!.html.trim()).toBe(source.slice(source.indexOf('<body>') + 6, source.indexOf('</body>')).trim());
      expect(frame!.host).toBe(false);
      console.log(`[${name}] cross-origin iframe: highlight size ${frame!.size} (-1: the content script did not run there)`);
      expect(frame!.size, 'marks inside a cross-origin frame').toBeLessThanOrEqual(0);
    });

    it('should raise no errors on the page with shadow roots and frames', async () => {
      const srcdoc = await tab.evaluateInFrame('about:srcdoc', markedTexts, ANY_LOOK);
      console.log(
        `[${name}] srcdoc iframe marks: ${JSON.stringify(srcdoc)} (the content script does not run in about:srcdoc frames)`,
      );
      expect(tab.errors).toEqual([]);
      expect(tab.extensionErrors()).toEqual([]);
    });
  });

  describe('(e) documents that are not HTML', () => {
    const notHtml = () => [
      ['an SVG document', server.url('hostile/image.svg')],
      ['an XML document', server.url('hostile/data.xml')],
      ['a text/plain file', server.url('hostile/notes.txt')],
      ['about:blank', 'about:blank'],
    ];
    it.each([0, 1, 2, 3])(
      'should raise no errors and make no marks in document %i (SVG, XML, text/plain, about:blank)',
      async (i) => {
        const [what, url] = notHtml()[i]!;
        tab.errors.length = 0;
        await tab.goto(url!);
        await sleep(1500);
        const size = await tab.evaluate(highlightSize, HIGHLIGHT_PREFIX);
        const info = await tab.evaluate(
          () => ({
            type: document.contentType,
            root: document.documentElement?.localName,
            text: document.body?.innerText ?? null,
          }),
          null,
        );
        console.log(`[${name}] ${what}: ${info.type}, <${info.root}>, highlight size ${size}`);
        expect(tab.errors).toEqual([]);
        expect(tab.extensionErrors()).toEqual([]);
        if (what === 'a text/plain file') {
          // The browser shows it as <pre>, which the scanner skips: nothing marked, text unchanged.
          expect(info.text?.trim()).toBe(readFileSync(path.join(FIXTURES, 'notes.txt'), 'utf8').trim());
        }
        expect(size).toBeLessThanOrEqual(0);
      },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// (d) Size: big, deep and growing pages. The page's own work is measured too (the same page
// without the extension), so what is left is ours.

interface SizeCase {
  fixture: string;
  what: string;
  growing?: boolean;
  /** Holds visible terms: once the page is still, some marks must be painted. */
  paints?: boolean;
}
const SIZES: SizeCase[] = [
  { fixture: 'many-nodes.html', what: '100,000 text nodes in 10,000 paragraphs', paints: true },
  { fixture: 'many-nodes.html?layout=one-block', what: '100,000 text nodes in one block', paints: true },
  // Marks in a text node over a million characters are explained but not painted (LIMITS.paintGiantTextChars in content/limits.ts).
  { fixture: 'huge-text.html', what: 'one 5 MB text node' },
  { fixture: 'deep.html?hidden', what: '10,000 nested divs (out of layout)' },
  { fixture: 'deep.html?hidden&kind=span', what: '10,000 nested spans (out of layout)' },
  { fixture: 'deep.html?depth=2000&kind=span', what: '2,000 nested spans, rendered', paints: true },
  { fixture: 'growth.html?mode=blocks', what: '+10,000 nodes/s for 10 s, as paragraphs', growing: true, paints: true },
  { fixture: 'growth.html?mode=inline', what: '+10,000 nodes/s for 10 s, into one block', growing: true, paints: true },
];
/** The 90th percentile (0 for none). */
const p90 = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length * 0.9)] ?? 0;
/** Generous: the point is to catch unbounded growth (a leak per mutation), not to weigh bytes. */
const HEAP_LIMIT_MB = 200;
/** A long task with none of our code in it counts against us from this long (ms). */
const UNATTRIBUTED_MS = 75;
/** Loads of a page without the extension to learn its own long tasks, when ours shows more. */
const MAX_PLAIN_LOADS = 3;

interface RunResult {
  marks: number;
  settled: boolean;
  scan?: ScanMeasure;
  /** Long tasks after the content script started (static pages) or containing its script (growing pages). */
  ours: TracedTask[];
  /** All long tasks after load, for comparison with the run without the extension. */
  afterLoad: TracedTask[];
  /** Durations of the rendering tasks over 5 ms after load (Chromium). */
  frames: number[];
  longtaskApi: number;
  maxTimerLateMs: number;
  heap?: { usedMB: number; embedderMB: number };
  errors: string[];
  extensionErrors: string[];
  fixture: { maxLateMs?: number; ticks?: number };
}

describe.each(BROWSER_NAMES)('hostile page sizes in %s', (name) => {
  let server: StaticServer;
  let withExt: TabBrowser;
  let plain: TabBrowser;
  const rows: Record<string, string | number>[] = [];

  beforeAll(async () => {
    server = await serve({ hostile: FIXTURES });
    [withExt, plain] = await Promise.all([openTab(name, { extension: true }), openTab(name, { extension: false })]);
    for (const b of [withExt, plain]) {
      // Init scripts: esbuild-style `__name` helpers may appear in serialised functions.
      if (b.tab.pw) {
        await b.tab.pw.context().addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
        await b.tab.pw.context().addInitScript(installJankObserver);
      } else if (b.tab.pp) {
        await b.tab.pp.evaluateOnNewDocument('globalThis.__name ??= (f) => f;');
        await b.tab.pp.evaluateOnNewDocument(installJankObserver);
      }
    }
  }, 120_000);

  afterAll(async () => {
    console.log(`\nhostile page sizes, ${name} (ext = with the extension, plain = without; long tasks > 50 ms; heap after GC):`);
    console.table(rows);
    await withExt?.close();
    await plain?.close();
    await server?.close();
  });

  const run = async (b: TabBrowser, c: SizeCase, extension: boolean): Promise<RunResult> => {
    const tab = b.tab;
    tab.errors.length = 0;
    tab.world?.exceptions.splice(0);
    tab.world?.consoleErrors.splice(0);
    const body = async (): Promise<{ marks: number; settled: boolean }> => {
      await tab.goto(server.url(`hostile/${c.fixture}`), 90_000);
      if (c.growing)
        await until(
          () => tab.evaluate(() => (window as unknown as { __hgFixture: { done: boolean } }).__hgFixture.done, null),
          Boolean,
          `${c.fixture} done growing`,
          { timeoutMs: 60_000, everyMs: 250 },
        );
      if (!extension) {
        await sleep(1500);
        return { marks: -1, settled: true };
      }
      // A block that kept changing is painted only once it has been quiet for a second.
      const s = await settle(tab, { stableMs: c.growing ? 2500 : 1000, timeoutMs: 60_000, pollMs: 250 });
      return { marks: s.size, settled: s.settled };
    };
    let outcome: { marks: number; settled: boolean };
    let ours: TracedTask[] = [];
    let afterLoad: TracedTask[] = [];
    let frames: number[] = [];
    if (tab.pw) {
      // Tasks from 5 ms up, so a growing page's frame times can be compared, not just counted.
      const { result, trace } = await traceLongTasks(tab.pw, b.extensionId, body, 5);
      outcome = result;
      const loaded = trace.loadEvent ?? 0;
      frames = trace.tasks.filter((t) => t.start >= loaded && t.kind === 'rendering').map((t) => t.duration);
      trace.tasks = trace.tasks.filter((t) => t.duration > 50);
      afterLoad = trace.tasks.filter((t) => t.start >= loaded);
      // A still page does nothing after its load: every long task after our script started is ours.
      ours = c.growing
        ? trace.tasks.filter((t) => t.extension)
        : trace.tasks.filter((t) => trace.contentScriptStart !== undefined && t.start >= trace.contentScriptStart);
    } else outcome = await body();
    const fixture = await tab.evaluate(
      () =>
        (window as unknown as { __hgFixture: { maxLateMs?: number; ticks?: number; built?: number; started?: number } })
          .__hgFixture,
      null,
    );
    const jank = await tab.evaluate(jankSince, fixture.built ?? fixture.started ?? 0);
    const measures = (await tab
      .evaluate(new Function(`return ${SCAN_MEASURES}`) as () => ScanMeasure[], null)
      .catch(() => [])) as ScanMeasure[];
    return {
      ...outcome,
      scan: measures.find((m) => m.name === SCAN_MEASURE),
      ours,
      afterLoad,
      frames,
      longtaskApi: jank.longTasks.length,
      maxTimerLateMs: Math.max(0, ...jank.beats.map((b) => b.lateMs)),
      heap: await tab.world?.heap(),
      errors: [...tab.errors],
      extensionErrors: tab.extensionErrors(),
      fixture: { maxLateMs: fixture.maxLateMs, ticks: fixture.ticks },
    };
  };

  it.each(SIZES)(
    'should survive $what ($fixture) without errors, long tasks of its own or unbounded heap',
    async (c) => {
      const base = await run(plain, c, false);
      const ext = await run(withExt, c, true);
      const script = ext.ours.filter((t) => t.kind !== 'rendering');
      const render = ext.ours.filter((t) => t.kind === 'rendering');
      const fmt = (ts: TracedTask[]): string =>
        ts.length ? `${ts.length}, max ${Math.max(...ts.map((t) => t.duration)).toFixed(0)}` : '0';
      const heapDiff =
        ext.heap && base.heap ? ext.heap.usedMB + ext.heap.embedderMB - (base.heap.usedMB + base.heap.embedderMB) : undefined;
      rows.push({
        page: c.fixture,
        marks: ext.marks,
        'scan wall/busy ms': ext.scan ? `${ext.scan.duration.toFixed(0)} / ${ext.scan.busyMs.toFixed(0)}` : '-',
        'our script tasks': name === 'chromium' ? fmt(script) : 'n/a',
        'our render tasks': name === 'chromium' ? fmt(render) : 'n/a',
        'tasks after load ext/plain': name === 'chromium' ? `${ext.afterLoad.length} / ${base.afterLoad.length}` : 'n/a',
        'frame p90 ms ext/plain':
          name === 'chromium' && c.growing ? `${p90(ext.frames).toFixed(0)} / ${p90(base.frames).toFixed(0)}` : '-',
        'longtask API ext/plain': `${ext.longtaskApi} / ${base.longtaskApi}`,
        'timer late max ext/plain': `${ext.maxTimerLateMs.toFixed(0)} / ${base.maxTimerLateMs.toFixed(0)}`,
        'page tick late max ext/plain': c.growing
          ? `${ext.fixture.maxLateMs?.toFixed(0)} / ${base.fixture.maxLateMs?.toFixed(0)}`
          : '-',
        'heap MB ext (js+dom)': ext.heap ? `${ext.heap.usedMB.toFixed(1)}+${ext.heap.embedderMB.toFixed(0)}` : 'n/a',
        'heap MB plain': base.heap ? `${base.heap.usedMB.toFixed(1)}+${base.heap.embedderMB.toFixed(0)}` : 'n/a',
        'heap diff MB': heapDiff === undefined ? 'n/a' : heapDiff.toFixed(1),
      });
      if (render.length)
        console.log(
          `[${name}] ${c.fixture}: long rendering tasks: ${render.map((t) => `${t.duration.toFixed(0)} ms (${t.top})`).join('; ')}`,
        );
      if (script.length)
        console.log(
          `[${name}] ${c.fixture}: our long tasks: ${script.map((t) => `${t.duration.toFixed(0)} ms (${t.kind}, ${t.gcMs.toFixed(0)} ms garbage collection: ${t.top})`).join('; ')}`,
        );

      // Soft: every number that is out of bounds is reported, not just the first.
      expect.soft(ext.errors, 'page errors with the extension').toEqual(base.errors);
      expect.soft(ext.extensionErrors, 'exceptions in the content script').toEqual([]);
      if (c.paints) expect.soft(ext.marks, 'marks painted once the page is still').toBeGreaterThan(0);
      expect.soft(ext.settled, 'marks settled within 60 s').toBe(true);
      if (heapDiff !== undefined)
        expect.soft(heapDiff, 'heap (JS + DOM) above the same page without the extension, MB').toBeLessThan(HEAP_LIMIT_MB);
      if (c.growing)
        expect
          .soft(ext.fixture.maxLateMs ?? 0, "the page's own 100 ms ticks: most late, ms (without the extension: +200 ms allowed)")
          // The margin absorbs a busy CI machine: the same page alone was 10 to 450 ms late here,
          // and one clean-clone run in Firefox saw 161 ms against 10 alone.
          .toBeLessThanOrEqual((base.fixture.maxLateMs ?? 0) + 200);
      if (name === 'chromium') {
        // Any long task that ran the content script's code fails outright, unless the browser's own
        // work filled it (Chromium's page-text capture, 48 of 50 ms, with a microtask of ours after it).
        // A full garbage collection's last pause is set by the page's heap (100,000 nodes here: 12-33
        // ms measured) and lands in whatever task runs when marking ends, so it is not counted as
        // our script; the heap check above holds what we allocate to account.
        expect
          .soft(
            script
              .filter((t) => t.extension && t.kind !== 'browser' && t.duration - t.gcMs > 50)
              .map((t) => `${t.duration.toFixed(0)} ms (${t.gcMs.toFixed(0)} ms of it collecting garbage) ${t.kind} ${t.top}`),
            'long tasks (> 50 ms) running our script',
          )
          .toEqual([]);
        // On a still page, a long task after our script started with none of our code in it (a
        // garbage collection, the page's own work) counts against us only beyond what the same
        // page has without the extension. Chromium reading the page's text for its translate
        // feature (once per load, 60 ms on 100,000 nodes) is the browser's, wherever it falls.
        // Such a task only just over 50 ms (52 ms seen once in CI, on a 2-core machine running two
        // browsers) is the machine's noise; a collection our allocations forced would run far longer.
        // A page alone varies from load to load (one 90 ms collection in one CI run, none in
        // others), so when ours shows more, the page is loaded alone again, up to
        // MAX_PLAIN_LOADS, and judged against the most it showed by itself.
        const unattributed = (ts: TracedTask[]): TracedTask[] =>
          ts.filter((t) => t.kind !== 'rendering' && t.kind !== 'browser' && !t.extension && t.duration > UNATTRIBUTED_MS);
        const unattributedOurs = unattributed(script);
        const plainCounts = [unattributed(base.afterLoad).length];
        while (unattributedOurs.length > Math.max(...plainCounts) && plainCounts.length < MAX_PLAIN_LOADS)
          plainCounts.push(unattributed((await run(plain, c, false)).afterLoad).length);
        expect
          .soft(
            Math.max(0, unattributedOurs.length - Math.max(...plainCounts)),
            `long tasks without our code after our script started, beyond the page's own (${unattributedOurs.map((t) => `${t.duration.toFixed(0)} ms, ${t.gcMs.toFixed(0)} ms collecting garbage: ${t.top}`).join('; ') || '0'}; ${plainCounts.join(', ')} in ${plainCounts.length} load(s) without the extension)`,
          )
          .toBe(0);
        // Each change to the Highlight repaints every painted range, and our rescans add to the
        // page's frames. On a still page, the long rendering tasks the page has without the
        // extension too (laying out 5 MB of text) are not ours. A growing page that already makes
        // dozens of long frames of its own (40-60 ms each, varying by a fifth between two runs of
        // the same page) is allowed that variation.
        const renders = (ts: TracedTask[]): number => ts.filter((t) => t.kind === 'rendering').length;
        // A growing page whose own frames take 40-60 ms crosses 50 ms more or less often from run
        // to run; its frames are compared instead: the slowest tenth may be at most 20% (+5 ms)
        // slower than without the extension.
        const frameBudget = p90(base.frames) * 1.2 + 5;
        const extraRender = c.growing
          ? p90(ext.frames) > frameBudget
            ? 1
            : 0
          : Math.min(render.length, Math.max(0, renders(ext.afterLoad) - renders(base.afterLoad)));
        const renderMessage = c.growing
          ? `frames slower with the marks: p90 ${p90(ext.frames).toFixed(0)} ms vs ${p90(base.frames).toFixed(0)} ms without (budget ${frameBudget.toFixed(0)}; long ones ${ext.afterLoad.length} vs ${base.afterLoad.length})`
          : `long rendering tasks caused by the marks (${fmt(render)}; after load ${ext.afterLoad.length} vs ${base.afterLoad.length} without)`;
        // Rendering is the browser drawing our marks: it swings with the machine's load, and one
        // case is a known gap (docs/performance.md). `npm run test:stress` enforces it; `npm test`
        // prints it, so a busy CI machine cannot turn it red while the checks above stay strict.
        if (process.env.HG_STRESS === '1') expect.soft(extraRender, renderMessage).toBe(0);
        else if (extraRender > 0) console.log(`[${name}] ${c.fixture}: not enforced by npm test: ${renderMessage}`);
      }
    },
    240_000,
  );
});
