import type { MatchableTerm } from '../../glossary/matcher';
import type { Term } from '../../glossary/types';

/** A term as the matcher reads it: its names only (spread it to add cues and ambiguous forms). */
export const matchable = (id: string, term: string, variants: string[] = [], abbreviations: string[] = []): MatchableTerm => ({
  id,
  term,
  variants,
  abbreviations,
});

/** A whole glossary entry with plain defaults; `over` sets what the test is about. */
export const entry = (id: string, term: string, over: Partial<Term> = {}): Term => ({
  ...matchable(id, term),
  definition: `${term}.`,
  details: '',
  category: 'condition',
  related: [],
  sources: [],
  reviewed: '2026-12-01',
  ...over,
});
