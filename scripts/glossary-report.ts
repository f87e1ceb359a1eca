// Prints every entry's reading grade (Flesch-Kincaid and Coleman-Liau; definition, term names
// ignored) with the medians, then precision and recall on the sense corpus, per ambiguous form.
import { definitionColemanLiau, definitionGrade, MAX_GRADE, median, TARGET_MEDIAN_GRADE } from './readability';
import { SENSE_WINDOW, type SenseWindow } from '../glossary/sense';
import { TERMS } from '../glossary/terms';
import { loadCorpus, marksOf, scoreForms, totals } from '../tests/glossary/sense-corpus';

const rows = TERMS.map((t) => ({
  id: t.id,
  grade: definitionGrade(t),
  cl: definitionColemanLiau(t),
  words: t.definition.split(/\s+/).length,
}));
const width = Math.max(...rows.map((r) => r.id.length), 4);
console.log(`${'id'.padEnd(width)}  grade  C-L  words`);
for (const r of rows) {
  const flag = r.grade > MAX_GRADE ? '  <- above grade ' + MAX_GRADE : '';
  console.log(
    `${r.id.padEnd(width)}  ${r.grade.toFixed(1).padStart(5)}  ${r.cl.toFixed(1).padStart(4)}  ${String(r.words).padStart(5)}${flag}`,
  );
}
const m = median(rows.map((r) => r.grade));
console.log(
  `\n${rows.length} entries, median grade ${m.toFixed(1)} Flesch-Kincaid (target <= ${TARGET_MEDIAN_GRADE}, limit ${MAX_GRADE} per entry), ` +
    `${median(rows.map((r) => r.cl)).toFixed(1)} Coleman-Liau`,
);
if (m > TARGET_MEDIAN_GRADE) process.exitCode = 1;

// The sense corpus: what the real matcher, sense check and gate mark (tests/glossary/sense-corpus).
const corpus = loadCorpus();
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const scores = scoreForms(corpus);
const formWidth = Math.max(...[...scores.keys()].map((k) => k.length), 4);
console.log(`\nsense corpus: ${corpus.length} items (${corpus.filter((i) => i.kind === 'trap').length} traps)`);
console.log(`${'form'.padEnd(formWidth)}  traps  true  tp  fp  fn  precision  recall`);
for (const [key, s] of [...scores].sort((a, b) => a[0].localeCompare(b[0], 'en'))) {
  const p = s.tp + s.fp ? pct(s.tp / (s.tp + s.fp)) : '-';
  const r = s.tp + s.fn ? pct(s.tp / (s.tp + s.fn)) : '-';
  console.log(
    `${key.padEnd(formWidth)}  ${String(s.traps).padStart(5)}  ${String(s.trueUses).padStart(4)}  ${String(s.tp).padStart(2)}  ${String(s.fp).padStart(2)}  ${String(s.fn).padStart(2)}  ${p.padStart(9)}  ${r.padStart(6)}`,
  );
}
for (const window of ['sentence', 'block'] as SenseWindow[]) {
  const t = totals(scoreForms(corpus, window));
  const wrong = corpus.filter((item) => JSON.stringify(marksOf(item, window)) !== JSON.stringify(item.marks)).length;
  const used = window === SENSE_WINDOW ? ' (used)' : '';
  console.log(
    `ambiguous forms, cue in the same ${window}${used}: precision ${pct(t.precision)}, recall ${pct(t.recall)} ` +
      `(tp ${t.tp}, fp ${t.fp}, fn ${t.fn}); items not exactly right: ${wrong} of ${corpus.length}`,
  );
}
