import { glossaryUrl } from '../components/links';
import { startHighlighter } from './engine';
import './marks.css';

/** Headings, names and lists of names on the extension's own pages: they are the terms themselves. */
const OWN_PAGE_SKIP =
  'h1, h2, h3, h4, nav, [role="tablist"], .entry-head, .term-name, .names, .related, .say, .matched, .sources, .my-name, .found-name';

/**
 * Marks and explains glossary terms inside the extension's own pages (popup overview, glossary page),
 * just as the content script does on the web. `learnMore` says where a card's link goes.
 */
export function explainOwnPage(learnMore: 'this-page' | 'glossary-page'): void {
  startHighlighter(document, {
    signal: new AbortController().signal,
    // Extension pages are bundled with code splitting: the card is an ordinary chunk here.
    loadCard: () => import('./card'),
    skipSelector: OWN_PAGE_SKIP,
    // An entry does not explain its own term to itself (glossary.html#kyphosis, inside #kyphosis).
    skipMatch: (termId, node) => node.parentElement?.closest(`[id="${CSS.escape(termId)}"]`) != null,
    learnMoreUrl: (t) => (learnMore === 'this-page' ? `#${t.id}` : glossaryUrl({ termId: t.id })),
  });
}
