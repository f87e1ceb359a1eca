import { describe, expect, it } from 'vitest';
import { createGate, HEALTH_PAGE_THRESHOLD, isHealthPage, type Sighting } from '../../glossary/gate';

const seen = (...pairs: [string, number][]): Sighting[] => pairs.map(([termId, block]) => ({ termId, block }));

describe('isHealthPage', () => {
  it.each([
    ['no terms', seen(), false],
    ['one stray term', seen(['x-ray', 1]), false],
    [`${HEALTH_PAGE_THRESHOLD} terms in one block`, seen(['osteoporosis', 1], ['kyphosis', 1], ['vertebra', 1]), false],
    ['two terms in two blocks', seen(['osteoporosis', 1], ['kyphosis', 2]), false],
    ['one term repeated in many blocks', seen(['osteoporosis', 1], ['osteoporosis', 2], ['osteoporosis', 3]), false],
    [`${HEALTH_PAGE_THRESHOLD} terms over two blocks`, seen(['osteoporosis', 1], ['kyphosis', 1], ['vertebra', 2]), true],
    ['three terms in three blocks', seen(['osteoporosis', 1], ['kyphosis', 2], ['vertebra', 3]), true],
    [
      'three terms, one of them repeated in a second block',
      seen(['osteoporosis', 1], ['kyphosis', 1], ['vertebra', 1], ['kyphosis', 2]),
      true,
    ],
  ])('should say %s is %s', (_name, sightings, expected) => {
    expect(isHealthPage(sightings)).toBe(expected);
  });
});

describe('createGate', () => {
  it('should open on the sighting that makes the page qualify, and stay open', () => {
    const gate = createGate();
    gate.see('osteoporosis', 'a');
    gate.see('kyphosis', 'a');
    gate.see('vertebra', 'a');
    expect(gate.open).toBe(false);
    gate.see('kyphosis', 'b');
    expect(gate.open).toBe(true);
    gate.see('other', 'c');
    expect(gate.open).toBe(true);
  });
});
