import { useCallback, useEffect, useState } from 'preact/hooks';
import type { TermsReply } from '../messaging/protocol';
import { termById } from '../glossary/terms';
import { knownTermsItem, parseKnown, setKnown } from '../settings/my-terms';
import { jumpTo, requestTerms } from './active-tab';
import { ownPagesBase } from './links';
import { noAccessReason, type NoAccessReason } from './page-access';
import { visitSheetUrl } from './links';
import { t, type MessageKey } from './i18n';
import { displayName } from './letters';
import { useStored } from './useStored';

type State =
  { kind: 'loading' } | { kind: 'unavailable'; reason: NoAccessReason } | { kind: 'ready'; counts: TermsReply['counts'] };

/** The message for each reason a tab has no terms to show. */
const WHY: Record<NoAccessReason, MessageKey> = {
  pdf: 'onPageWhyPdf',
  document: 'onPageWhyDocument',
  'old-browser': 'onPageWhyOldBrowser',
  source: 'onPageWhySource',
  'browser-page': 'onPageWhyBrowser',
  'own-page': 'onPageWhyOwn',
  store: 'onPageWhyStore',
  file: 'onPageWhyFile',
  reload: 'onPageWhyReload',
  unknown: 'onPageUnavailable',
};

/** How often, in words: "once", "3 times". */
export const timesText = (n: number) => (n === 1 ? t('onPageCountOnce') : t('onPageCountMany', n));

/**
 * The popup's "On this page" tab: the terms the tab's content script marked, with counts; choosing
 * one scrolls the page to its next occurrence. `tabId` is undefined when there is no tab to ask;
 * `url` when the browser does not show the tab's address.
 */
export function OnThisPage({ tabId, url, marking }: { tabId: number | undefined; url?: string; marking: boolean | undefined }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [status, setStatus] = useState('');
  const [known] = useStored(knownTermsItem, parseKnown);

  const load = useCallback(async () => {
    if (tabId === undefined) return setState({ kind: 'unavailable', reason: 'unknown' });
    setState({ kind: 'loading' });
    const reply = await requestTerms(tabId);
    const reason = noAccessReason(reply, url, ownPagesBase());
    setState(reason || !reply ? { kind: 'unavailable', reason: reason ?? 'unknown' } : { kind: 'ready', counts: reply.counts });
  }, [tabId, url]);

  // Again whenever marking is switched on or off: the content script applies it live.
  useEffect(() => {
    void load();
  }, [load, marking]);

  const jump = async (termId: string) => {
    if (tabId === undefined) return;
    const name = displayName(termById.get(termId)!);
    const reply = await jumpTo(tabId, termId);
    if (!reply) setState({ kind: 'unavailable', reason: 'reload' });
    else setStatus(reply.found ? t('onPageShown', name) : t('onPageNotFound', name));
  };

  return (
    <div class="on-page">
      {state.kind === 'loading' && <p class="note">{t('onPageLoading')}</p>}
      {state.kind === 'unavailable' && <p class="note notice">{t(WHY[state.reason])}</p>}
      {state.kind === 'ready' && marking === false && <p class="note notice">{t('onPageOff')}</p>}
      {state.kind === 'ready' && marking !== false && state.counts.length === 0 && <p class="note">{t('onPageEmpty')}</p>}
      {state.kind === 'ready' && marking !== false && state.counts.length > 0 && (
        <>
          <p class="note">{t('onPageIntro')}</p>
          <ul class="found">
            {state.counts.map(([id, count]) => {
              const term = termById.get(id)!;
              // Known words are found but not marked: greyed, with the way back beside them.
              if (known?.includes(id))
                return (
                  <li key={id} class="is-known">
                    <span class="found-name">{displayName(term)}</span>{' '}
                    <span class="count">
                      ({t('onPageKnown')}, {timesText(count)})
                    </span>{' '}
                    <button
                      type="button"
                      class="link"
                      aria-label={t('knownRestoreFor', displayName(term))}
                      onClick={() => void setKnown(id, false)}
                    >
                      {t('knownRestore')}
                    </button>
                  </li>
                );
              return (
                <li key={id}>
                  <button type="button" class="found-term" onClick={() => void jump(id)}>
                    <span class="found-name">{displayName(term)}</span>
                    <span class="count">{timesText(count)}</span>
                  </button>
                  <p class="found-def">{term.definition}</p>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <p class="visually-hidden" role="status">
        {status}
      </p>
      {state.kind === 'ready' && state.counts.length > 0 && (
        <p>
          <a href={visitSheetUrl(state.counts.map(([id]) => id))} target="_blank" rel="noopener">
            {t('sheetFromPage')}
            <span class="visually-hidden"> {t('opensInNewTab')}</span>
          </a>
        </p>
      )}
      {state.kind !== 'loading' && tabId !== undefined && (
        <p>
          <button type="button" class="secondary" onClick={() => void load()}>
            {t('onPageRefresh')}
          </button>
        </p>
      )}
    </div>
  );
}
