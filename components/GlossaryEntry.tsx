import { termById } from '../glossary/terms';
import type { Term } from '../glossary/types';
import { categoryLabel } from './categories';
import type { ItemProps } from './GlossaryList';
import { Heading, type Level } from './Heading';
import { t } from './i18n';
import { displayName } from './letters';
import { Picture } from './Picture';
import { ListenButton } from './ListenButton';
import { loadPictureSvg } from './picture-source';
import { Sources } from './Sources';
import { T_SCORE_PICTURE, TScoreCheck } from './TScoreCheck';

/** Other names worth showing: abbreviations, then variants that are not just the name re-cased. */
export function otherNames(term: Term): string[] {
  const own = term.term.toLowerCase();
  return [...term.abbreviations, ...term.variants.filter((v) => v.toLowerCase() !== own)];
}

/** "2026-12-01" -> "1 December 2026": the month spelled out, so no reader takes 01/12 for 12 January. */
export function reviewedLabel(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/**
 * A full glossary-page entry. Its id is the bare term id, so `glossary.html#kyphosis` lands here;
 * `target` highlights it when it was the link's destination.
 */
export function GlossaryEntry({ term, matched, level, target }: ItemProps & { level: Level; target?: boolean }) {
  const names = otherNames(term);
  const related = term.related.flatMap((id) => termById.get(id) ?? []);
  return (
    <article id={term.id} class={target ? 'entry is-target' : 'entry'} tabIndex={-1} aria-labelledby={`${term.id}-name`}>
      <header class="entry-head">
        <Heading level={level} id={`${term.id}-name`} class="term-name">
          {displayName(term)}
        </Heading>
        <span class={`badge cat-${term.category}`}>
          <span class="visually-hidden">{t('category')} </span>
          {categoryLabel(term.category)}
        </span>
      </header>
      {matched && <p class="matched">{t('matched', matched)}</p>}
      <p class="say">
        {term.pronunciation && (
          <>
            {t('sayIt')} <span class="respelling">{term.pronunciation}</span>{' '}
          </>
        )}
        <ListenButton term={term} class="secondary listen" />
      </p>
      <p class="definition">{term.definition}</p>
      <p class="details">{term.details}</p>
      {term.picture === T_SCORE_PICTURE ? (
        <TScoreCheck id={`${term.id}-check`} />
      ) : (
        term.picture && <Picture id={term.picture} load={loadPictureSvg} caption class="picture-large" />
      )}
      {names.length > 0 && (
        <p class="names">
          <span class="label">{t('alsoCalled')}</span> {names.join(', ')}
        </p>
      )}
      {related.length > 0 && (
        <div class="related">
          <span class="label">{t('related')} </span>
          <ul class="inline-list">
            {related.map((r) => (
              <li key={r.id}>
                <a href={`#${r.id}`}>{displayName(r)}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <Sources sources={term.sources} />
      {term.reviewed && (
        <p class="reviewed">
          <time dateTime={term.reviewed}>{t('reviewed', reviewedLabel(term.reviewed))}</time>
        </p>
      )}
    </article>
  );
}
