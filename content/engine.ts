// The engine, loaded by the first stage only where a page may hold a term: settings, matcher,
// scanner, painter, watcher and hit-test (the card loads later still, see lazy-tooltip.ts).
import trie from 'virtual:glossary-trie';
import { loadMatcher, type Matcher } from '../glossary/matcher';
import { startHighlighter as start, type Highlighter, type HighlighterOptions } from './highlighter';
import { loadCard } from './load-engine';
import { startSession as session, type PageSession } from './session';

export type { Highlighter, PageSession };
let matcher: Matcher | undefined;

/** Starts marking `doc` with the bundled glossary (see startHighlighter). */
export function startHighlighter(
  doc: Document,
  opts: Omit<HighlighterOptions, 'matcher' | 'loadCard'> & Partial<Pick<HighlighterOptions, 'loadCard'>>,
): Highlighter {
  matcher ??= loadMatcher(trie);
  return start(doc, { loadCard, ...opts, matcher });
}

/** Runs the highlighter on a web page as the settings say (see startSession). */
export function startSession(doc: Document, signal: AbortSignal): PageSession {
  return session(doc, signal, startHighlighter);
}
