import type { ComponentChildren } from 'preact';
import type { SearchHit } from '../glossary/search';
import type { Term } from '../glossary/types';
import type { Results } from './glossary-results';
import { Heading, type Level } from './Heading';
import { t } from './i18n';
import { LetterNav } from './LetterNav';

export interface ItemProps {
  term: Term;
  /** Set when a search matched another name of the entry ("slipped disc" for herniated disc). */
  matched?: string;
}

/**
 * The A-Z list with letter headings, or ranked search hits without them. `renderItem` draws one
 * entry: a short one in the popup, the full entry on the glossary page.
 */
export function GlossaryList(props: {
  results: Results;
  /** Level of the letter headings. */
  level: Level;
  /** Prefix of the letter anchors, unique per page. */
  prefix: string;
  renderItem: (p: ItemProps) => ComponentChildren;
}) {
  const { results, level, prefix, renderItem } = props;
  const anchor = (letter: string) => `${prefix}-letter-${letter === '#' ? 'other' : letter}`;
  if (results.kind === 'search') {
    if (results.hits.length === 0) return <p class="empty">{t('searchNone', results.query.trim())}</p>;
    return (
      <ul class="entries">
        {results.hits.map((h) => (
          <li key={h.term.id}>{renderItem({ term: h.term, matched: otherName(h) })}</li>
        ))}
      </ul>
    );
  }
  return (
    <div class="az">
      <LetterNav groups={results.groups} anchor={anchor} />
      {results.groups.map((g) => (
        <section key={g.letter} class="letter-group" aria-labelledby={anchor(g.letter)}>
          <Heading level={level} id={anchor(g.letter)} class="letter">
            {g.letter}
          </Heading>
          <ul class="entries">
            {g.terms.map((term) => (
              <li key={term.id}>{renderItem({ term })}</li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** The matched name when it is not just the entry's own name in other letter case. */
function otherName(hit: SearchHit): string | undefined {
  return hit.matched.toLowerCase() === hit.term.term.toLowerCase() ? undefined : hit.matched;
}
