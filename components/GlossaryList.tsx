import type { Term } from '../glossary/types';

/** Terms with their plain definitions, as a definition list. */
export function GlossaryList({ terms }: { terms: readonly Term[] }) {
  if (terms.length === 0) return <p class="empty">No terms match.</p>;
  return (
    <dl class="glossary-list">
      {terms.map((t) => (
        <div key={t.id} class="entry" id={`term-${t.id}`}>
          <dt>
            {t.term}
            {t.abbreviations.length > 0 && <span class="abbr"> ({t.abbreviations.join(', ')})</span>}
          </dt>
          <dd>{t.definition}</dd>
        </div>
      ))}
    </dl>
  );
}
