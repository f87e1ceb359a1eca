import readability from 'text-readability';
import { describe, expect, it, vi } from 'vitest';
import raw from '../../glossary/data/questions.json';
import {
  MAX_QUESTION_GRADE,
  QUESTIONS,
  questionGroups,
  questionKey,
  validateQuestions,
  type Question,
  type QuestionGroup,
} from '../../glossary/questions';
import { definitionGrade } from '../../scripts/readability';
import { CONDITIONS, termById, TERMS } from '../../glossary/terms';

const TERM_IDS: ReadonlySet<string> = new Set(TERMS.map((t) => t.id));
const CONDITION_IDS: ReadonlySet<string> = new Set(CONDITIONS.map((c) => c.id));

/** Every group of the shipped data. */
const ALL_GROUPS: QuestionGroup[] = [
  { kind: 'universal', id: 'universal', questions: QUESTIONS.universal },
  ...Object.entries(QUESTIONS.conditions).map(([id, questions]) => ({ kind: 'condition' as const, id, questions })),
  ...Object.entries(QUESTIONS.terms).map(([id, questions]) => ({ kind: 'term' as const, id, questions })),
];

/** Grade as `definitionGrade` rates a definition: a term group's own names count as "it". */
function questionGrade(group: QuestionGroup, q: Question): number {
  const term = group.kind === 'term' ? termById.get(group.id) : undefined;
  if (term) return definitionGrade({ ...term, definition: q.text });
  return Math.max(0, Math.round(readability.fleschKincaidGrade(q.text) * 10) / 10);
}

describe('shipped questions', () => {
  it('should validate with zero errors', () => {
    expect(validateQuestions(raw, TERM_IDS, CONDITION_IDS)).toEqual([]);
  });

  it(`should keep every question at or below grade ${MAX_QUESTION_GRADE}`, () => {
    const hard = ALL_GROUPS.flatMap((g) =>
      g.questions.map((q) => ({ key: questionKey(g, q), grade: questionGrade(g, q) })),
    ).filter((r) => r.grade > MAX_QUESTION_GRADE);
    expect(hard).toEqual([]);
  });

  it('should only name term and condition ids that exist', () => {
    expect(Object.keys(QUESTIONS.terms).filter((id) => !TERM_IDS.has(id))).toEqual([]);
    expect(Object.keys(QUESTIONS.conditions).filter((id) => !CONDITION_IDS.has(id))).toEqual([]);
  });

  it('should give every question a unique key', () => {
    const keys = ALL_GROUPS.flatMap((g) => g.questions.map((q) => questionKey(g, q)));
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('should start with the three Ask Me 3 questions, worded as the programme words them', () => {
    expect(QUESTIONS.universal.map((q) => q.text)).toEqual([
      'What is my main problem?',
      'What do I need to do?',
      'Why is it important for me to do this?',
    ]);
  });

  it('should have 8 to 12 questions for osteoporosis and back pain', () => {
    const n = QUESTIONS.conditions['osteoporosis-back-pain']?.length ?? 0;
    expect(n).toBeGreaterThanOrEqual(8);
    expect(n).toBeLessThanOrEqual(12);
  });

  it('should have 25 to 40 term groups of 2 to 4 questions each', () => {
    const groups = Object.entries(QUESTIONS.terms);
    expect(groups.length).toBeGreaterThanOrEqual(25);
    expect(groups.length).toBeLessThanOrEqual(40);
    expect(groups.filter(([, qs]) => qs.length < 2 || qs.length > 4).map(([id]) => id)).toEqual([]);
  });

  it.each([
    'dxa-scan',
    't-score',
    'z-score',
    'frax',
    'bisphosphonates',
    'denosumab',
    'teriparatide',
    'abaloparatide',
    'romosozumab',
    'raloxifene',
    'hormone-therapy',
    'calcitonin',
    'calcium-supplement',
    'vitamin-d-supplement',
    'vertebroplasty',
    'kyphoplasty',
    'orthosis',
    'physical-therapy',
    'vertebral-compression-fracture',
    'spinal-stenosis',
    'sciatica',
    'herniated-disc',
  ])('should have questions for the key entry %s', (id) => {
    expect(QUESTIONS.terms[id]?.length ?? 0).toBeGreaterThanOrEqual(2);
  });

  it('should name no medicine brand', () => {
    // Capitalised variants of medicine entries are brand names (Prolia, Fosamax, Evista...).
    const brands = TERMS.filter((t) => t.category === 'medicine').flatMap((t) => t.variants.filter((v) => /^\p{Lu}/u.test(v)));
    const texts = ALL_GROUPS.flatMap((g) => g.questions.map((q) => q.text.toLowerCase()));
    expect(brands.filter((b) => texts.some((t) => t.includes(b.toLowerCase())))).toEqual([]);
  });
});

describe('validateQuestions', () => {
  const fresh = (): { universal: Question[]; conditions: Record<string, unknown>; terms: Record<string, unknown> } =>
    structuredClone(raw) as never;
  const tScore = (data: ReturnType<typeof fresh>) => data.terms['t-score'] as Record<string, unknown>[];

  it.each<[string, (d: ReturnType<typeof fresh>) => void, string]>([
    [
      'an unknown term id',
      (d) => (d.terms['no-such-id'] = [{ id: 'a', text: 'What is my score?' }]),
      'questions.terms.no-such-id: unknown entry id',
    ],
    [
      'an unknown condition id',
      (d) => (d.conditions['no-such-condition'] = [{ id: 'a', text: 'What is my score?' }]),
      'questions.conditions.no-such-condition: unknown condition id',
    ],
    ['a missing text', (d) => delete tScore(d)[1]!.text, 'questions.terms.t-score[1].text: expected a non-empty string'],
    [
      'a duplicate id',
      (d) => (tScore(d)[1]!.id = tScore(d)[0]!.id),
      `questions.terms.t-score[1].id: duplicate id "${QUESTIONS.terms['t-score']![0]!.id}"`,
    ],
    [
      'a "stop taking" question',
      (d) => (tScore(d)[0]!.text = 'Should I stop taking my medicine?'),
      'questions.terms.t-score[0].text: must not ask about starting or stopping a medicine',
    ],
    [
      'a "quit" question',
      (d) => (d.universal[2]!.text = 'Can I quit this medicine?'),
      'questions.universal[2].text: must not ask about starting or stopping a medicine',
    ],
    [
      'a "come off" question',
      (d) => (tScore(d)[0]!.text = 'When can I come off my pills?'),
      'questions.terms.t-score[0].text: must not ask about starting or stopping a medicine',
    ],
    [
      'no question mark',
      (d) => (tScore(d)[0]!.text = 'Tell me about my score.'),
      'questions.terms.t-score[0].text: a question must end with "?"',
    ],
    [
      'more than 20 words',
      (d) => (tScore(d)[0]!.text = `Is my ${'big '.repeat(18)}score?`),
      'questions.terms.t-score[0].text: has 21 words; at most 20',
    ],
    [
      'a question not in the reader’s words',
      (d) => (tScore(d)[0]!.text = 'What is a T-score?'),
      "questions.terms.t-score[0].text: ask in the reader's words (I, my, me)",
    ],
    ['a bad id', (d) => (tScore(d)[0]!.id = 'My Score'), 'questions.terms.t-score[0].id: expected a kebab-case id'],
    ['an unknown field', (d) => (tScore(d)[0]!.answer = 'x'), 'questions.terms.t-score[0].answer: unknown field'],
    ['an empty list', (d) => (d.terms['t-score'] = []), 'questions.terms.t-score: expected at least one question'],
    [
      'a term group that reuses a condition id',
      (d) => (d.conditions['t-score'] = d.terms['t-score']),
      'questions.terms.t-score: group id is also used by another group',
    ],
  ])('should report %s', (_name, mutate, expected) => {
    const data = fresh();
    mutate(data);
    // Two known condition ids, so the reused-id case is not also an unknown id.
    expect(validateQuestions(data, TERM_IDS, new Set([...CONDITION_IDS, 't-score']))).toEqual([expected]);
  });

  it.each([null, [], 'questions'])('should reject %j as a whole', (value) => {
    expect(validateQuestions(value, TERM_IDS, CONDITION_IDS)).toEqual([
      'questions: expected an object with universal, conditions and terms',
    ]);
  });

  it('should make QUESTIONS throw at import on invalid data, naming the group, index and field', async () => {
    const bad = structuredClone(raw);
    delete (bad.terms['t-score'][0] as Partial<Question>).text;
    vi.resetModules();
    vi.doMock('../../glossary/data/questions.json', () => ({ default: bad }));
    await expect(import('../../glossary/questions')).rejects.toThrow(
      'questions.terms.t-score[0].text: expected a non-empty string',
    );
    vi.doUnmock('../../glossary/data/questions.json');
    vi.resetModules();
  });
});

describe('questionGroups', () => {
  const withoutQuestions = TERMS.find((t) => !(t.id in QUESTIONS.terms))!.id;

  it('should put universal first, then the condition, then each term with questions once, in order', () => {
    const groups = questionGroups(
      ['t-score', withoutQuestions, 'dxa-scan', 't-score', 'no-such-id', 'sciatica', 'dxa-scan'],
      'osteoporosis-back-pain',
    );
    expect(groups.map((g) => `${g.kind}:${g.id}`)).toEqual([
      'universal:universal',
      'condition:osteoporosis-back-pain',
      'term:t-score',
      'term:dxa-scan',
      'term:sciatica',
    ]);
    expect(groups[2]!.questions).toBe(QUESTIONS.terms['t-score']);
  });

  it.each<[string, readonly string[], string | undefined, string[]]>([
    ['no terms and no condition', [], undefined, ['universal']],
    ['an unknown condition', ['frax'], 'no-such-condition', ['universal', 'frax']],
    ['terms without questions only', [withoutQuestions, 'no-such-id'], undefined, ['universal']],
    ['an id on Object.prototype', ['constructor', '__proto__', 'z-score'], 'toString', ['universal', 'z-score']],
  ])('should handle %s', (_name, termIds, conditionId, expected) => {
    expect(questionGroups(termIds, conditionId).map((g) => g.id)).toEqual(expected);
  });

  it('should key a question by its group id and question id', () => {
    const group = questionGroups(['t-score'])[1]!;
    expect(questionKey(group, group.questions[0]!)).toBe(`t-score/${QUESTIONS.terms['t-score']![0]!.id}`);
  });
});
