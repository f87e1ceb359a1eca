import { createSearchIndex, search, type SearchHit, type SearchIndex } from '../glossary/search';
import type { Term } from '../glossary/types';
import { groupByLetter, type LetterGroup } from './letters';

/** What a glossary view shows for a query: the whole A-Z list, or ranked search hits. */
export type Results = { kind: 'all'; groups: LetterGroup[] } | { kind: 'search'; query: string; hits: SearchHit[] };

const indexes = new WeakMap<readonly Term[], { index: SearchIndex; groups: LetterGroup[] }>();

/** Results for `query` over `terms`; the index and the A-Z grouping are built once per term list. */
export function resultsFor(terms: readonly Term[], query: string): Results {
  let cached = indexes.get(terms);
  if (!cached) {
    cached = { index: createSearchIndex(terms), groups: groupByLetter(terms) };
    indexes.set(terms, cached);
  }
  return query.trim() === ''
    ? { kind: 'all', groups: cached.groups }
    : { kind: 'search', query, hits: search(cached.index, query) };
}
