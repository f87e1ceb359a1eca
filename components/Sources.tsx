import type { Source } from '../glossary/types';
import { t } from './i18n';

/** "https://www.niams.nih.gov/health-topics/back-pain" -> "back pain": tells two pages of one organisation apart. */
export function pageLabel(url: string): string {
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).at(-1) ?? '';
    return decodeURIComponent(last)
      .replace(/\.\w+$/, '')
      .replace(/[-_]+/g, ' ')
      .trim();
  } catch {
    return '';
  }
}

/** Link text for each source: the organisation, plus the page when the same organisation is cited twice. */
export function sourceLabels(sources: readonly Source[]): string[] {
  const count = new Map<string, number>();
  for (const s of sources) count.set(s.org, (count.get(s.org) ?? 0) + 1);
  return sources.map((s) => {
    const page = (count.get(s.org) ?? 0) > 1 ? pageLabel(s.url) : '';
    return page ? `${s.org} (${page})` : s.org;
  });
}

/** Where the facts came from: each organisation, linked to its page (opens a new tab). */
export function Sources({ sources, class: cls = 'sources' }: { sources: readonly Source[]; class?: string }) {
  if (sources.length === 0) return null;
  const labels = sourceLabels(sources);
  return (
    <div class={cls}>
      <span class="label">{t('sources')} </span>
      <ul class="inline-list">
        {sources.map((s, i) => (
          <li key={s.url}>
            <a href={s.url} target="_blank" rel="noopener noreferrer">
              {labels[i]}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
