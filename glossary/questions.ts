import raw from './data/questions.json';
import { GlossaryDataError } from './schema';
import { CONDITIONS, TERMS } from './terms';

/** One question a reader can take to a visit. */
export interface Question {
  /** Kebab-case id, unique within its group. */
  id: string;
  /** Plain first-person question ("What does my T-score mean?"). */
  text: string;
}

/** The questions a visit sheet shows under one heading. */
export interface QuestionGroup {
  kind: 'universal' | 'condition' | 'term';
  /** 'universal', the condition id, or the term id */
  id: string;
  questions: Question[];
}

/** Reading grade (Flesch-Kincaid) a question may reach; checked by the tests and check-glossary.ts. */
export const MAX_QUESTION_GRADE = 7;
const MAX_QUESTION_WORDS = 20;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FIRST_PERSON = /(?<![\p{L}'])(?:I|I'm|I've|I'd|[Mm]y|[Mm]e|[Mm]yself)(?![\p{L}'])/u;
/** Phrasing that would ask about starting or stopping a medicine: the sheet never suggests either. */
const START_STOP: readonly RegExp[] = [
  /\b(?:stop|stopping|quit|quitting|discontinue|discontinuing|wean|weaning|skip|skipping)\b/i,
  /\b(?:come|coming|go|going|get|getting) off\b/i,
  /\b(?:start|starting|begin|beginning) (?:taking|using|on)\b/i,
  /\b(?:should|can|could|may) I (?:start|begin|try)\b/i,
];

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Problems of one question list, each prefixed with `<where>[<index>].<field>`. */
function listProblems(where: string, list: unknown): string[] {
  if (!Array.isArray(list)) return [`${where}: expected an array of questions`];
  if (list.length === 0) return [`${where}: expected at least one question`];
  const problems: string[] = [];
  const ids = new Set<string>();
  list.forEach((q: unknown, i) => {
    const at = `${where}[${i}]`;
    if (!isRec(q)) {
      problems.push(`${at}: expected an object with id and text`);
      return;
    }
    for (const key of Object.keys(q)) if (key !== 'id' && key !== 'text') problems.push(`${at}.${key}: unknown field`);
    if (typeof q.id !== 'string' || !ID.test(q.id)) problems.push(`${at}.id: expected a kebab-case id`);
    else if (ids.has(q.id)) problems.push(`${at}.id: duplicate id "${q.id}"`);
    else ids.add(q.id);
    problems.push(...textProblems(`${at}.text`, q.text));
  });
  return problems;
}

function textProblems(at: string, text: unknown): string[] {
  if (typeof text !== 'string' || text.trim() === '') return [`${at}: expected a non-empty string`];
  const problems: string[] = [];
  if (text !== text.trim()) problems.push(`${at}: has leading or trailing spaces`);
  if (!text.endsWith('?')) problems.push(`${at}: a question must end with "?"`);
  const words = text.trim().split(/\s+/).length;
  if (words > MAX_QUESTION_WORDS) problems.push(`${at}: has ${words} words; at most ${MAX_QUESTION_WORDS}`);
  if (!FIRST_PERSON.test(text)) problems.push(`${at}: ask in the reader's words (I, my, me)`);
  if (START_STOP.some((re) => re.test(text))) problems.push(`${at}: must not ask about starting or stopping a medicine`);
  return problems;
}

/** Problems of a `{ <group id>: Question[] }` record whose keys must be known ids. */
function groupsProblems(where: string, groups: unknown, known: ReadonlySet<string>, unknownMsg: string): string[] {
  if (!isRec(groups)) return [`${where}: expected an object of question lists`];
  return Object.entries(groups).flatMap(([id, list]) => [
    ...(known.has(id) ? [] : [`${where}.${id}: ${unknownMsg}`]),
    ...listProblems(`${where}.${id}`, list),
  ]);
}

/** Validates raw data against known term and condition ids; returns error strings like
 *  'questions.terms.t-score[2].text: grade 9.1 is above 7' or 'questions.terms.no-such-id: unknown entry id'. */
export function validateQuestions(raw: unknown, termIds: ReadonlySet<string>, conditionIds: ReadonlySet<string>): string[] {
  if (!isRec(raw)) return ['questions: expected an object with universal, conditions and terms'];
  const problems: string[] = [];
  for (const key of Object.keys(raw))
    if (!['universal', 'conditions', 'terms'].includes(key)) problems.push(`questions.${key}: unknown field`);
  problems.push(...listProblems('questions.universal', raw.universal));
  problems.push(...groupsProblems('questions.conditions', raw.conditions, conditionIds, 'unknown condition id'));
  problems.push(...groupsProblems('questions.terms', raw.terms, termIds, 'unknown entry id'));
  // Keys are `<group id>/<question id>`: a group id used twice would let two keys collide.
  if (isRec(raw.conditions) && isRec(raw.terms)) {
    for (const id of Object.keys(raw.terms))
      if (id === 'universal' || Object.hasOwn(raw.conditions, id))
        problems.push(`questions.terms.${id}: group id is also used by another group`);
  }
  if (isRec(raw.conditions) && Object.hasOwn(raw.conditions, 'universal'))
    problems.push('questions.conditions.universal: group id is also used by another group');
  return problems;
}

type QuestionData = { universal: Question[]; conditions: Record<string, Question[]>; terms: Record<string, Question[]> };

function load(data: unknown): QuestionData {
  const problems = validateQuestions(data, new Set(TERMS.map((t) => t.id)), new Set(CONDITIONS.map((c) => c.id)));
  if (problems.length) throw new GlossaryDataError(problems);
  return data as QuestionData;
}

/** The validated data (throws at import on invalid data, with the group id, question id and field). */
export const QUESTIONS: QuestionData = load(raw);

// Maps, so an id such as "constructor" never reads a property of Object.prototype.
const conditionQuestions = new Map(Object.entries(QUESTIONS.conditions));
const termQuestions = new Map(Object.entries(QUESTIONS.terms));

/** Groups for a sheet: universal first, then the condition's, then one per term in `termIds` that has
 *  questions (in the order given, each once). */
export function questionGroups(termIds: readonly string[], conditionId?: string): QuestionGroup[] {
  const groups: QuestionGroup[] = [{ kind: 'universal', id: 'universal', questions: QUESTIONS.universal }];
  const forCondition = conditionId === undefined ? undefined : conditionQuestions.get(conditionId);
  if (conditionId !== undefined && forCondition) groups.push({ kind: 'condition', id: conditionId, questions: forCondition });
  for (const id of new Set(termIds)) {
    const questions = termQuestions.get(id);
    if (questions) groups.push({ kind: 'term', id, questions });
  }
  return groups;
}

/** `${group.id}/${question.id}` */
export const questionKey = (group: QuestionGroup, q: Question): string => `${group.id}/${q.id}`;
