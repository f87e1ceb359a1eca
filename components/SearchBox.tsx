import { t } from './i18n';

/** The glossary search field, with a visible label and a polite count of matches for screen readers. */
export function SearchBox(props: {
  id: string;
  value: string;
  onInput: (value: string) => void;
  status: string;
  autoFocus?: boolean;
}) {
  return (
    <div class="search" role="search">
      <label for={props.id}>{t('searchLabel')}</label>
      <input
        id={props.id}
        type="search"
        value={props.value}
        placeholder={t('searchPlaceholder')}
        autoComplete="off"
        spellcheck={false}
        autoFocus={props.autoFocus}
        maxLength={200}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      <p class="visually-hidden" role="status">
        {props.status}
      </p>
    </div>
  );
}

/** The live status for a search: nothing while browsing A-Z, else the match count or a "no match" hint. */
export function searchStatus(query: string, count: number): string {
  if (query.trim() === '') return '';
  return count === 0 ? t('searchNone', query.trim()) : t('searchCount', count);
}
