import { describe, expect, it } from 'vitest';
import { termById } from '../../glossary/terms';
import { FORMS, loadCorpus, marksOf, scoreForms } from './sense-corpus';

const CORPUS = loadCorpus();

describe('the sense corpus', () => {
  it('should be well formed: unique ids, a kind, known entry ids', () => {
    const ids = CORPUS.map((item) => item.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const bad = CORPUS.filter(
      (item) => !['trap', 'true'].includes(item.kind) || typeof item.text !== 'string' || !Array.isArray(item.marks),
    ).map((item) => item.id);
    expect(bad).toEqual([]);
    const unknown = CORPUS.flatMap((item) =>
      item.marks.filter((id) => !termById.has(id)).map((id) => `${item.id} (${item.file}): ${id}`),
    );
    expect(unknown).toEqual([]);
  });

  // The real matcher, sense check and gate, exactly as the scanner runs them (glossary/mark-text.ts).
  it.each(CORPUS.map((item) => [item.id, item] as const))('should mark exactly what %s expects', (id, item) => {
    const got = marksOf(item);
    expect(got, `${id} (${item.file}): expected ${JSON.stringify(item.marks)}, got ${JSON.stringify(got)}`).toEqual(item.marks);
  });

  it('should hold at least two traps and two true uses of every ambiguous form', () => {
    const scores = scoreForms(CORPUS);
    const thin = FORMS.map((f) => `${f.termId}:${f.form}`)
      .map((key) => ({ key, s: scores.get(key) }))
      .filter(({ s }) => !s || s.traps < 2 || s.trueUses < 2)
      .map(({ key, s }) => `${key} (${s?.traps ?? 0} traps, ${s?.trueUses ?? 0} true uses)`);
    expect(thin).toEqual([]);
  });
});
