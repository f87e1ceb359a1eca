import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../glossary/matcher';
import { matchable as t } from '../support/terms';

const GLOSSARY = [
  t(
    'vertebral-compression-fracture',
    'vertebral compression fracture',
    ['compression fracture', 'compression fractures'],
    ['VCF'],
  ),
  t('fracture', 'fracture', ['fractures', 'broken bone']),
  t('vertebra', 'vertebra', ['vertebrae']),
  t('kyphosis', 'kyphosis'),
  t('kyphos', 'kyphos'),
  t('osteoporosis', 'osteoporosis'),
  t('bone-mineral-density', 'bone mineral density', [], ['BMD']),
  t('mineral', 'mineral'),
  t('weight-bearing-exercise', 'weight-bearing exercise', ['weight bearing exercise']),
  t('dowagers-hump', "dowager's hump"),
  t('x-ray', 'x-ray'),
];
const matcher = compileMatcher(GLOSSARY);
const found = (text: string): string[] => matcher.find(text).map((m) => `${text.slice(m.start, m.end)}=${m.termId}`);

describe('compileMatcher', () => {
  it.each([
    ['should find a term, ignoring case', 'OSTEOPOROSIS weakens bone', ['OSTEOPOROSIS=osteoporosis']],
    ['should find variants and irregular plurals', 'two vertebrae broke', ['vertebrae=vertebra']],
    ['should match abbreviations case-sensitively', 'a VCF, not a vcf or Vcf', ['VCF=vertebral-compression-fracture']],
    [
      'should prefer the longest match',
      'a vertebral compression fracture hurts',
      ['vertebral compression fracture=vertebral-compression-fracture'],
    ],
    [
      'should prefer the longest match over an earlier shorter one',
      'bone mineral density',
      ['bone mineral density=bone-mineral-density'],
    ],
    ['should not match inside a longer word', 'kyphoscoliosis and kyphosisX', []],
    ['should not match a word that only starts like a term', 'fractured', []],
    ['should treat accented letters as word characters', 'ostéoporose, kyphosé, éVCF', []],
    ['should treat digits as word characters', 'VCF2 and 2VCF', []],
    ['should match before an apostrophe-s', "the vertebra's edge", ['vertebra=vertebra']],
    ['should match before a dash', 'kyphosis—a curve', ['kyphosis=kyphosis']],
    ['should match inside parentheses', 'fracture (VCF).', ['fracture=fracture', 'VCF=vertebral-compression-fracture']],
    ['should match curly apostrophes against straight ones', 'a dowager’s hump', ['dowager’s hump=dowagers-hump']],
    [
      'should match across a non-breaking space',
      'compression\u00a0fracture',
      ['compression\u00a0fracture=vertebral-compression-fracture'],
    ],
    [
      'should match across line breaks and repeated spaces',
      'vertebral\n   compression fracture',
      ['vertebral\n   compression fracture=vertebral-compression-fracture'],
    ],
    ['should match a non-breaking hyphen', 'x\u2011ray', ['x\u2011ray=x-ray']],
    ['should match a space for a hyphen', 'x ray', ['x ray=x-ray']],
    [
      'should match an en dash between letters for a hyphen',
      'weight\u2013bearing exercise',
      ['weight\u2013bearing exercise=weight-bearing-exercise'],
    ],
    ['should not match a dash that is not between letters', 'x - ray and x -ray', []],
    ['should match through a soft hyphen', 'kypho\u00adsis', ['kypho\u00adsis=kyphosis']],
    [
      'should match hyphenated and spaced variants',
      'weight-bearing exercise or weight bearing exercise',
      ['weight-bearing exercise=weight-bearing-exercise', 'weight bearing exercise=weight-bearing-exercise'],
    ],
    ['should match a multi-word variant', 'a broken bone', ['broken bone=fracture']],
    [
      'should report every occurrence in order',
      'fracture, fractures, fracture',
      ['fracture=fracture', 'fractures=fracture', 'fracture=fracture'],
    ],
    ['should find nothing in text without terms', 'The cat sat on the mat.', []],
    ['should find nothing in an empty string', '', []],
    ['should cope with astral characters', '🦴 osteoporosis 🦴', ['osteoporosis=osteoporosis']],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('should return offsets into the original text', () => {
    const text = 'A\u00a0VCF here';
    expect(matcher.find(text)).toEqual([{ start: 2, end: 5, termId: 'vertebral-compression-fracture' }]);
  });

  it('should report which matches are ambiguous forms, and their sense rule', () => {
    const m = compileMatcher([
      t('ct-scan', 'CT scan', [], ['CT']),
      { ...t('fall', 'fall', ['falls']), cues: ['hip'], ambiguousForms: [{ form: 'falls' }, { form: 'fall' }] },
    ]);
    expect(m.find('a CT scan, a CT, a fall, falls').map((x) => x.rule)).toEqual([undefined, undefined, 1, 0]);
    expect(m.sense?.rules).toHaveLength(2);
  });

  it('should keep one trie node per distinct prefix', () => {
    const small = compileMatcher([t('a', 'ab'), t('b', 'abc')]);
    expect(small.size).toBe(4);
  });
});

describe('find in slices', () => {
  const matcher = compileMatcher([t('kyphosis', 'kyphosis'), t('bmd', 'bone mineral density')]);
  const text = 'kyphosis and bone mineral density, then kyphosis again';

  it.each([3, 7, 13, 20, 31])('should find the same matches when cut at %i', (cut) => {
    const whole = matcher.find(text);
    expect([...matcher.find(text, 0, cut), ...matcher.find(text, cut)]).toEqual(whole);
  });

  it('should not start a match inside a word cut by the slice', () => {
    expect(matcher.find('xkyphosis', 1)).toEqual([]);
  });
});
