import { t } from './i18n';

/** Shown wherever a reader might take the content for advice: the footer of every page. */
export function Disclaimer() {
  return <footer class="disclaimer">{t('disclaimer')}</footer>;
}
