import { t } from './i18n';
import type { LetterGroup } from './letters';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

/** A to Z; letters with entries link to their heading, the rest are shown dimmed and skipped by Tab. */
export function LetterNav({ groups, anchor }: { groups: readonly LetterGroup[]; anchor: (letter: string) => string }) {
  const present = new Set(groups.map((g) => g.letter));
  const letters = [...ALPHABET, ...(present.has('#') ? ['#'] : [])];
  return (
    <nav class="letters" aria-label={t('lettersLabel')}>
      <ul>
        {letters.map((l) => (
          <li key={l}>{present.has(l) ? <a href={`#${anchor(l)}`}>{l}</a> : <span aria-hidden="true">{l}</span>}</li>
        ))}
      </ul>
    </nav>
  );
}
