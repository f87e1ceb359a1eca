import { useState } from 'preact/hooks';
import type { CardTerm } from '../glossary/types';
import { parseSaved, saveTerm, savedTermsItem, setKnown, unsaveTerm, type WriteProblem } from '../settings/my-terms';
import { cardText as t } from './card-i18n';
import { CheckIcon, StarIcon } from './icons';
import { ListenButton } from './ListenButton';
import { useStored } from './useStored';

const problemText = (p: WriteProblem): string =>
  p === 'limit' ? t('saveLimit') : p === 'full' ? t('storageFull') : t('storageFailed');

/**
 * The card's buttons: Save (to My terms), "I know this word" (no longer marked anywhere) and Listen.
 * `announce` speaks a result through the card's live region, which outlives the card's content.
 */
export function CardActions({ term, announce }: { term: CardTerm; announce?: (message: string) => void }) {
  const [saved] = useStored(savedTermsItem, parseSaved);
  const [problem, setProblem] = useState('');
  const isSaved = saved?.some((s) => s.id === term.id) ?? false;

  const toggleSave = async (): Promise<void> => {
    const result = isSaved ? await unsaveTerm(term.id) : await saveTerm(term.id);
    if (!result.ok) return setProblem(problemText(result.problem));
    setProblem('');
    announce?.(isSaved ? t('unsavedDone', term.term) : t('savedDone', term.term));
  };
  const know = async (): Promise<void> => {
    const result = await setKnown(term.id, true);
    if (!result.ok) return setProblem(problemText(result.problem));
    announce?.(t('knownDone', term.term));
  };

  return (
    <div class="hg-actions">
      <button type="button" class="hg-action" onClick={() => void toggleSave()} disabled={saved === undefined}>
        <StarIcon filled={isSaved} />
        {isSaved ? t('savedLabel') : t('saveLabel')}
      </button>
      <button type="button" class="hg-action" onClick={() => void know()}>
        <CheckIcon />
        {t('knowThis')}
      </button>
      <ListenButton term={term} class="hg-action" />
      {problem && (
        <p class="hg-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
