import { CUE_GROUPS } from './cues';
import { cueGroupProblems, GlossaryDataError, parseCondition, parseTerms, unsortedIds } from './schema';
import type { Condition, CueGroups, Term } from './types';

/**
 * Validates every data file together: each entry, each file's order, cross-file uniqueness and
 * `related` ids. Throws one GlossaryDataError that lists every problem.
 */
export function validateGlossary(
  termFiles: Record<string, unknown>,
  conditionFiles: Record<string, unknown>,
  /** The cue groups (`data/cues.json`) that `@<group>` cues name. */
  cueGroups: unknown = CUE_GROUPS,
): { terms: Term[]; conditions: Condition[] } {
  const problems: string[] = cueGroupProblems(cueGroups);
  const all: unknown[] = [];
  for (const [file, entries] of Object.entries(termFiles)) {
    if (!Array.isArray(entries)) {
      problems.push(`${file}: expected an array of entries`);
      continue;
    }
    all.push(...entries);
    problems.push(
      ...unsortedIds(
        file,
        entries.filter((e): e is { id: string } => typeof e?.id === 'string'),
      ),
    );
  }
  let terms: Term[] = [];
  try {
    terms = parseTerms(all, typeof cueGroups === 'object' && cueGroups !== null ? (cueGroups as CueGroups) : {});
  } catch (e) {
    if (!(e instanceof GlossaryDataError)) throw e;
    problems.push(...e.problems);
  }
  const conditions: Condition[] = [];
  for (const [file, raw] of Object.entries(conditionFiles)) {
    try {
      conditions.push(parseCondition(raw));
    } catch (e) {
      if (!(e instanceof GlossaryDataError)) throw e;
      problems.push(...e.problems.map((p) => `${file}: ${p}`));
    }
  }
  if (problems.length) throw new GlossaryDataError(problems);
  return { terms, conditions };
}
