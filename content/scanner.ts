import type { Matcher } from '../glossary/matcher';
import { createPageMarker } from '../glossary/mark-text';
import type { Match } from '../glossary/types';
import { MarkIndex, nodeAt } from './marks';
import type { PainterOptions } from './paint/painter';
import { blockOf, isInsideSkipped, textRuns, type TextRun } from './scan';
import { yieldToPage } from './yield';
import { LIMITS } from './limits';

/** The scanner's performance measures are named `<prefix>scan` and `<prefix>rescan` (benchmarks and tests read them). */
export const MEASURE_PREFIX = 'health-glossary:';

export { HEALTH_PAGE_THRESHOLD } from '../glossary/gate';

export interface ScannerOptions {
  /** The glossary matcher; its ambiguous forms (and their compiled cues) come with it. */
  matcher: Matcher;
  highlight: Highlight;
  signal: AbortSignal;
  /** Mark only the first occurrence of each term. */
  firstOnly?: boolean;
  /** Called after marks were added or removed. */
  onChange?: () => void;
  /** Extra elements never to mark (see textRuns). */
  skipSelector?: string;
  /** Called for each open shadow root met, so it can be styled and watched (the caller keeps the registry). */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** Matches not to mark (the glossary page: an entry's own term inside that entry). */
  skipMatch?: (termId: string, node: Text) => boolean;
  /** How marks are painted on pages with very many (see paint/painter). */
  paint?: PainterOptions;
}

export interface Scanner {
  readonly index: MarkIndex;
  /** The first scan of the page: the part in view first, then the rest, in time slices; resolves when done. */
  scan(root: Node): Promise<void>;
  /** Re-marks the given subtrees after they changed or came (a late shadow root), dropping marks of text that changed or left. */
  rescan(scopes: readonly Node[], removed: boolean): Promise<void>;
  /** Whether the page passed the health-page gate (glossary/gate.ts), so ambiguous forms are marked. */
  readonly isHealthPage: boolean;
}

export function createScanner(opts: ScannerOptions): Scanner {
  // The painter's observer, timers and listeners stop with the page session.
  const index = new MarkIndex(opts.highlight, { ...opts.paint, signal: opts.signal });
  opts.signal.addEventListener('abort', () => index.clear(), { once: true });
  // A run is one block or a piece of a huge one; rescans make new runs of the same block.
  const marker = createPageMarker<TextRun>(opts.matcher, { blockKey: (run) => blockOf(run.nodes[0]!) ?? run });
  /** The root of the first full scan (the page's body). */
  let firstRoot: Node | undefined;

  const place = (run: TextRun, match: Match): void => {
    // Asks the index, not a list of terms seen: when the marked occurrence leaves the page, the
    // next one found gets the mark.
    if (opts.firstOnly && index.hasTerm(match.termId)) return;
    if (opts.skipMatch?.(match.termId, run.nodes[nodeAt(run, match.start)]!)) return;
    index.add(run, match);
  };

  /** Marks what `glossary/mark-text` says stands: the sense check and the health-page gate. */
  const take = (run: TextRun, from: number, to: number): boolean => {
    const marks = marker.take(run, run.text, from, to);
    for (const { block, match } of marks) {
      // A match deferred until the gate opened may point at text that left the page since.
      if (block === run || block.nodes.every((n) => n.isConnected)) place(block, match);
    }
    return marks.length > 0;
  };

  /**
   * Walks `roots` (and the open shadow roots found inside, appended as met) in time slices of
   * LIMITS.scanSliceMs, skipping `exclude` inside the root after it (already walked). Returns the
   * busy time, or undefined when the session stopped.
   */
  async function walk(roots: Node[], exclude?: { inView: Element; root: Node }): Promise<number | undefined> {
    const slices = timeSlices(opts.signal);
    let changed = false;
    for (let r = roots.shift(); r; r = roots.shift()) {
      // What is in view goes first; the rest waits behind the page's own work.
      const priority = r === exclude?.inView ? 'user-visible' : 'background';
      const onShadowRoot = (shadow: ShadowRoot): void => {
        roots.push(shadow);
        opts.onShadowRoot?.(shadow);
      };
      for (const run of textRuns(r, r === exclude?.root ? exclude.inView : undefined, onShadowRoot, opts.skipSelector)) {
        if (opts.signal.aborted) return undefined;
        // One huge text node (5 MB) is matched in slices too.
        for (let from = 0; from < run.text.length; from += LIMITS.scanMatchSliceChars) {
          if (from > 0 && slices.spent() && !(await slices.next(priority))) return undefined;
          if (take(run, from, from + LIMITS.scanMatchSliceChars)) changed = true;
        }
        if (slices.spent()) {
          // The painter throttles (LIMITS.paintGapMs): asking at every slice costs nothing.
          index.paint();
          if (changed) opts.onChange?.();
          changed = false;
          if (!(await slices.next(priority))) return undefined;
        }
      }
    }
    index.paint();
    if (changed) opts.onChange?.();
    return slices.busy();
  }

  const measure = (name: 'scan' | 'rescan', start: number, busyMs: number): void => {
    performance.measure(`${MEASURE_PREFIX}${name}`, { start, end: performance.now(), detail: { busyMs, marks: index.size } });
  };

  async function scan(root: Node): Promise<void> {
    const t0 = performance.now();
    firstRoot ??= root;
    // The part of the page in view goes first; the rest of the root is walked around it.
    const inView = viewportBlock(root);
    const busy = await walk(inView ? [inView, root] : [root], inView && { inView, root });
    if (busy !== undefined) measure('scan', t0, busy);
  }

  async function rescan(scopes: readonly Node[], removed: boolean): Promise<void> {
    const t0 = performance.now();
    index.painter.followChanges();
    const before = opts.firstOnly && removed ? index.termIds() : undefined;
    if (removed) index.purgeDisconnected();
    // First-only: a term whose one mark left the page gets its next occurrence marked, wherever it is.
    if (before && firstRoot?.isConnected && [...before].some((id) => !index.hasTerm(id))) scopes = [firstRoot];
    const live = scopes.filter((scope) => scope.isConnected && !isInsideSkipped(scope));
    for (const scope of live) dropMarksWithin(index, scope);
    // One time-sliced pass over every scope: a feed that adds 500 spans a frame is not 500 scans.
    if (live.length) {
      const busy = await walk([...live]);
      if (busy === undefined) return;
      // Only the latest rescan is kept, so a page that changes forever does not grow the timeline.
      performance.clearMeasures(`${MEASURE_PREFIX}rescan`);
      measure('rescan', t0, busy);
    }
    opts.onChange?.();
  }

  return {
    index,
    scan,
    rescan,
    get isHealthPage() {
      return marker.isHealthPage;
    },
  };
}

/** Time slices of a long walk: whether the current one is spent, and a yield to the page that starts the next. */
function timeSlices(signal: AbortSignal) {
  let start = performance.now();
  let busy = 0;
  return {
    spent: (): boolean => performance.now() - start > LIMITS.scanSliceMs,
    /** Yields to the page; false when the session stopped meanwhile. */
    async next(priority: 'user-visible' | 'background'): Promise<boolean> {
      busy += performance.now() - start;
      await yieldToPage(priority);
      start = performance.now();
      return !signal.aborted;
    },
    busy: (): number => busy + performance.now() - start,
  };
}

/**
 * The smallest element around the viewport's centre that covers the viewport's height (an
 * article's column, say), or undefined when that is the whole root anyway.
 */
function viewportBlock(root: Node): Element | undefined {
  const doc = root.ownerDocument;
  const win = doc?.defaultView;
  if (!doc || !win || !(root instanceof Element)) return undefined;
  let el = doc.elementFromPoint(win.innerWidth / 2, win.innerHeight / 3);
  while (el && el !== root && el.getBoundingClientRect().height < win.innerHeight * LIMITS.viewportBlockViewports)
    el = el.parentElement;
  if (!el || el === root || !root.contains(el) || isInsideSkipped(el)) return undefined;
  return el;
}

function dropMarksWithin(index: MarkIndex, scope: Node): void {
  if (scope.nodeType === 3) return index.removeNode(scope as Text);
  const doc = scope.ownerDocument ?? (scope as Document);
  const walker = doc.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (index.has(n as Text)) index.removeNode(n as Text);
}
