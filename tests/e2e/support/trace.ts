import type { CDPSession, Page } from 'playwright-core';

/**
 * Long tasks from a Chromium trace. The `longtask` PerformanceObserver entry type under-reports
 * work done in an extension's isolated world (a 12 s freeze by the content script showed up as one
 * 293 ms entry), so the browser tests read the renderer's own task timeline instead.
 */
export interface TracedTask {
  /** ms since the trace started. */
  start: number;
  duration: number;
  /** What filled the task: the extension's script, the page's script, rendering, parsing... */
  kind: 'extension script' | 'page script' | 'rendering' | 'parsing' | 'browser' | 'other';
  /** Whether the extension's content script was running in this task (it ran JS, or was evaluated). */
  extension: boolean;
  /** The biggest named pieces of the task, for the report. */
  top: string;
  /** Garbage collection inside the task, ms (the page's heap decides how long a full one takes). */
  gcMs: number;
}

export interface Trace {
  tasks: TracedTask[];
  /** ms since trace start when the content script was first evaluated, if it was. */
  contentScriptStart?: number;
  /** ms since trace start of the page's load event, if seen. */
  loadEvent?: number;
}

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: {
    name?: string;
    data?: { url?: string; frame?: string };
    beginData?: { url?: string };
    fileName?: string;
    worldName?: string;
  };
}

const CATEGORIES = ['disabled-by-default-devtools.timeline', 'devtools.timeline', 'v8', 'blink.user_timing', 'renderer'];
/** Work the browser itself does in the page's renderer (reading the page's text for translation). */
const BROWSER_WORK = new Set(['ChromeRenderFrameObserver::CapturePageText']);
/** V8's collections as the timeline names them (one event per collection, not nested). */
const GC = new Set(['MajorGC', 'MinorGC']);
const RENDERING = new Set([
  'Layout',
  'PrePaint',
  'Paint',
  'UpdateLayoutTree',
  'Layerize',
  'Commit',
  'RasterTask',
  'UpdateLayer',
  'HitTest',
]);

/** Runs `body` while tracing the page's renderer, and returns its tasks longer than `thresholdMs`. */
export async function traceLongTasks<T>(
  page: Page,
  extensionId: string | undefined,
  body: () => Promise<T>,
  thresholdMs = 50,
): Promise<{ result: T; trace: Trace }> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  let result: T;
  try {
    result = await body();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach().catch(() => undefined);
  }
  return { result, trace: longTasks(events, extensionId, thresholdMs) };
}

function longTasks(events: TraceEvent[], extensionId: string | undefined, thresholdMs: number): Trace {
  let t0 = Infinity;
  for (const e of events) if (e.ts > 0 && e.ts < t0) t0 = e.ts; // (a spread of a million events overflows the stack)
  const ms = (ts: number): number => (ts - t0) / 1000;
  const fromExtension = (e: TraceEvent): boolean =>
    !!extensionId &&
    ((e.args?.data?.url ?? e.args?.fileName ?? '').includes(extensionId) || e.args?.worldName === 'Health Glossary');
  // The page's renderer main thread: where the page's HTML was parsed.
  const parse = events.find(
    (e) => e.name === 'ParseHTML' && (e.args?.beginData?.url ?? e.args?.data?.url ?? '').startsWith('http'),
  );
  const main = parse ? { pid: parse.pid, tid: parse.tid } : undefined;
  const onMain = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  onMain.sort((a, b) => a.ts - b.ts);
  const cs = onMain.find((e) => e.name === 'EvaluateScript' && fromExtension(e));
  const load = events.find((e) => e.name === 'MarkLoad' || e.name === 'loadEventEnd');

  const tasks: TracedTask[] = [];
  const runTasks = onMain.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) / 1000 > thresholdMs);
  let i = 0;
  for (const task of runTasks) {
    const end = task.ts + (task.dur ?? 0);
    while (i < onMain.length && onMain[i]!.ts < task.ts) i++;
    const inside: TraceEvent[] = [];
    for (let j = i; j < onMain.length && onMain[j]!.ts < end; j++) if (onMain[j] !== task) inside.push(onMain[j]!);
    const extension = inside.some(fromExtension);
    const pageScript = inside.some(
      (e) =>
        (e.name === 'EvaluateScript' || e.name === 'FunctionCall' || e.name === 'TimerFire') &&
        !fromExtension(e) &&
        (e.args?.data?.url ?? '').startsWith('http'),
    );
    const sum = (names: (n: string) => boolean): number =>
      inside.filter((e) => names(e.name)).reduce((a, e) => a + (e.dur ?? 0) / 1000, 0);
    const render = sum((n) => RENDERING.has(n));
    const parsing = sum((n) => n === 'ParseHTML');
    const browserWork = sum((n) => BROWSER_WORK.has(n));
    const gcMs = sum((n) => GC.has(n));
    const duration = (task.dur ?? 0) / 1000;
    const kind: TracedTask['kind'] =
      render > duration / 2
        ? 'rendering'
        : parsing > duration / 2
          ? 'parsing'
          : browserWork > duration / 2
            ? 'browser'
            : extension
              ? 'extension script'
              : pageScript
                ? 'page script'
                : 'other';
    const byName = new Map<string, number>();
    for (const e of inside) if ((e.dur ?? 0) > 2000) byName.set(e.name, Math.max(byName.get(e.name) ?? 0, (e.dur ?? 0) / 1000));
    const top = [...byName]
      .filter(([n]) => n !== 'ThreadControllerImpl::RunTask')
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([n, d]) => `${n} ${d.toFixed(0)}`)
      .join(', ');
    tasks.push({ start: ms(task.ts), duration, kind, extension, top, gcMs });
  }
  return { tasks, contentScriptStart: cs ? ms(cs.ts) : undefined, loadEvent: load ? ms(load.ts) : undefined };
}
