import { describe, expect, it } from 'vitest';
import { GlossaryDataError, parseCondition, parseTerms, unsortedIds } from '../../glossary/schema';

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
    ['a non-boolean ambiguous flag', { ambiguous: 'yes' }, 'kyphosis.ambiguous: expected true or false'],
    ['a bad id', { id: 'Kyphosis!' }, 'Kyphosis!.id: expected a kebab-case id'],
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
