import { describe, expect, it } from 'vitest';
import { definitionGrade, median } from '../../scripts/readability';
import type { Term } from '../../glossary/types';
import { entry } from '../support/terms';

const term = (definition: string, names: Partial<Term> = {}): Term =>
  entry('x', 'kyphoplasty', { definition, category: 'procedure', ...names });

describe('definitionGrade', () => {
  it('should rate short plain sentences low and long technical ones high', () => {
    const plain = definitionGrade(term('A bone in your back breaks. It hurts a lot.'));
    const hard = definitionGrade(
      term(
        'An interventional radiological procedure incorporating percutaneous polymethylmethacrylate augmentation of osteoporotic vertebral compression deformities.',
      ),
    );
    expect(plain).toBeLessThan(4);
    expect(hard).toBeGreaterThan(12);
  });

  it("should not count the term's own names against its definition", () => {
    const withName = definitionGrade(term('Kyphoplasty fixes a broken back bone with a small balloon and cement.'));
    const withIt = definitionGrade(term('It fixes a broken back bone with a small balloon and cement.'));
    expect(withName).toBe(withIt);
  });
});

describe('median', () => {
  it.each([
    [[], 0],
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
  ])('should take the median of %j', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});
