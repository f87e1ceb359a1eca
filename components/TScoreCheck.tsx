import { useState } from 'preact/hooks';
import { placeTScore, type TScoreBand } from '../glossary/t-score';
import { t, type MessageKey } from './i18n';
import { Picture } from './Picture';
import { loadPictureSvg } from './picture-source';

/** The picture the T-score form draws its marker on. */
export const T_SCORE_PICTURE = 't-score-scale';

const BAND_MESSAGES: Record<TScoreBand, MessageKey> = {
  normal: 'tscoreNormal',
  'low-bone-mass': 'tscoreLow',
  osteoporosis: 'tscoreOsteoporosis',
};

/** The T-score scale with a box where readers type their own score and see where it falls. */
export function TScoreCheck({ id = 't-score-check' }: { id?: string }) {
  const [input, setInput] = useState('');
  const result = placeTScore(input);
  const message = result.ok
    ? t(BAND_MESSAGES[result.band], input.trim())
    : result.reason === 'not-a-number'
      ? t('tscoreNotNumber', input.trim())
      : '';
  return (
    <div class="tscore-check">
      <Picture id={T_SCORE_PICTURE} load={loadPictureSvg} caption class="picture-large">
        {result.ok && (
          <span
            class={`tscore-marker band-${result.band}`}
            style={{ left: `${(result.position * 100).toFixed(2)}%` }}
            aria-hidden="true"
          />
        )}
      </Picture>
      <form class="tscore-form" onSubmit={(e) => e.preventDefault()} noValidate>
        <label for={id}>{t('tscoreLabel')}</label>
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellcheck={false}
          maxLength={12}
          value={input}
          aria-describedby={`${id}-hint ${id}-result`}
          aria-invalid={result.ok || result.reason === 'empty' ? undefined : true}
          onInput={(e) => setInput(e.currentTarget.value)}
        />
        <p class="hint" id={`${id}-hint`}>
          {t('tscoreHint')}
        </p>
        <p class={result.ok ? `tscore-result band-${result.band}` : 'tscore-result'} id={`${id}-result`} aria-live="polite">
          {message}
        </p>
      </form>
    </div>
  );
}
