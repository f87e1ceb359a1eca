import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { parseVisitSheet, VISIT_SHEET_LIMITS, visitSheetItem } from '../../settings/visit-sheet';

const DEFAULTS = { own: [], notes: '' };

describe('parseVisitSheet', () => {
  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'garbage'],
    ['a number', 42],
    ['an array', [1, 2]],
    ['an empty object', {}],
    ['fields of the wrong type', { picked: 'all', own: 'one', notes: 7 }],
  ])('should give the defaults for %s', (_name, value) => {
    expect(parseVisitSheet(value)).toEqual(DEFAULTS);
    expect(parseVisitSheet(value).picked).toBeUndefined();
  });

  it('should keep a valid value as it is', () => {
    const v = { picked: ['universal/main-problem', 't-score/what-mean'], own: ['Can I garden?'], notes: 'Pain since May.' };
    expect(parseVisitSheet(v)).toEqual(v);
  });

  it('should keep an empty picked list (nothing ticked), apart from no list (defaults)', () => {
    expect(parseVisitSheet({ picked: [], own: [], notes: '' }).picked).toEqual([]);
  });

  it('should drop picked entries that are not question keys, and repeats', () => {
    const picked = ['universal/main-problem', 'universal/main-problem', 'no-slash', 3, null, 'UP/case', '../x', 'a/b/c'];
    expect(parseVisitSheet({ picked }).picked).toEqual(['universal/main-problem']);
  });

  it('should trim own questions, drop empty and non-text ones, and cap them at 20 of 200 characters', () => {
    expect(parseVisitSheet({ own: ['  Why?  ', '', '   ', 5, null, 'How?'] }).own).toEqual(['Why?', 'How?']);
    const many = Array.from({ length: 30 }, (_, i) => `Question ${i}?`);
    const own = parseVisitSheet({ own: [...many, 'x'.repeat(1000)] }).own;
    expect(own).toHaveLength(VISIT_SHEET_LIMITS.ownQuestions);
    expect(own).toEqual(many.slice(0, 20));
    expect(parseVisitSheet({ own: ['y'.repeat(1000)] }).own).toEqual(['y'.repeat(200)]);
  });

  it('should cap notes at 5,000 characters', () => {
    expect(parseVisitSheet({ notes: 'n'.repeat(100_000) }).notes).toHaveLength(5000);
  });

  it('should never throw on odd objects', () => {
    const hostile = Object.create(null) as Record<string, unknown>;
    hostile.own = [{ toString: () => 'x' }];
    expect(parseVisitSheet(hostile)).toEqual(DEFAULTS);
    expect(() => parseVisitSheet(new Proxy({}, {}))).not.toThrow();
  });
});

describe('visitSheetItem', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should live in local storage under visitSheet, with the defaults when empty', async () => {
    expect(parseVisitSheet(await visitSheetItem.getValue())).toEqual(DEFAULTS);
    await visitSheetItem.setValue({ own: ['Why?'], notes: 'n' });
    expect(await fakeBrowser.storage.local.get('visitSheet')).toEqual({ visitSheet: { own: ['Why?'], notes: 'n' } });
    expect(await fakeBrowser.storage.sync.get('visitSheet')).toEqual({});
  });
});
