// Temporary, for this session's new entries: validates glossary/data/staging/*.json together with
// the shipped data (uniqueness, related ids, sources) and prints each staged entry's reading grade.
import { readdirSync, readFileSync } from 'node:fs';
import { definitionGrade } from '../glossary/readability';
import { CONDITION_FILES, TERM_FILES } from '../glossary/terms';
import type { Term } from '../glossary/types';
import { validateGlossary } from '../glossary/validate';

const only = process.argv[2];
const files: Record<string, unknown> = { ...TERM_FILES };
for (const f of readdirSync('glossary/data/staging').sort()) {
  if (!f.endsWith('.json')) continue;
  try {
    files[`staging/${f}`] = JSON.parse(readFileSync(`glossary/data/staging/${f}`, 'utf8'));
  } catch (e) {
    console.error(`staging/${f}: not valid JSON: ${(e as Error).message}`);
    process.exitCode = 1;
  }
}
try {
  validateGlossary(files, CONDITION_FILES);
  console.log('valid');
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 1;
}
for (const [f, entries] of Object.entries(files)) {
  if (!f.startsWith('staging/') || (only && !f.includes(only)) || !Array.isArray(entries)) continue;
  for (const t of entries as Term[]) {
    const g = definitionGrade(t);
    console.log(`${f}  ${t.id.padEnd(36)} grade ${g.toFixed(1)}${g > 9 ? '  <- above 9' : ''}`);
  }
}
