import { useState } from 'preact/hooks';
import { termById } from '../glossary/terms';
import {
  knownTermsItem,
  parseKnown,
  parseSaved,
  savedTermsItem,
  setKnown,
  setSaved,
  unsaveTerm,
  type SavedTerm,
  type WriteResult,
} from '../settings/my-terms';
import { t } from './i18n';
import { displayName } from './letters';
import { useStored } from './useStored';

/** A failed write, said plainly; the stored list is unchanged. */
function useWriteProblem(): [string, (r: WriteResult) => boolean] {
  const [problem, setProblem] = useState('');
  const check = (r: WriteResult): boolean => {
    setProblem(r.ok ? '' : r.problem === 'full' ? t('storageFull') : t('storageFailed'));
    return r.ok;
  };
  return [problem, check];
}

/** Words the reader said they know, each with a way back to being marked. */
export function KnownTerms({ headingLevel = 3 }: { headingLevel?: 2 | 3 }) {
  const [known] = useStored(knownTermsItem, parseKnown);
  const [problem, check] = useWriteProblem();
  const [status, setStatus] = useState('');
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const terms = (known ?? []).flatMap((id) => termById.get(id) ?? []);
  return (
    <section class="known-terms" aria-labelledby="known-heading">
      <H id="known-heading">{t('knownHeading')}</H>
      {known !== undefined && terms.length === 0 && <p class="note">{t('knownEmpty')}</p>}
      {terms.length > 0 && (
        <>
          <p class="note">{t('knownIntro')}</p>
          <ul class="my-list">
            {terms.map((term) => (
              <li key={term.id}>
                <span class="my-name">{displayName(term)}</span>
                <button
                  type="button"
                  class="secondary"
                  aria-label={t('knownRestoreFor', displayName(term))}
                  onClick={async () => {
                    if (check(await setKnown(term.id, false))) setStatus(t('knownRestored', displayName(term)));
                  }}
                >
                  {t('knownRestore')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {problem && (
        <p class="note notice" role="alert">
          {problem}
        </p>
      )}
      <p class="visually-hidden" role="status">
        {status}
      </p>
    </section>
  );
}

/**
 * The popup's "My terms": saved terms newest first, each removable, all removable at once with
 * undo; then the words the reader knows. `sheetUrl` links to the visit sheet.
 */
export function MyTerms({ sheetUrl }: { sheetUrl?: string }) {
  const [saved] = useStored(savedTermsItem, parseSaved);
  const [problem, check] = useWriteProblem();
  const [status, setStatus] = useState('');
  /** The list as it was before "Remove all", while it can still be brought back. */
  const [undo, setUndo] = useState<SavedTerm[] | undefined>(undefined);
  const entries = (saved ?? []).flatMap((s) => {
    const term = termById.get(s.id);
    return term ? [{ term, at: s.at }] : [];
  });

  return (
    <div class="my-terms">
      <section aria-labelledby="saved-heading">
        <h3 id="saved-heading">{t('savedHeading')}</h3>
        {saved !== undefined && entries.length === 0 && <p class="note">{t('savedEmpty')}</p>}
        {entries.length > 0 && (
          <ul class="my-list saved-list">
            {entries.map(({ term }) => (
              <li key={term.id}>
                <div class="my-entry">
                  <span class="my-name">{displayName(term)}</span>
                  <p class="my-def">{term.definition}</p>
                </div>
                <button
                  type="button"
                  class="secondary"
                  aria-label={t('savedRemoveFor', displayName(term))}
                  onClick={async () => {
                    if (check(await unsaveTerm(term.id))) setStatus(t('unsavedDone', displayName(term)));
                  }}
                >
                  {t('savedRemove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <p class="my-actions">
          {entries.length > 0 && (
            <button
              type="button"
              class="secondary"
              onClick={async () => {
                const before = saved ?? [];
                if (!check(await setSaved([]))) return;
                setUndo(before);
                setStatus(t('savedAllRemoved', before.length));
              }}
            >
              {t('savedRemoveAll')}
            </button>
          )}
          {undo && (
            <button
              type="button"
              onClick={async () => {
                if (!check(await setSaved(undo))) return;
                setStatus(t('savedRestored', undo.length));
                setUndo(undefined);
              }}
            >
              {t('savedUndo')}
            </button>
          )}
          {sheetUrl && (
            <a href={sheetUrl} target="_blank" rel="noopener">
              {t('sheetMake')}
              <span class="visually-hidden"> {t('opensInNewTab')}</span>
            </a>
          )}
        </p>
        {problem && (
          <p class="note notice" role="alert">
            {problem}
          </p>
        )}
        <p class={undo ? 'note' : 'visually-hidden'} role="status">
          {status}
        </p>
      </section>
      <KnownTerms />
    </div>
  );
}
