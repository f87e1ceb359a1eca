import { useEffect, useState } from 'preact/hooks';
import { resetSettings } from '../settings/items';
import { MAX_TOOLTIP_DELAY, parseTooltipDelay, type MarkStyle, type Occurrences } from '../settings/parse';
import { addSite, removeSite } from '../settings/sites';
import { Disclaimer } from './Disclaimer';
import { KnownTerms } from './MyTerms';
import { t, type MessageKey } from './i18n';
import { Switch } from './Switch';
import { useSetting } from './useSetting';

const MARK_LABELS: Record<MarkStyle, MessageKey> = {
  underline: 'optMarkUnderline',
  background: 'optMarkBackground',
  off: 'optMarkOff',
};
const OCC_LABELS: Record<Occurrences, MessageKey> = { all: 'optOccAll', first: 'optOccFirst' };

/** Radio buttons in a fieldset, one per allowed value (the keys of `labels`, in their order). */
function Choice<V extends string>(props: {
  name: string;
  legend: string;
  labels: Record<V, MessageKey>;
  /** The stored value (undefined while loading) and how to save another. */
  bind: [V | undefined, (v: V) => void];
  hint?: string;
}) {
  const [value, onChange] = props.bind;
  return (
    <fieldset class="choice" disabled={value === undefined}>
      <legend>{props.legend}</legend>
      {(Object.keys(props.labels) as V[]).map((v) => (
        <div key={v} class="radio">
          <input
            type="radio"
            id={`${props.name}-${v}`}
            name={props.name}
            value={v}
            checked={value === v}
            onChange={() => onChange(v)}
          />
          <label for={`${props.name}-${v}`}>{t(props.labels[v])}</label>
        </div>
      ))}
      {props.hint && <p class="hint">{props.hint}</p>}
    </fieldset>
  );
}

/** The options page: how terms are marked, where, the hover delay, and sites where it never runs. */
export function Options() {
  const [enabled, setEnabled] = useSetting('enabled');
  const [markStyle, setMarkStyle] = useSetting('markStyle');
  const [occurrences, setOccurrences] = useSetting('occurrences');
  const [delay, setDelay] = useSetting('tooltipDelay');
  const [showPictures, setShowPictures] = useSetting('showPictures');
  const [sites, setSites] = useSetting('disabledSites');
  const [siteInput, setSiteInput] = useState('');
  const [siteError, setSiteError] = useState('');
  const [status, setStatus] = useState('');
  // While the slider is dragged: shown at once, saved on release (sync storage limits writes per minute).
  const [draftDelay, setDraftDelay] = useState<number | undefined>(undefined);
  const shownDelay = draftDelay ?? delay;

  useEffect(() => {
    document.title = t('optionsTitle');
  }, []);

  // A change the storage refused (sync storage full): said at the top, the control back as stored.
  const [problem, setProblem] = useState('');
  const attempt = async (write: () => Promise<void>, done: string): Promise<boolean> => {
    try {
      await write();
    } catch (e) {
      setStatus('');
      setProblem(/quota/i.test(String(e)) ? t('optStorageFull') : t('optStorageFailed'));
      return false;
    }
    setProblem('');
    setStatus(done);
    return true;
  };

  // Every control saves at once; the status line says so (and is announced politely).
  const saved =
    <T,>(save: (v: T) => Promise<void>) =>
    async (v: T) => {
      await attempt(() => save(v), t('optSaved'));
    };

  const onAddSite = async (e: Event) => {
    e.preventDefault();
    const result = addSite(sites ?? [], siteInput);
    if (!result.ok) {
      setSiteError(
        result.reason === 'invalid' ? t('optSiteInvalid', siteInput.trim()) : t('optSiteDuplicate', result.site ?? ''),
      );
      return;
    }
    setSiteError('');
    const typed = siteInput;
    setSiteInput('');
    // Not stored: what the reader typed comes back, to try again.
    if (!(await attempt(() => setSites(result.sites), t('optSiteAdded', result.site)))) setSiteInput(typed);
  };

  const onReset = async () => {
    if (!(await attempt(resetSettings, t('optResetDone')))) return;
    setSiteInput('');
    setSiteError('');
  };

  return (
    <div class="page options-page">
      <header class="page-head">
        <h1>{t('optionsTitle')}</h1>
      </header>
      <main class="page-main options">
        {problem && (
          <p class="note notice" role="alert">
            {problem}
          </p>
        )}
        <section aria-labelledby="opt-general">
          <h2 id="opt-general">{t('optGeneral')}</h2>
          <Switch id="opt-enabled" label={t('switchEnabled')} checked={enabled} onChange={saved(setEnabled)} />
        </section>

        <section aria-labelledby="opt-look">
          <h2 id="opt-look">{t('optMarking')}</h2>
          <Choice
            name="mark-style"
            legend={t('optMarkStyle')}
            labels={MARK_LABELS}
            bind={[markStyle, saved(setMarkStyle)]}
            hint={markStyle === 'off' ? t('optMarkOffHint') : undefined}
          />
          <p class="preview" aria-hidden="true">
            <span class="label">{t('optPreview')}</span> <Preview style={markStyle} />
          </p>
          <Choice
            name="occurrences"
            legend={t('optOccurrences')}
            labels={OCC_LABELS}
            bind={[occurrences, saved(setOccurrences)]}
          />
          <div class="slider">
            <label for="opt-delay">{t('optDelay')}</label>
            <div class="slider-row">
              <input
                id="opt-delay"
                type="range"
                min={0}
                max={MAX_TOOLTIP_DELAY}
                step={50}
                value={shownDelay ?? 0}
                disabled={shownDelay === undefined}
                aria-describedby="opt-delay-hint"
                aria-valuetext={shownDelay === undefined ? undefined : t('optDelayValue', shownDelay)}
                onInput={(e) => setDraftDelay(parseTooltipDelay(Number(e.currentTarget.value)))}
                onChange={(e) =>
                  void saved(setDelay)(parseTooltipDelay(Number(e.currentTarget.value))).then(() => setDraftDelay(undefined))
                }
              />
              {/* Shown, not announced: the slider's aria-valuetext already speaks the value. */}
              <output for="opt-delay" aria-hidden="true">
                {shownDelay === undefined ? '' : t('optDelayValue', shownDelay)}
              </output>
            </div>
            <p class="hint" id="opt-delay-hint">
              {t('optDelayHint')}
            </p>
          </div>
          <Switch id="opt-pictures" label={t('optPictures')} checked={showPictures} onChange={saved(setShowPictures)} />
          <p class="hint">{t('optPicturesHint')}</p>
        </section>

        <section aria-labelledby="opt-sites">
          <h2 id="opt-sites">{t('optSites')}</h2>
          <p class="hint">{t('optSitesHint')}</p>
          <form class="add-site" onSubmit={(e) => void onAddSite(e)} noValidate>
            <label for="opt-site">{t('optSiteInput')}</label>
            <div class="add-row">
              <input
                id="opt-site"
                type="text"
                inputMode="url"
                autoComplete="off"
                spellcheck={false}
                placeholder="example.com"
                value={siteInput}
                maxLength={300}
                aria-invalid={siteError ? true : undefined}
                aria-describedby={siteError ? 'opt-site-error' : undefined}
                onInput={(e) => setSiteInput(e.currentTarget.value)}
              />
              <button type="submit">{t('optSiteAdd')}</button>
            </div>
            {siteError && (
              <p class="error" id="opt-site-error">
                {siteError}
              </p>
            )}
          </form>
          {sites && sites.length === 0 && <p class="note">{t('optSitesEmpty')}</p>}
          {sites && sites.length > 0 && (
            <ul class="sites">
              {sites.map((s) => (
                <li key={s}>
                  <span class="site">{s}</span>
                  <button
                    type="button"
                    class="secondary"
                    aria-label={t('optSiteRemove', s)}
                    onClick={() => void attempt(() => setSites(removeSite(sites, s)), t('optSiteRemoved', s))}
                  >
                    {t('optSiteRemoveShort')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>

        <KnownTerms headingLevel={2} />

        <section class="reset">
          <button type="button" class="secondary" onClick={() => void onReset()}>
            {t('optReset')}
          </button>
          <p class="status" role="status">
            {status}
          </p>
        </section>
      </main>
      <Disclaimer />
    </div>
  );
}

const SLOT = '{term}';

/** The sample sentence with its term drawn in the chosen mark style. */
function Preview({ style }: { style: MarkStyle | undefined }) {
  const [before, after] = t('optPreviewText', SLOT).split(SLOT);
  return (
    <span>
      {before}
      <span class={`mark-sample mark-${style ?? 'underline'}`}>{t('optPreviewTerm')}</span>
      {after}
    </span>
  );
}
