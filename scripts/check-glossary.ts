// Validates the glossary data and prints every problem with its entry id and field.
import { CONDITION_FILES, TERM_FILES } from '../glossary/terms';
import { validateGlossary } from '../glossary/validate';

try {
  const { terms, conditions } = validateGlossary(TERM_FILES, CONDITION_FILES);
  console.log(`glossary ok: ${terms.length} entries, ${conditions.length} condition overview(s)`);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
