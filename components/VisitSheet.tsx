import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { parseSaved, savedTermsItem } from '../settings/my-terms';
import {
  parseVisitSheet,
  VISIT_SHEET_LIMITS,
  visitSheetDefaults,
  visitSheetItem,
  type VisitSheetState,
} from '../settings/visit-sheet';
import { Disclaimer } from './Disclaimer';
import { t } from './i18n';
import { useStored } from './useStored';
import {
  buildSheet,
  nextPicked,
  pageIdsFrom,
  sheetText,
  sourcesLine,
  type SheetGroup,
  type SheetTerm,
} from './visit-sheet-model';

/** FileSaver.js waits 40 s before revoking: Firefox may still be reading the Blob just after the click. */
const REVOKE_AFTER_MS = 40_000;

/** A term list on the sheet: each name with its plain definition. */
function TermSection({ id, title, terms }: { id: string; title: string; terms: readonly SheetTerm[] }) {
  if (terms.length === 0) return null;
  return (
    <section class="sheet-section sheet-term-list" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <dl class="sheet-terms">
        {terms.map((s) => (
          <div class="sheet-term" key={s.id}>
            <dt>{s.name}</dt>
            <dd>{s.definition}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** One group of questions to tick; on paper only the ticked ones show, numbered. */
function QuestionFieldset(props: { group: SheetGroup; disabled: boolean; onTick: (key: string, ticked: boolean) => void }) {
  const { group } = props;
  const none = group.questions.every((q) => !q.ticked);
  return (
    <fieldset class={none ? 'sheet-group none-ticked' : 'sheet-group'} disabled={props.disabled}>
      <legend>{group.heading}</legend>
      {group.note && <p class="note small">{group.note}</p>}
      <ol class="sheet-questions">
        {group.questions.map((q) => {
          const id = `sheet-q-${q.key.replace('/', '--')}`;
          return (
            <li key={q.key} class={q.ticked ? 'ticked' : 'unticked'}>
              <input type="checkbox" id={id} checked={q.ticked} onChange={(e) => props.onTick(q.key, e.currentTarget.checked)} />
              <label for={id}>{q.text}</label>
            </li>
          );
        })}
      </ol>
    </fieldset>
  );
}

/**
 * The visit sheet page (`visit-sheet.html`): the reader's saved terms and those of the page named by
 * `?page=id1,id2`, questions to tick, their own questions and notes, to print or copy for an
 * appointment. Ticks, own questions and notes are kept in local storage.
 */
export function VisitSheet({ win = window, today }: { win?: Window; today?: Date }) {
  const date = useMemo(() => today ?? new Date(), [today]);
  const pageIds = useMemo(() => pageIdsFrom(win.location.search), [win]);
  const [saved] = useStored(savedTermsItem, parseSaved);
  const [stored, save] = useStored(visitSheetItem, parseVisitSheet);
  const [includeSaved, setIncludeSaved] = useState(true);
  const [includePage, setIncludePage] = useState(true);
  // Typed text stays local: a storage echo of an older keystroke must not move the caret.
  const [notesDraft, setNotesDraft] = useState<string | undefined>(undefined);
  const [ownInput, setOwnInput] = useState('');
  const [status, setStatus] = useState('');
  const ownRef = useRef<HTMLInputElement>(null);

  const state = stored ?? visitSheetDefaults();
  const notes = notesDraft ?? state.notes;
  const loading = stored === undefined;
  const model = useMemo(
    () =>
      buildSheet({
        saved: saved ?? [],
        pageIds,
        includeSaved,
        includePage,
        picked: state.picked,
        own: state.own,
        notes,
        date,
      }),
    [saved, pageIds, includeSaved, includePage, state.picked, state.own, notes, date],
  );

  useEffect(() => {
    win.document.title = t('sheetPageTitle');
  }, [win]);

  const update = (patch: Partial<VisitSheetState>) => save({ ...state, notes, ...patch });

  const onAdd = (e: Event) => {
    e.preventDefault();
    const text = ownInput.trim().slice(0, VISIT_SHEET_LIMITS.ownQuestionChars);
    if (!text || state.own.length >= VISIT_SHEET_LIMITS.ownQuestions) return;
    setOwnInput('');
    void update({ own: [...state.own, text] });
  };

  const onRemove = (index: number) => {
    void update({ own: state.own.filter((_, i) => i !== index) });
    // The button goes away with its question: keep keyboard focus on the list's input.
    ownRef.current?.focus();
  };

  const onCopy = async () => {
    try {
      await win.navigator.clipboard.writeText(sheetText(model));
      setStatus(t('sheetCopied'));
    } catch {
      setStatus(t('sheetCopyFailed'));
    }
  };

  const onDownload = () => {
    const url = URL.createObjectURL(new Blob([sheetText(model)], { type: 'text/plain;charset=utf-8' }));
    const a = win.document.createElement('a');
    a.href = url;
    a.download = `visit-sheet-${model.isoDate}.txt`;
    win.document.body.append(a);
    a.click();
    a.remove();
    win.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  };

  const full = state.own.length >= VISIT_SHEET_LIMITS.ownQuestions;
  return (
    <div class="page visit-sheet">
      <a class="skip no-print" href="#sheet-main">
        {t('skipToContent')}
      </a>
      <header class="page-head">
        <h1>{t('sheetTitle')}</h1>
        <p class="sheet-intro no-print">{t('sheetIntro')}</p>
        <p class="sheet-date">
          <time dateTime={model.isoDate}>{model.dateText}</time>
        </p>
        <div class="sheet-actions no-print" role="group" aria-label={t('sheetActions')}>
          <button type="button" onClick={() => win.print()}>
            {t('sheetPrint')}
          </button>
          <button type="button" class="secondary" onClick={() => void onCopy()}>
            {t('sheetCopy')}
          </button>
          <button type="button" class="secondary" onClick={onDownload}>
            {t('sheetDownload')}
          </button>
          <p class="status" role="status">
            {status}
          </p>
        </div>
      </header>
      <div class="page-body">
        <main id="sheet-main" class="page-main" tabIndex={-1}>
          {saved !== undefined && !model.empty && (
            <fieldset class="choice sheet-include no-print">
              <legend>{t('sheetInclude')}</legend>
              <div class="radio">
                <input
                  type="checkbox"
                  id="sheet-include-saved"
                  checked={includeSaved}
                  onChange={(e) => setIncludeSaved(e.currentTarget.checked)}
                />
                <label for="sheet-include-saved">{t('sheetIncludeSaved')}</label>
              </div>
              {model.hasPageTerms && (
                <div class="radio">
                  <input
                    type="checkbox"
                    id="sheet-include-page"
                    checked={includePage}
                    onChange={(e) => setIncludePage(e.currentTarget.checked)}
                  />
                  <label for="sheet-include-page">{t('sheetIncludePage')}</label>
                </div>
              )}
            </fieldset>
          )}

          {saved !== undefined && model.empty && (
            <section class="sheet-section no-print" aria-labelledby="sheet-saved-h">
              <h2 id="sheet-saved-h">{t('sheetSavedHeading')}</h2>
              <p class="empty">{t('sheetEmpty')}</p>
            </section>
          )}
          {saved !== undefined && (
            <>
              <TermSection id="sheet-saved-h" title={t('sheetSavedHeading')} terms={model.saved} />
              <TermSection id="sheet-page-h" title={t('sheetPageHeading')} terms={model.page} />
            </>
          )}

          <section class="sheet-section sheet-asks" aria-labelledby="sheet-questions-h">
            <h2 id="sheet-questions-h">{t('sheetQuestionsHeading')}</h2>
            {model.groups.map((g) => (
              <QuestionFieldset
                key={`${g.kind}/${g.id}`}
                group={g}
                disabled={loading}
                onTick={(key, ticked) => void update({ picked: nextPicked(state.picked, model, key, ticked) })}
              />
            ))}

            <div class={state.own.length === 0 ? 'sheet-own is-empty' : 'sheet-own'}>
              <h3>{t('sheetOwnHeading')}</h3>
              {state.own.length > 0 && (
                <ol class="sheet-own-list">
                  {state.own.map((q, i) => (
                    <li key={`${i}:${q}`}>
                      <span class="sheet-own-text">{q}</span>
                      <button
                        type="button"
                        class="secondary no-print"
                        aria-label={t('sheetOwnRemoveLabel', q)}
                        onClick={() => onRemove(i)}
                      >
                        {t('sheetOwnRemove')}
                      </button>
                    </li>
                  ))}
                </ol>
              )}
              <form class="add-site no-print" onSubmit={onAdd}>
                <label for="sheet-own-input">{t('sheetOwnLabel')}</label>
                <div class="add-row">
                  <input
                    ref={ownRef}
                    type="text"
                    id="sheet-own-input"
                    value={ownInput}
                    maxLength={VISIT_SHEET_LIMITS.ownQuestionChars}
                    disabled={loading || full}
                    aria-describedby={full ? 'sheet-own-full' : undefined}
                    onInput={(e) => setOwnInput(e.currentTarget.value)}
                  />
                  <button type="submit" disabled={loading || full}>
                    {t('sheetOwnAdd')}
                  </button>
                </div>
                {full && (
                  <p class="hint" id="sheet-own-full">
                    {t('sheetOwnFull', VISIT_SHEET_LIMITS.ownQuestions)}
                  </p>
                )}
              </form>
            </div>
          </section>

          <section class="sheet-section sheet-notes" aria-labelledby="sheet-notes-h">
            <h2 id="sheet-notes-h">
              <label for="sheet-notes">{t('sheetNotes')}</label>
            </h2>
            <textarea
              id="sheet-notes"
              class="no-print"
              rows={6}
              value={notes}
              maxLength={VISIT_SHEET_LIMITS.notes}
              disabled={loading}
              onInput={(e) => {
                const v = e.currentTarget.value.slice(0, VISIT_SHEET_LIMITS.notes);
                setNotesDraft(v);
                void save({ ...state, notes: v });
              }}
            />
            {/* On paper the notes are text; an empty box leaves room to write at the visit. */}
            <p class="sheet-notes-print print-only">{notes}</p>
          </section>
          <p class="sheet-sources">{sourcesLine(model)}</p>
        </main>
      </div>
      <Disclaimer />
    </div>
  );
}
