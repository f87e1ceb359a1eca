/**
 * The sense corpus (tests/glossary/sense-corpus/*.json) and how the real matcher, sense check and
 * health-page gate score on it. Shared by the corpus test and `npm run glossary:report`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CUE_GROUPS } from '../../glossary/cues';
import { markBlocks } from '../../glossary/mark-text';
import { ambiguousFormsOf, compileMatcher, type LoadedMatcher } from '../../glossary/matcher';
import type { SenseWindow } from '../../glossary/sense';
import { TERMS } from '../../glossary/terms';

export interface CorpusItem {
  id: string;
  domain: string;
  kind: 'trap' | 'true';
  page?: string[];
  text: string;
  marks: string[];
  /** The file it came from. */
  file: string;
}

export const CORPUS_DIR = path.resolve(import.meta.dirname, 'sense-corpus');

export function loadCorpus(dir = CORPUS_DIR): CorpusItem[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((file) =>
      (JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as CorpusItem[]).map((item) => ({ ...item, file })),
    );
}

export const MATCHER: LoadedMatcher = compileMatcher(TERMS, CUE_GROUPS);
export const FORMS = ambiguousFormsOf(TERMS);

/** The entry ids marked in an item's `text`, in order, after its `page` blocks were read. */
export function marksOf(item: CorpusItem, window?: SenseWindow): string[] {
  const blocks = [...(item.page ?? []), item.text];
  return markBlocks(MATCHER, blocks, window)
    .at(-1)!
    .map((m) => m.termId);
}

/** Per ambiguous form ("termId:form"): true and false positives and misses over the corpus. */
export interface FormScore {
  tp: number;
  fp: number;
  fn: number;
  traps: number;
  trueUses: number;
}

/**
 * Scores every occurrence of an ambiguous form. An occurrence should be marked when the item
 * expects more marks of its entry than the entry's unambiguous occurrences account for (in order).
 */
export function scoreForms(items: readonly CorpusItem[], window?: SenseWindow): Map<string, FormScore> {
  const scores = new Map<string, FormScore>();
  for (const item of items) {
    const blocks = [...(item.page ?? []), item.text];
    const marked = new Set(
      markBlocks(MATCHER, blocks, window)
        .at(-1)!
        .map((m) => m.start),
    );
    const found = MATCHER.find(item.text);
    const left = new Map<string, number>();
    for (const id of item.marks) left.set(id, (left.get(id) ?? 0) + 1);
    for (const m of found) if (m.rule === undefined && left.get(m.termId)) left.set(m.termId, left.get(m.termId)! - 1);
    for (const m of found) {
      if (m.rule === undefined) continue;
      const f = FORMS[m.rule]!;
      const key = `${f.termId}:${f.form}`;
      const s = scores.get(key) ?? { tp: 0, fp: 0, fn: 0, traps: 0, trueUses: 0 };
      const want = (left.get(m.termId) ?? 0) > 0;
      if (want) left.set(m.termId, left.get(m.termId)! - 1);
      const got = marked.has(m.start);
      if (got && want) s.tp++;
      else if (got) s.fp++;
      else if (want) s.fn++;
      if (want && item.kind === 'true') s.trueUses++;
      if (!want && item.kind === 'trap') s.traps++;
      scores.set(key, s);
    }
  }
  return scores;
}

/** Precision and recall over all forms' scores. */
export function totals(scores: Map<string, FormScore>): {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
} {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const s of scores.values()) {
    tp += s.tp;
    fp += s.fp;
    fn += s.fn;
  }
  return { tp, fp, fn, precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1 };
}
