// Validates the glossary data and prints every problem with its entry id and field.
import readability from 'text-readability';
import { definitionGrade } from './readability';
import { CONDITION_FILES, TERM_FILES, termById } from '../glossary/terms';
import { validateGlossary } from '../glossary/validate';

try {
  const { terms, conditions } = validateGlossary(TERM_FILES, CONDITION_FILES);
  console.log(`glossary ok: ${terms.length} entries, ${conditions.length} condition overview(s)`);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}

try {
  // Imported here, not above: the module throws at import on invalid data, listing every problem.
  const { MAX_QUESTION_GRADE, QUESTIONS } = await import('../glossary/questions');
  type List = [where: string, termId: string | undefined, questions: { text: string }[]];
  const lists: List[] = [
    ['questions.universal', undefined, QUESTIONS.universal],
    ...Object.entries(QUESTIONS.conditions).map(([id, qs]): List => [`questions.conditions.${id}`, undefined, qs]),
    ...Object.entries(QUESTIONS.terms).map(([id, qs]): List => [`questions.terms.${id}`, id, qs]),
  ];
  const problems: string[] = [];
  let count = 0;
  for (const [where, termId, questions] of lists) {
    const term = termId === undefined ? undefined : termById.get(termId);
    questions.forEach((q, i) => {
      count++;
      // Graded as definitions are: a term group's own names count as "it".
      const grade = term
        ? definitionGrade({ ...term, definition: q.text })
        : Math.max(0, Math.round(readability.fleschKincaidGrade(q.text) * 10) / 10);
      if (grade > MAX_QUESTION_GRADE) problems.push(`${where}[${i}].text: grade ${grade} is above ${MAX_QUESTION_GRADE}`);
    });
  }
  if (problems.length) throw new Error(`Invalid questions:\n  - ${problems.join('\n  - ')}`);
  console.log(`questions ok: ${count} questions in ${lists.length} groups`);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
