import type { ComponentChildren } from 'preact';
import type { CardTerm } from '../glossary/types';
import { cardText as t } from './card-i18n';
import { Picture } from './Picture';
import type { PictureLoader } from './picture-meta';

export interface TermCardProps {
  term: CardTerm;
  /** Where "Learn more" leads (the glossary page at this entry); omitted where there is none. */
  learnMoreUrl?: string;
  /** Loads the entry's picture; omitted when pictures are off ("Show pictures in explanations"). */
  loadPicture?: PictureLoader;
  /** The card's buttons (save, "I know this word", listen), where the card can act. */
  actions?: ComponentChildren;
}

/** The tooltip card: term, pronunciation, plain definition, other names, and a link for more. */
export function TermCard({ term, learnMoreUrl, loadPicture, actions }: TermCardProps) {
  const aliases = [...term.abbreviations, ...term.variants.filter((v) => v.toLowerCase() !== term.term.toLowerCase())];
  return (
    <article class="hg-card" lang="en" aria-label={term.term}>
      <h2 class="hg-term">{term.term}</h2>
      {term.pronunciation && (
        <p class="hg-say">
          {t('sayIt')} {term.pronunciation}
        </p>
      )}
      <p class="hg-definition">{term.definition}</p>
      {term.picture && loadPicture && <Picture id={term.picture} load={loadPicture} class="hg-picture" />}
      {aliases.length > 0 && (
        <p class="hg-aliases">
          {t('alsoCalled')} {aliases.slice(0, 4).join(', ')}
        </p>
      )}
      {actions}
      <p class="hg-footer">
        {learnMoreUrl && (
          <a href={learnMoreUrl} target="_blank" rel="noopener" aria-label={t('learnMoreFor', term.term)}>
            {t('learnMore')}
          </a>
        )}
        <span class="hg-source">
          {t('sourceLabel')} {[...new Set(term.sources.map((s) => s.org))].join(', ')}
        </span>
      </p>
    </article>
  );
}
