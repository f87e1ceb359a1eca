import { describe, expect, it } from 'vitest';
import { cueGroupProblems, GlossaryDataError, parseCondition, parseTerms, unsortedIds } from '../../glossary/schema';

const entry = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'kyphosis',
  term: 'kyphosis',
  variants: ['kyphotic'],
  abbreviations: [],
  definition: 'A forward rounding of the upper back.',
  details: 'It can follow spine fractures. It may cause pain and height loss.',
  pronunciation: 'ky-FOH-sis',
  category: 'condition',
  related: [],
  sources: [{ org: 'NIAMS', url: 'https://www.niams.nih.gov/health-topics/osteoporosis' }],
  reviewed: '2026-12-01',
  ...over,
});

const problemsOf = (raw: unknown): string[] => {
  try {
    parseTerms(raw);
    return [];
  } catch (e) {
    if (e instanceof GlossaryDataError) return e.problems;
    throw e;
  }
};

describe('parseTerms', () => {
  it('should accept a valid entry', () => {
    expect(parseTerms([entry()])).toHaveLength(1);
  });

  it.each([
    ['a missing definition', { definition: undefined }, 'kyphosis.definition: expected a string, got nothing'],
    ['an empty term', { term: ' ' }, 'kyphosis.term: must not be empty'],
    ['trailing spaces', { details: 'Text. ' }, 'kyphosis.details: has leading or trailing spaces'],
    ['a definition over 35 words', { definition: 'word '.repeat(36).trim() }, 'kyphosis.definition: has 36 words; at most 35'],
    ['an unknown category', { category: 'magic' }, 'kyphosis.category: unknown category "magic"'],
    [
      'a source from an unknown organisation',
      { sources: [{ org: 'Blog', url: 'https://example.org' }] },
      'kyphosis.sources[0].org: unknown organisation "Blog"',
    ],
    [
      'a source that is not https',
      { sources: [{ org: 'NHS', url: 'http://nhs.uk' }] },
      'kyphosis.sources[0].url: expected an https URL',
    ],
    ['no sources', { sources: [] }, 'kyphosis.sources: needs at least one source'],
    ['a variant that is not a string', { variants: [3] }, 'kyphosis.variants[0]: expected a string'],
    ['an unknown field', { colour: 'red' }, 'kyphosis.colour: unknown field'],
    ['a related id that does not exist', { related: ['nope'] }, 'kyphosis.related[0]: no entry with id "nope"'],
    ['the old ambiguous flag', { ambiguous: true }, 'kyphosis.ambiguous: unknown field'],
    ['a bad id', { id: 'Kyphosis!' }, 'Kyphosis!.id: expected a kebab-case id'],
    [
      'a missing review date',
      { reviewed: undefined },
      'kyphosis.reviewed: missing; expected the date the entry was checked, as YYYY-MM-DD',
    ],
    ['a review date in another format', { reviewed: '1 December 2026' }, 'kyphosis.reviewed: expected a date as YYYY-MM-DD'],
    ['a review date that is not a day', { reviewed: '2026-02-30' }, 'kyphosis.reviewed: expected a date as YYYY-MM-DD'],
    ['a review date that is not a string', { reviewed: 20261201 }, 'kyphosis.reviewed: expected a date as YYYY-MM-DD'],
  ])('should reject %s, naming the entry id and field', (_name, over, message) => {
    expect(problemsOf([entry(over)])).toContain(message);
  });

  it('should reject a written form used by two entries, case-insensitively for names', () => {
    const problems = problemsOf([entry(), entry({ id: 'hunchback', term: 'hunchback', variants: ['Kyphotic'] })]);
    expect(problems).toContain('hunchback.variants[0]: "Kyphotic" is already used by kyphosis');
  });

  it('should allow an abbreviation that differs only in case from a name', () => {
    expect(() => parseTerms([entry({ abbreviations: ['KYPHOSIS'] })])).not.toThrow();
  });

  it('should reject duplicate ids', () => {
    expect(problemsOf([entry(), entry({ term: 'other' })])).toContain('kyphosis.id: duplicate id');
  });

  it('should throw a readable message listing every problem', () => {
    expect(() => parseTerms([entry({ definition: '' })])).toThrow(/kyphosis\.definition: must not be empty/);
  });
});

describe('parseTerms: cues and ambiguous forms', () => {
  const other = entry({ id: 'vertebra', term: 'vertebra', variants: [] });
  const groups = { 'spine-back': ['spine', 'back pain'] };
  const problems = (over: Record<string, unknown>): string[] => {
    try {
      parseTerms([entry(over), other], groups);
      return [];
    } catch (e) {
      if (e instanceof GlossaryDataError) return e.problems;
      throw e;
    }
  };

  it.each([
    ['a cue word', { cues: ['curve'], ambiguousForms: [{ form: 'kyphosis' }] }],
    ['an entry cue', { ambiguousForms: [{ form: 'kyphotic', cues: ['#vertebra'] }] }],
    ['a cue group', { cues: ['@spine-back'], ambiguousForms: [{ form: 'Kyphosis' }] }],
    ['an abbreviation in its exact case', { abbreviations: ['KY'], cues: ['curve'], ambiguousForms: [{ form: 'KY' }] }],
    [
      'a counter-phrase with a hyphen for a space',
      { cues: ['curve'], ambiguousForms: [{ form: 'kyphosis', counter: ['kyphosis-like font'] }] },
    ],
  ])('should accept %s', (_name, over) => {
    expect(problems(over)).toEqual([]);
  });

  it.each([
    [
      'a form that is not a written form of the entry',
      { cues: ['curve'], ambiguousForms: [{ form: 'hump' }] },
      'kyphosis.ambiguousForms[0].form: "hump" is not the entry\'s term, a variant or an abbreviation',
    ],
    [
      'an abbreviation in the wrong case',
      { abbreviations: ['KY'], cues: ['curve'], ambiguousForms: [{ form: 'ky' }] },
      'kyphosis.ambiguousForms[0].form: "ky" is not the entry\'s term, a variant or an abbreviation',
    ],
    [
      'an ambiguous form without cues',
      { ambiguousForms: [{ form: 'kyphosis' }] },
      "kyphosis.ambiguousForms[0].cues: an ambiguous form needs cues (its own or the entry's)",
    ],
    [
      'an entry cue naming no entry',
      { cues: ['#nope'], ambiguousForms: [{ form: 'kyphosis' }] },
      'kyphosis.cues[0]: no entry with id "nope"',
    ],
    [
      'a form cue naming no entry',
      { ambiguousForms: [{ form: 'kyphosis', cues: ['curve', '#nope'] }] },
      'kyphosis.ambiguousForms[0].cues[1]: no entry with id "nope"',
    ],
    [
      'a cue group that does not exist',
      { cues: ['@nope'], ambiguousForms: [{ form: 'kyphosis' }] },
      'kyphosis.cues[0]: no cue group "nope" in glossary/data/cues.json',
    ],
    [
      'a counter-phrase without its form',
      { cues: ['curve'], ambiguousForms: [{ form: 'kyphosis', counter: ['kyphos is'] }] },
      'kyphosis.ambiguousForms[0].counter[0]: "kyphos is" does not contain the form "kyphosis"',
    ],
    [
      'a counter-phrase with the form only inside a word',
      { cues: ['curve'], ambiguousForms: [{ form: 'kyphosis', counter: ['hyperkyphosis here'] }] },
      'kyphosis.ambiguousForms[0].counter[0]: "hyperkyphosis here" does not contain the form "kyphosis"',
    ],
    ['cues that are not strings', { cues: [1] }, 'kyphosis.cues[0]: expected a string'],
    [
      'an unknown field in an ambiguous form',
      { cues: ['curve'], ambiguousForms: [{ form: 'kyphosis', colour: 'red' }] },
      'kyphosis.ambiguousForms[0].colour: unknown field',
    ],
  ])('should reject %s, naming the entry id and field', (_name, over, message) => {
    expect(problems(over)).toContain(message);
  });

  it('should treat a hyphen and a space as the same written form', () => {
    expect(problems({ variants: ['weight-bearing', 'weight bearing'] })).toContain(
      'kyphosis.variants[1]: "weight bearing" is listed twice',
    );
  });
});

describe('cueGroupProblems', () => {
  it.each([
    ['a valid file', { 'bone-health': ['bone'] }, []],
    ['an empty group', { 'bone-health': [] }, ['cues.json bone-health.list: a group needs cues']],
    [
      'a reference inside a group',
      { 'bone-health': ['#bone'] },
      ['cues.json bone-health.list[0]: a group holds plain words and phrases only'],
    ],
    ['a bad group name', { Bone: ['bone'] }, ['cues.json Bone: expected a kebab-case group name']],
  ])('should check %s', (_name, raw, expected) => {
    expect(cueGroupProblems(raw)).toEqual(expected);
  });
});

describe('unsortedIds', () => {
  it('should report an entry out of order', () => {
    expect(unsortedIds('a.json', [{ id: 'b' }, { id: 'a' }])).toEqual(['a.id: a.json must be sorted by id (comes after b)']);
    expect(unsortedIds('a.json', [{ id: 'a' }, { id: 'b' }])).toEqual([]);
  });
});

describe('parseCondition', () => {
  const condition = {
    id: 'osteoporosis-back-pain',
    title: 'Osteoporosis and back pain',
    summary: 'How weak bones can hurt your back.',
    sections: [{ id: 'what', heading: 'What it is', blocks: [{ type: 'paragraph', text: 'Bones get thin.' }] }],
    sources: [{ org: 'NIAMS', url: 'https://www.niams.nih.gov/health-topics/osteoporosis' }],
  };

  it('should accept a valid overview', () => {
    expect(parseCondition(condition).sections).toHaveLength(1);
  });

  it.each([
    ['an unknown block type', { type: 'table' }, 'sections[0].blocks[0].type: expected "paragraph" or "list"'],
    ['an empty list', { type: 'list', items: [] }, 'sections[0].blocks[0].items: a list needs items'],
  ])('should reject %s', (_name, block, message) => {
    const bad = { ...condition, sections: [{ ...condition.sections[0], blocks: [block] }] };
    expect(() => parseCondition(bad)).toThrow(message);
  });
});
