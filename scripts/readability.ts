// Reading grades of the glossary's text, for the data checks and the report (never shipped).
import readability from 'text-readability';
import type { Term } from '../glossary/types';

/** Grade above which a tooltip definition fails the data tests. */
export const MAX_GRADE = 9;
/** Median grade the glossary must stay at or below (issue #9; MedlinePlus advises grade 6-7). */
export const TARGET_MEDIAN_GRADE = 6;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Flesch-Kincaid grade of a term's definition, with the term's own names replaced by "it":
 * a reader meets "kyphoplasty" in the article already, so its syllables should not count against
 * the words that explain it.
 */
export function definitionGrade(term: Term): number {
  return Math.max(0, Math.round(readability.fleschKincaidGrade(withoutNames(term)) * 10) / 10);
}

/**
 * Coleman-Liau grade of a definition, names replaced as in `definitionGrade`: it counts letters,
 * not syllables, so a hard sentence one formula misjudges still shows (SMOG needs 30 sentences).
 */
export function definitionColemanLiau(term: Term): number {
  return Math.max(0, Math.round(readability.colemanLiauIndex(withoutNames(term)) * 10) / 10);
}

/** A term's definition with its own names replaced by "it". */
function withoutNames(term: Term): string {
  const names = [term.term, ...term.variants, ...term.abbreviations].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return term.definition.replace(pattern, 'it');
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return 0;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
