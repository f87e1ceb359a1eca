import { compileMatcher, type Matcher } from '../../glossary/matcher';
import type { Term } from '../../glossary/types';
import { followPointer } from './hover';
import { createScanner, type Scanner } from './scanner';
import { createTooltip, type Tooltip } from './tooltip';
import { watchChanges } from './watch';

/** Name of the one Highlight in `CSS.highlights`; `::highlight(health-glossary)` styles it. */
export const HIGHLIGHT_NAME = 'health-glossary';

export interface HighlighterOptions {
  terms: readonly Term[];
  signal: AbortSignal;
  /** Already compiled matcher (the content script compiles once per page). */
  matcher?: Matcher;
  showDelay?: number;
  firstOnly?: boolean;
  learnMoreUrl?: (term: Term) => string | undefined;
}

export interface Highlighter {
  scanner: Scanner;
  tooltip: Tooltip;
  /** Resolves when the first full scan is done. */
  ready: Promise<void>;
}

/**
 * Marks glossary terms in `doc` and explains them on hover, tap and Escape-dismissable card;
 * keeps marks in step with DOM changes. Aborting `signal` removes every trace.
 */
export function startHighlighter(doc: Document, opts: HighlighterOptions): Highlighter {
  const { signal } = opts;
  const byId = new Map(opts.terms.map((t) => [t.id, t]));
  const highlight = new Highlight();
  const registry = (doc.defaultView ?? globalThis).CSS.highlights;
  registry.set(HIGHLIGHT_NAME, highlight);
  signal.addEventListener('abort', () => {
    if (registry.get(HIGHLIGHT_NAME) === highlight) registry.delete(HIGHLIGHT_NAME);
    highlight.clear();
  });

  const scanner = createScanner({
    matcher: opts.matcher ?? compileMatcher(opts.terms),
    ambiguous: new Set(opts.terms.filter((t) => t.ambiguous).map((t) => t.id)),
    highlight,
    signal,
    firstOnly: opts.firstOnly,
  });
  const tooltip = createTooltip({ doc, signal, learnMoreUrl: opts.learnMoreUrl });
  followPointer({ doc, index: scanner.index, tooltip, lookup: (id) => byId.get(id), signal, showDelay: opts.showDelay ?? 250 });

  const root = doc.body ?? doc.documentElement;
  // Watch before the first scan, so text added while it runs is not missed.
  watchChanges(root, ({ scopes, removed }) => void scanner.rescan(scopes, removed), signal);
  const ready = scanner.scan(root);
  return { scanner, tooltip, ready };
}
