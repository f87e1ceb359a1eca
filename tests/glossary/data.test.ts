import { describe, expect, it } from 'vitest';
import { definitionGrade, MAX_GRADE, median, TARGET_MEDIAN_GRADE } from '../../scripts/readability';
import { CONDITION_FILES, CONDITIONS, TERM_FILES, TERMS } from '../../glossary/terms';
import { validateGlossary } from '../../glossary/validate';

// Dark Reader style: the shipped data itself is under test.
describe('bundled glossary data', () => {
  it('should pass validation (ids, fields, uniqueness, related ids, sources, order)', () => {
    expect(() => validateGlossary(TERM_FILES, CONDITION_FILES)).not.toThrow();
  });

  it('should have at least 150 entries', () => {
    expect(TERMS.length).toBeGreaterThanOrEqual(150);
  });

  it.each([
    'osteoporosis',
    'bone-mass',
    'microarchitecture',
    'vertebra',
    'vertebral-compression-fracture',
    'kyphosis',
    'vertebral-augmentation',
    'vertebroplasty',
    'kyphoplasty',
    'bone-cement',
    'orthosis',
    'physical-therapy',
    'osteopenia',
    'bone-mineral-density',
  ])('should explain the seed document term %s', (id) => {
    expect(TERMS.some((t) => t.id === id)).toBe(true);
  });

  it.each(['VCF', 'BMD', 'DXA', 'DEXA', 'PTH', 'SERM', 'NSAID', 'HRT', 'ONJ'])('should know the abbreviation %s', (abbr) => {
    expect(TERMS.filter((t) => t.abbreviations.includes(abbr))).toHaveLength(1);
  });

  it.each(['disc', 'brace', 'spine', 'cast', 'fall', 'rest', 'fracture', 'CT', 'X-ray'])(
    'should flag the everyday word %s as an ambiguous form',
    (word) => {
      const owner = TERMS.find((t) =>
        [t.term, ...t.variants, ...t.abbreviations].some((v) => v.toLowerCase() === word.toLowerCase()),
      );
      expect(
        owner?.ambiguousForms?.some((f) => f.form.toLowerCase() === word.toLowerCase()),
        word,
      ).toBe(true);
    },
  );

  it('should keep every definition at or below grade ' + MAX_GRADE, () => {
    const hard = TERMS.map((t) => ({ id: t.id, grade: definitionGrade(t) })).filter((r) => r.grade > MAX_GRADE);
    expect(hard).toEqual([]);
  });

  it(`should keep the median definition grade at or below ${TARGET_MEDIAN_GRADE}`, () => {
    expect(median(TERMS.map(definitionGrade))).toBeLessThanOrEqual(TARGET_MEDIAN_GRADE);
  });

  it('should give every definition one or two sentences', () => {
    const long = TERMS.filter((t) => (t.definition.match(/[.!?](\s|$)/g) ?? []).length > 2).map((t) => t.id);
    expect(long).toEqual([]);
  });

  it('should give every entry 2 to 4 sentences of details', () => {
    const off = TERMS.filter((t) => {
      const n = (t.details.match(/[.!?](\s|$)/g) ?? []).length;
      return n < 2 || n > 4;
    }).map((t) => t.id);
    expect(off).toEqual([]);
  });

  it('should relate entries both ways often enough to browse (every entry links somewhere)', () => {
    expect(TERMS.filter((t) => t.related.length === 0).map((t) => t.id)).toEqual([]);
  });

  it('should have an osteoporosis and back pain overview with an urgent section', () => {
    const c = CONDITIONS.find((x) => x.id === 'osteoporosis-back-pain');
    expect(c).toBeDefined();
    expect(c!.sections.some((s) => s.urgent)).toBe(true);
    expect(c!.sections.length).toBeGreaterThanOrEqual(8);
  });
});
