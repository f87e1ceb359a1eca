import { describe, expect, it } from 'vitest';
import { buildSheet, isoDay, nextPicked, pageIdsFrom, sheetText, type SheetInput } from '../../components/visit-sheet-model';
import { questionGroups, questionKey } from '../../glossary/questions';
import { termById } from '../../glossary/terms';

// kyphosis has no questions of its own; t-score and kyphoplasty do (glossary/data/questions.json).
const input = (over: Partial<SheetInput> = {}): SheetInput => ({
  saved: [
    { id: 'kyphosis', at: 100 },
    { id: 't-score', at: 300 },
  ],
  pageIds: [],
  includeSaved: true,
  includePage: true,
  picked: undefined,
  own: [],
  notes: '',
  date: new Date(2026, 11, 1, 9, 30),
  locale: 'en-GB',
  ...over,
});

const ids = (list: readonly { id: string }[]) => list.map((s) => s.id);
const keysOf = (model: ReturnType<typeof buildSheet>, ticked: boolean) =>
  model.groups.flatMap((g) => g.questions.filter((q) => q.ticked === ticked).map((q) => q.key));

describe('buildSheet', () => {
  it('should list saved terms newest first, with name and plain definition', () => {
    const model = buildSheet(input());
    expect(ids(model.saved)).toEqual(['t-score', 'kyphosis']);
    expect(model.saved[1]).toEqual({ id: 'kyphosis', name: 'Kyphosis', definition: termById.get('kyphosis')!.definition });
    expect(model.empty).toBe(false);
  });

  it.each([
    ['unknown ids', ['no-such-term', 'scoliosis'], ['scoliosis']],
    ['ids given twice', ['scoliosis', 'scoliosis', 'kyphoplasty'], ['scoliosis', 'kyphoplasty']],
    ['ids already saved', ['kyphosis', 'scoliosis', 't-score'], ['scoliosis']],
  ])('should drop %s from the page terms', (_name, pageIds, expected) => {
    const model = buildSheet(input({ pageIds }));
    expect(ids(model.page)).toEqual(expected);
    expect(model.hasPageTerms).toBe(true);
  });

  it('should drop saved ids that name no entry', () => {
    const model = buildSheet(input({ saved: [{ id: 'gone-term', at: 5 }] }));
    expect(model.saved).toEqual([]);
    expect(model.empty).toBe(true);
  });

  it('should show saved page terms under the page when saved terms are left out', () => {
    const model = buildSheet(input({ pageIds: ['kyphosis', 'scoliosis'], includeSaved: false }));
    expect(model.saved).toEqual([]);
    expect(ids(model.page)).toEqual(['kyphosis', 'scoliosis']);
  });

  it('should leave out page terms when asked, and know when the URL named none', () => {
    expect(buildSheet(input({ pageIds: ['scoliosis'], includePage: false })).page).toEqual([]);
    const none = buildSheet(input({ pageIds: ['no-such-term'] }));
    expect(none.hasPageTerms).toBe(false);
    expect(none.page).toEqual([]);
  });

  it('should be empty only when there are no terms at all', () => {
    expect(buildSheet(input({ saved: [] })).empty).toBe(true);
    expect(buildSheet(input({ saved: [], pageIds: ['scoliosis'] })).empty).toBe(false);
    // Leaving both lists out is a choice, not an empty sheet.
    expect(buildSheet(input({ includeSaved: false })).empty).toBe(false);
  });

  it('should give universal, condition, then term groups for the included terms, with headings', () => {
    const model = buildSheet(input({ pageIds: ['kyphoplasty'] }));
    expect(model.groups.map((g) => `${g.kind}:${g.id}`)).toEqual([
      'universal:universal',
      'condition:osteoporosis-back-pain',
      'term:t-score',
      'term:kyphoplasty',
    ]);
    expect(model.groups.map((g) => g.heading)).toEqual([
      'Three questions for every visit',
      'Osteoporosis and back pain',
      'About T-score',
      'About Kyphoplasty',
    ]);
    expect(model.groups[0]!.note).toBe('From the Ask Me 3 programme');
    expect(model.groups[1]!.note).toBeUndefined();
    expect(buildSheet(input({ includeSaved: false })).groups.map((g) => g.kind)).toEqual(['universal', 'condition']);
  });

  it('should tick universal and condition questions by default, and no term question', () => {
    const model = buildSheet(input());
    for (const g of model.groups) for (const q of g.questions) expect(q.ticked, q.key).toBe(g.kind !== 'term');
    expect(model.groups.find((g) => g.kind === 'term')!.questions.length).toBeGreaterThan(0);
  });

  it('should tick exactly the picked keys once the reader has ticked any', () => {
    const [universal, , tScore] = questionGroups(['t-score'], 'osteoporosis-back-pain');
    const picked = [questionKey(tScore!, tScore!.questions[0]!), questionKey(universal!, universal!.questions[1]!)];
    const model = buildSheet(input({ picked }));
    expect(keysOf(model, true).sort()).toEqual([...picked].sort());
    expect(buildSheet(input({ picked: [] })).groups.every((g) => g.questions.every((q) => !q.ticked))).toBe(true);
  });

  it('should name each organisation behind the included definitions once', () => {
    const model = buildSheet(input({ pageIds: ['kyphoplasty', 'scoliosis'] }));
    const expected = [
      ...new Set(
        ['t-score', 'kyphosis', 'kyphoplasty', 'scoliosis'].flatMap((id) => termById.get(id)!.sources.map((s) => s.org)),
      ),
    ];
    expect(model.sources).toEqual(expected);
    expect(new Set(model.sources).size).toBe(model.sources.length);
    expect(buildSheet(input({ saved: [] })).sources).toEqual([]);
  });

  it('should give the day in words and as YYYY-MM-DD in local time', () => {
    const model = buildSheet(input({ date: new Date(2026, 0, 5, 23, 59) }));
    expect(model.dateText).toBe('5 January 2026');
    expect(model.isoDate).toBe('2026-01-05');
    expect(isoDay(new Date(2026, 11, 31, 0, 1))).toBe('2026-12-31');
  });
});

describe('nextPicked', () => {
  it('should turn the defaults into a list on the first tick, then add and remove keys', () => {
    const model = buildSheet(input());
    const defaults = keysOf(model, true);
    const termKey = model.groups.find((g) => g.kind === 'term')!.questions[0]!.key;
    const first = nextPicked(undefined, model, termKey, true);
    expect(first).toEqual([...defaults, termKey]);
    expect(nextPicked(first, model, defaults[0]!, false)).toEqual([...defaults.slice(1), termKey]);
    expect(nextPicked(['gone/q', termKey], model, termKey, false)).toEqual(['gone/q']);
  });
});

describe('pageIdsFrom', () => {
  it.each([
    ['?page=kyphosis,t-score', ['kyphosis', 't-score']],
    ['?page=%20kyphosis%20,,scoliosis', ['kyphosis', 'scoliosis']],
    ['?q=x', []],
    ['', []],
  ])('should read %j', (search, expected) => {
    expect(pageIdsFrom(search)).toEqual(expected);
  });
});

describe('sheetText', () => {
  it('should hold the title, date, terms, ticked questions numbered, own questions, notes, disclaimer and sources', () => {
    const model = buildSheet(input({ pageIds: ['scoliosis'], own: ['Can I still garden?'], notes: '  Pain since May.  ' }));
    const text = sheetText(model);
    const kyphosis = termById.get('kyphosis')!;
    expect(text.startsWith('Visit sheet\n===========\n1 December 2026\n')).toBe(true);
    expect(text).toContain(
      `My saved terms\n--------------\n- T-score: ${termById.get('t-score')!.definition}\n- Kyphosis: ${kyphosis.definition}`,
    );
    expect(text).toContain(`Terms on the page\n-----------------\n- Scoliosis: `);
    expect(text).toContain(
      'Three questions for every visit (From the Ask Me 3 programme)\n1. What is my main problem?\n2. What do I need to do?\n3. Why is it important for me to do this?',
    );
    expect(text).toContain('My own questions\n1. Can I still garden?');
    expect(text).toContain('Notes\n-----\nPain since May.\n');
    expect(text).toContain('not medical advice');
    expect(text.trimEnd().endsWith(`Sources: ${model.sources.join(', ')}`)).toBe(true);
    expect(text).not.toContain('[ ]');
  });

  it('should hold ticked questions and no unticked one', () => {
    const model = buildSheet(input());
    const term = model.groups.find((g) => g.kind === 'term')!;
    const universal = model.groups[0]!;
    const picked = [term.questions[0]!.key, universal.questions[2]!.key];
    const text = sheetText(buildSheet(input({ picked })));
    expect(text).toContain(`About T-score\n1. ${term.questions[0]!.text}`);
    expect(text).toContain(`Three questions for every visit (From the Ask Me 3 programme)\n1. ${universal.questions[2]!.text}`);
    for (const q of [...universal.questions.slice(0, 2), ...term.questions.slice(1), ...model.groups[1]!.questions])
      expect(text, q.key).not.toContain(q.text);
    // A group with nothing ticked has no heading either.
    expect(text).not.toContain('Osteoporosis and back pain');
  });

  it('should leave out empty parts', () => {
    const text = sheetText(buildSheet(input({ saved: [], picked: [] })));
    expect(text).not.toContain('My saved terms');
    expect(text).not.toContain('Questions to ask');
    expect(text).not.toContain('Notes');
    expect(text).toContain('Definitions from the Health Glossary extension.\n');
    expect(text).not.toContain('Sources:');
  });
});
