import { HIGHLIGHT_NAMES, HIGHLIGHT_PREFIX as PREFIX } from '../../../content/mark-style';
import { HOST_TAG } from '../../../content/scan';
import { MEASURE_PREFIX } from '../../../content/scanner';
import { EXPLAIN_MENU_ID } from '../../../messaging/protocol';
// Functions evaluated inside the page under test (main world). They read what the extension
// did through public page APIs only: the CSS highlight registry and the tooltip's open shadow root.

/** The highlight of underlined marks on a light page, and the card's host element, as the content script names them. */
export const HIGHLIGHT: string = HIGHLIGHT_NAMES.underline;
export const HOST: string = HOST_TAG;
/** The scanner's measure of its first scan, and the context menu's "Explain" entry. */
export const SCAN_MEASURE = `${MEASURE_PREFIX}scan`;
export const MENU_ID: string = EXPLAIN_MENU_ID;

/**
 * Which highlight a probe reads. The extension registers its one Highlight under a name that depends
 * on the mark style and on whether the page is dark (health-glossary, health-glossary-dark,
 * health-glossary-soft...): `UNDERLINED` is the default look on a light page only, for the tests that
 * check that look; `ANY_LOOK` is whichever name is registered.
 */
export interface Which {
  name: string;
  /** Every name that begins with `name`. */
  anyLook?: boolean;
}
export const UNDERLINED: Which = { name: HIGHLIGHT_NAMES.underline };
export const ANY_LOOK: Which = { name: PREFIX, anyLook: true };

/** The text of every marked range, in insertion order. */
export function markedTexts({ name, anyLook }: Which): string[] {
  if (typeof CSS === 'undefined' || !CSS.highlights) return [];
  for (const [key, h] of CSS.highlights)
    if (anyLook ? key.startsWith(name) : key === name) return [...h].map((r) => (r as Range).toString());
  return [];
}

/** The text of every marked range whose start or end lies inside an element matching `selector` (across inline tags). */
export function marksInside({ name, anyLook, selector }: Which & { selector: string }): string[] {
  const out: string[] = [];
  const elementOf = (n: Node): Element | null => (n.nodeType === 1 ? (n as Element) : n.parentElement);
  for (const [key, h] of CSS.highlights ?? []) {
    if (anyLook ? !key.startsWith(name) : key !== name) continue;
    for (const r of h) {
      const range = r as Range;
      if ([range.startContainer, range.endContainer].some((n) => elementOf(n)?.closest(selector))) out.push(range.toString());
    }
  }
  return out;
}

/**
 * The first marked range whose text is `text` and/or that starts inside `inside`: its box and centre
 * (viewport coordinates) and its text; with `scroll`, scrolled to the middle of the view first.
 */
export function findMark({ name, anyLook, text, inside, scroll }: Which & { text?: string; inside?: string; scroll?: boolean }): {
  x: number;
  y: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
  innerWidth: number;
  text: string;
} | null {
  for (const [key, h] of CSS.highlights ?? []) {
    if (anyLook ? !key.startsWith(name) : key !== name) continue;
    for (const r of h) {
      const range = r as Range;
      if (text !== undefined && range.toString() !== text) continue;
      if (inside !== undefined && !range.startContainer.parentElement?.closest(inside)) continue;
      if (scroll) range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const b = range.getClientRects()[0];
      if (b)
        return {
          x: b.left + b.width / 2,
          y: b.top + b.height / 2,
          left: b.left,
          top: b.top,
          right: b.right,
          bottom: b.bottom,
          innerWidth,
          text: range.toString(),
        };
    }
  }
  return null;
}

/** Takes the highlight out of the registry (`back` false) or puts it back, to see the page without marks. */
export function toggleHighlight({ name, back }: { name: string; back: boolean }): void {
  const w = window as unknown as { hgSaved?: Highlight };
  if (back) {
    if (w.hgSaved) CSS.highlights.set(name, w.hgSaved);
  } else {
    w.hgSaved = CSS.highlights.get(name);
    CSS.highlights.delete(name);
  }
}

/** Visible text of the tooltip card, or '' when none is shown. */
export function tooltipText(host: string): string {
  const box = document.querySelector(host)?.shadowRoot?.querySelector('.tippy-box');
  if (!box) return '';
  const root = box.closest('[data-tippy-root]') as HTMLElement | null;
  if (root && getComputedStyle(root).visibility === 'hidden') return '';
  return (box as HTMLElement).innerText ?? box.textContent ?? '';
}

/** Geometry and style facts about the shown tooltip, to prove it is styled and on top. */
export function tooltipFacts(host: string): {
  rect: { top: number; left: number; bottom: number; right: number };
  background: string;
  topElementIsHost: boolean;
} | null {
  const box = document.querySelector(host)?.shadowRoot?.querySelector('.tippy-box') as HTMLElement | null;
  if (!box) return null;
  const r = box.getBoundingClientRect();
  const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return {
    rect: { top: r.top, left: r.left, bottom: r.bottom, right: r.right },
    background: getComputedStyle(box).backgroundColor,
    topElementIsHost: top?.localName === host,
  };
}

/** Whether the tooltip card is shown (tippy's visible state on a laid-out box). */
export function tooltipVisible(host: string): boolean {
  const box = document.querySelector(host)?.shadowRoot?.querySelector('.tippy-box[data-state="visible"]');
  if (!box) return false;
  const root = box.closest('[data-tippy-root]');
  // Fully faded in, so screenshots show the finished card.
  return (
    !!root &&
    getComputedStyle(root).visibility !== 'hidden' &&
    getComputedStyle(box).opacity === '1' &&
    box.getBoundingClientRect().height > 0
  );
}

/** What every highlight name of the extension begins with (see `Which`). */
export const HIGHLIGHT_PREFIX: string = PREFIX;

/** Size of the extension's highlight, or -1 while none is registered (content script not run yet). */
export function highlightSize(prefix: string): number {
  if (typeof CSS === 'undefined' || !CSS.highlights) return -1;
  for (const [key, h] of CSS.highlights) if (key.startsWith(prefix)) return h.size;
  return -1;
}

/** Installed before the page's scripts (init script): records long tasks and long animation frames. */
export function installJankObserver(): void {
  interface Frame {
    start: number;
    duration: number;
    blocking: number;
    render: number;
    scripts: { url: string; invoker: string; duration: number }[];
  }
  const jank = {
    longTasks: [] as { start: number; duration: number }[],
    frames: [] as Frame[],
    /** Heartbeat: a 10 ms timer chain; a late beat means the main thread was blocked that long. */
    beats: [] as { start: number; lateMs: number }[],
  };
  (window as unknown as { __hgJank: typeof jank }).__hgJank = jank;
  const observe = (type: string, fn: (e: PerformanceEntry) => void): void => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(fn)).observe({ type, buffered: true });
    } catch {
      // Not supported in this browser (Firefox has neither entry type).
    }
  };
  observe('longtask', (e) => jank.longTasks.push({ start: e.startTime, duration: e.duration }));
  // Works in every browser (Firefox has no longtask entries): only beats later than 50 ms are kept.
  let due = performance.now() + 10;
  const beat = (): void => {
    const now = performance.now();
    if (now - due > 50) jank.beats.push({ start: due, lateMs: now - due });
    due = now + 10;
    setTimeout(beat, 10);
  };
  setTimeout(beat, 10);
  observe('long-animation-frame', (e) => {
    const f = e as PerformanceEntry & {
      blockingDuration: number;
      renderStart: number;
      scripts: { sourceURL: string; invoker: string; duration: number }[];
    };
    jank.frames.push({
      start: f.startTime,
      duration: f.duration,
      blocking: f.blockingDuration,
      render: f.renderStart ? f.startTime + f.duration - f.renderStart : 0,
      scripts: f.scripts.map((s) => ({ url: s.sourceURL, invoker: s.invoker, duration: s.duration })),
    });
  });
}

/** What `installJankObserver` recorded after `since` (ms on the page's clock). */
export function jankSince(since: number): {
  supported: boolean;
  longTasks: { start: number; duration: number }[];
  beats: { start: number; lateMs: number }[];
  frames: {
    start: number;
    duration: number;
    blocking: number;
    render: number;
    scripts: { url: string; invoker: string; duration: number }[];
  }[];
} {
  const jank = (window as unknown as { __hgJank?: ReturnType<typeof jankSince> }).__hgJank;
  if (!jank) return { supported: false, longTasks: [], beats: [], frames: [] };
  return {
    supported: PerformanceObserver.supportedEntryTypes.includes('longtask'),
    longTasks: jank.longTasks.filter((t) => t.start + t.duration > since),
    beats: jank.beats.filter((b) => b.start + b.lateMs > since),
    frames: jank.frames.filter((f) => f.start + f.duration > since),
  };
}

/** Whether the tooltip card is shown: its tippy root is visible and its box is in the visible state. */
export function tooltipShown(host: string): boolean {
  const root = document.querySelector(host)?.shadowRoot?.querySelector('[data-tippy-root]') as HTMLElement | null | undefined;
  if (!root) return false;
  return getComputedStyle(root).visibility !== 'hidden' && root.querySelector('.tippy-box[data-state="visible"]') !== null;
}

/**
 * Marks of the extension's highlight that fall inside the element `selector` (light DOM of this
 * document), as text, in document order; `stale` counts collapsed ranges (their text left).
 */
export function marksWithin({ prefix, selector }: { prefix: string; selector: string }): {
  texts: string[];
  stale: number;
  total: number;
} {
  let h: Highlight | undefined;
  for (const [key, value] of CSS.highlights ?? []) if (key.startsWith(prefix)) h = value;
  if (!h) return { texts: [], stale: 0, total: -1 };
  const scope = document.querySelector(selector);
  const ranges = [...h] as Range[];
  const inside = ranges.filter((r) => !r.collapsed && scope?.contains(r.startContainer));
  inside.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
  return {
    texts: inside.map((r) => r.toString()),
    stale: ranges.filter((r) => r.collapsed || !r.startContainer.isConnected).length,
    total: ranges.length,
  };
}
