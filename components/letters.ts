import { foldWords } from '../glossary/search';
import type { Term } from '../glossary/types';

/** A letter heading of the A-Z list and the entries under it. */
export interface LetterGroup {
  letter: string;
  terms: Term[];
}

/** The name as a heading: data keeps lower case for words that are lower case mid-sentence. */
export function displayName(term: Term): string {
  return term.term.charAt(0).toUpperCase() + term.term.slice(1);
}

/** The heading an entry files under: its first letter without accents, or "#" for digits and symbols. */
export function letterOf(term: Term): string {
  const first = foldWords(term.term)[0]?.charAt(0) ?? '';
  return /^[a-z]$/.test(first) ? first.toUpperCase() : '#';
}

/** Entries in reading order (by name, ignoring case and accents), grouped under their letters. */
export function groupByLetter(terms: readonly Term[]): LetterGroup[] {
  const sorted = [...terms].sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));
  const groups: LetterGroup[] = [];
  for (const term of sorted) {
    const letter = letterOf(term);
    const last = groups.at(-1);
    if (last?.letter === letter) last.terms.push(term);
    else groups.push({ letter, terms: [term] });
  }
  return groups;
}
