import { glossaryUrl } from '../components/links';
import { loadPageSettings, needsRestart, watchKnown, watchSettings } from '../settings/page-settings';
import { isSiteDisabled, type Settings } from '../settings/parse';
import type { Highlighter, HighlighterOptions } from './highlighter';

/** What the first stage may ask of the page's session once the engine is loaded. */
export interface PageSession {
  /** Resolves once the settings are read and the highlighter started (or not, where it is off). */
  ready: Promise<void>;
  counts(): [termId: string, count: number][];
  jump(direction: 1 | -1, termId?: string): Promise<boolean>;
  explain(text: string, range: Range): string | undefined;
}

type Start = (doc: Document, opts: Omit<HighlighterOptions, 'matcher' | 'loadCard'>) => Highlighter;

/**
 * Runs the highlighter while the settings allow it on this page, and applies setting changes live
 * (no reload). Settings are read here, in the engine, so a page without a term never reads them.
 */
export function startSession(doc: Document, signal: AbortSignal, start: Start): PageSession {
  const hostname = doc.location?.hostname ?? '';
  let running: { controller: AbortController; h: Highlighter; settings: Settings } | undefined;
  /** Terms the reader knows (from "I know this word"): applied live, without a rescan. */
  let known: ReadonlySet<string> = new Set();

  const stop = (): void => {
    running?.controller.abort();
    running = undefined;
  };
  const apply = (s: Settings): void => {
    if (signal.aborted) return;
    const on = s.enabled && !isSiteDisabled(hostname, s.disabledSites);
    if (!on) return stop();
    const prev = running?.settings;
    if (running && prev && !needsRestart(prev, s)) {
      if (prev.markStyle !== s.markStyle) running.h.setMarkStyle(s.markStyle);
      running.settings = s;
      return;
    }
    stop();
    const controller = new AbortController();
    signal.addEventListener('abort', () => controller.abort(), { once: true, signal: controller.signal });
    const h = start(doc, {
      signal: controller.signal,
      markStyle: s.markStyle,
      firstOnly: s.occurrences === 'first',
      showDelay: s.tooltipDelay,
      showPictures: s.showPictures,
      known,
      learnMoreUrl: (t) => glossaryUrl({ termId: t.id }),
    });
    running = { controller, h, settings: s };
  };
  signal.addEventListener('abort', stop, { once: true });
  signal.addEventListener('abort', quietly(watchSettings(apply)), { once: true });
  const setKnown = (ids: string[]): void => {
    known = new Set(ids);
    running?.h.setKnown(known);
  };
  signal.addEventListener('abort', quietly(watchKnown(setKnown)), { once: true });
  const ready = loadPageSettings().then(({ settings, known: ids }) => {
    known = new Set(ids);
    apply(settings);
  });

  return {
    ready,
    counts: () => running?.h.counts() ?? [],
    jump: (direction, termId) => running?.h.jump(direction, termId) ?? Promise.resolve(false),
    explain: (text, range) => running?.h.explain(text, range),
  };
}

/** An unwatch that cannot throw: a session stopped because its extension is gone finds the storage API refusing. */
const quietly =
  (unwatch: () => void): (() => void) =>
  () => {
    try {
      unwatch();
    } catch {
      // Nothing left to unwatch.
    }
  };
