import { useMemo, useState } from 'preact/hooks';
import type { Term } from '../glossary/types';
import { resultsFor } from './glossary-results';
import { GlossaryList } from './GlossaryList';
import { glossaryUrl } from './links';
import { SearchBox, searchStatus } from './SearchBox';
import { TermSummary } from './TermSummary';

/** The popup's Glossary tab: a search box over the A-Z list of short entries. */
export function GlossaryPanel({ terms }: { terms: readonly Term[] }) {
  const [query, setQuery] = useState('');
  const results = useMemo(() => resultsFor(terms, query), [terms, query]);
  const count = results.kind === 'search' ? results.hits.length : terms.length;
  return (
    <div class="glossary-panel">
      <SearchBox id="popup-search" value={query} onInput={setQuery} status={searchStatus(query, count)} />
      <GlossaryList
        results={results}
        level={2}
        prefix="pg"
        renderItem={(p) => <TermSummary {...p} level={3} href={glossaryUrl({ termId: p.term.id })} />}
      />
    </div>
  );
}
