// Prints every entry's Flesch-Kincaid grade (definition, term names ignored) and the median.
import { definitionGrade, MAX_GRADE, median, TARGET_MEDIAN_GRADE } from '../glossary/readability';
import { TERMS } from '../glossary/terms';

const rows = TERMS.map((t) => ({ id: t.id, grade: definitionGrade(t), words: t.definition.split(/\s+/).length }));
const width = Math.max(...rows.map((r) => r.id.length), 4);
console.log(`${'id'.padEnd(width)}  grade  words`);
for (const r of rows) {
  const flag = r.grade > MAX_GRADE ? '  <- above grade ' + MAX_GRADE : '';
  console.log(`${r.id.padEnd(width)}  ${r.grade.toFixed(1).padStart(5)}  ${String(r.words).padStart(5)}${flag}`);
}
const m = median(rows.map((r) => r.grade));
console.log(
  `\n${rows.length} entries, median grade ${m.toFixed(1)} (target <= ${TARGET_MEDIAN_GRADE}, limit ${MAX_GRADE} per entry)`,
);
if (m > TARGET_MEDIAN_GRADE) process.exitCode = 1;
