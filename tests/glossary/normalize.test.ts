import { describe, expect, it } from 'vitest';
import { isWordCode, normalizeText } from '../../glossary/normalize';

describe('normalizeText', () => {
  it.each([
    ['should fold case', 'Kyphosis VCF', true, 'kyphosis vcf'],
    ['should keep case when asked', 'VCF', false, 'VCF'],
    ['should turn curly apostrophes straight', 'dowager’s hump', true, "dowager's hump"],
    ['should turn non-breaking spaces into spaces', 'bone\u00a0mass', true, 'bone mass'],
    ['should turn hyphens into spaces', 'weight-bearing', true, 'weight bearing'],
    ['should turn non-breaking hyphens into spaces', 'x\u2011ray', true, 'x ray'],
    ['should turn en dashes into spaces', 'minimally\u2013invasive', true, 'minimally invasive'],
    ['should drop soft hyphens', 'kypho\u00adsis', true, 'kyphosis'],
    ['should collapse and trim whitespace', '  bone \n\t mass  ', true, 'bone mass'],
    ['should fold non-ASCII letters', 'ÉTUDE', true, 'étude'],
  ])('%s', (_name, input, fold, expected) => {
    expect(normalizeText(input, fold)).toBe(expected);
  });
});

describe('isWordCode', () => {
  it.each([
    ['a', true],
    ['Z', true],
    ['7', true],
    ['é', true],
    ['\u0301', true], // combining accent
    ['\u00ad', true], // soft hyphen sits inside words
    ['\ue000', true], // the scanner's stand-in for hidden word characters
    [' ', false],
    ["'", false],
    ['-', false],
    ['—', false],
    ['(', false],
    ['\ufffc', false],
  ])('should classify %j as word=%s', (ch, word) => {
    expect(isWordCode(ch.charCodeAt(0))).toBe(word);
  });
});
