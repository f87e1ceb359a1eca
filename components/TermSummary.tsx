import { Heading, type Level } from './Heading';
import { t } from './i18n';
import { displayName } from './letters';
import type { ItemProps } from './GlossaryList';

/** A popup glossary item: name, pronunciation, plain definition and a link to the full entry. */
export function TermSummary({ term, matched, level, href }: ItemProps & { level: Level; href: string }) {
  return (
    <article class="term-summary" aria-labelledby={`sum-${term.id}`}>
      <Heading level={level} id={`sum-${term.id}`} class="term-name">
        {displayName(term)}
        {term.abbreviations.length > 0 && <span class="abbr"> ({term.abbreviations.join(', ')})</span>}
      </Heading>
      {matched && <p class="matched">{t('matched', matched)}</p>}
      {term.pronunciation && (
        <p class="say">
          {t('sayIt')} <span class="respelling">{term.pronunciation}</span>
        </p>
      )}
      <p class="definition">{term.definition}</p>
      <p class="more">
        <a href={href} target="_blank" rel="noopener" aria-label={t('fullEntryFor', displayName(term))}>
          {t('fullEntry')}
        </a>
      </p>
    </article>
  );
}
