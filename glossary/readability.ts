import readability from 'text-readability';
import type { Term } from './types';

/** Grade above which a tooltip definition fails the data tests. */
export const MAX_GRADE = 10;
/** Median grade the glossary aims for (MedlinePlus advises grade 6-7). */
export const TARGET_MEDIAN_GRADE = 7;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Flesch-Kincaid grade of a term's definition, with the term's own names replaced by "it":
 * a reader meets "kyphoplasty" in the article already, so its syllables should not count against
 * the words that explain it.
 */
export function definitionGrade(term: Term): number {
  const names = [term.term, ...term.variants, ...term.abbreviations].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const text = term.definition.replace(pattern, 'it');
  return Math.max(0, Math.round(readability.fleschKincaidGrade(text) * 10) / 10);
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return 0;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
