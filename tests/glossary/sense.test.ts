import { describe, expect, it } from 'vitest';
import { compileMatcher, type MatchableTerm } from '../../glossary/matcher';
import { matchable } from '../support/terms';
import { createSenseCheck, sentenceAround, type SenseWindow } from '../../glossary/sense';

/** A matchable term with senses: `extra` adds variants, cues and ambiguous forms. */
const t = (id: string, term: string, extra: Partial<MatchableTerm> = {}): MatchableTerm => ({ ...matchable(id, term), ...extra });
const TERMS = [
  t('osteoporosis', 'osteoporosis'),
  t('fall', 'fall', {
    variants: ['falls'],
    cues: ['hip', '@injury', '#osteoporosis'],
    ambiguousForms: [{ form: 'fall', counter: ['levels fall', 'fall in love'] }],
  }),
  t('ct-scan', 'CT scan', {
    abbreviations: ['CT'],
    ambiguousForms: [{ form: 'CT', cues: ['scan', 'X-ray'], counter: ['Hartford, CT'] }],
  }),
  t('cast', 'cast', { cues: ['#fall'], ambiguousForms: [{ form: 'cast' }] }),
];
const matcher = compileMatcher(TERMS, { injury: ['broken bone', 'injury'] });
const standing = (text: string, window: SenseWindow = 'sentence'): string[] =>
  createSenseCheck(matcher.sense, window)
    .standing(text, matcher.find(text))
    .map((m) => text.slice(m.start, m.end));

describe('createSenseCheck', () => {
  it.each([
    ['should keep an ambiguous form with a cue word', 'A fall can break a hip.', ['fall']],
    ['should keep an ambiguous form with a cue from a group', 'After a fall, an injury.', ['fall']],
    ['should keep an ambiguous form near a mark of a cue entry', 'A fall with osteoporosis.', ['fall', 'osteoporosis']],
    ['should drop an ambiguous form without a cue', 'The leaves fall in autumn.', []],
    ['should drop an ambiguous form that a counter-phrase covers', 'Hip estrogen levels fall.', []],
    ['should veto only the occurrence the counter covers', 'They fall in love. A fall broke her hip.', ['fall']],
    ['should match a counter-phrase that starts before the sentence', 'Open at 5 p.m. Hartford, CT with X-ray.', []],
    ['should keep an abbreviation with its own cue', 'A CT shows more than an X-ray.', ['CT']],
    ['should not let a form be its own cue', 'cast, cast', []],
    ['should let a confirmed ambiguous mark confirm another', 'After a fall that hurt her hip, a cast.', ['fall', 'cast']],
    ['should always keep unambiguous forms', 'osteoporosis', ['osteoporosis']],
  ])('%s', (_name, text, expected) => {
    expect(standing(text)).toEqual(expected);
  });

  it.each([
    ['sentence', []],
    ['block', ['fall']],
  ] as const)('should look for cues in the same %s', (window, expected) => {
    expect(standing('She had a fall. The hip healed.', window)).toEqual(expected);
  });

  it('should not load the compiled cues for a text without ambiguous forms', () => {
    const sense = {
      get phrases(): never {
        throw new Error('loaded');
      },
      rules: [],
      groups: [],
      longest: 0,
    };
    expect(() => createSenseCheck(sense).standing('osteoporosis', matcher.find('osteoporosis'))).not.toThrow();
    expect(() => createSenseCheck(sense).standing('a fall', matcher.find('a fall'))).toThrow('loaded');
  });
});

describe('sentenceAround', () => {
  it.each([
    ['should stop at full stops', 'One. Two fall here. Three.', 'Two fall here.'],
    ['should not stop after an abbreviation', 'See e.g. the fall here.', 'See e.g. the fall here.'],
    ['should not stop inside a number', 'About 2.5 fall here.', 'About 2.5 fall here.'],
  ])('%s', (_name, text, expected) => {
    const i = text.indexOf('fall');
    const [s, e] = sentenceAround(text, i, i + 4);
    expect(text.slice(s, e).trim()).toBe(expected);
  });
});
