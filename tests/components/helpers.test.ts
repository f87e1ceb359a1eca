import { describe, expect, it } from 'vitest';
import { readGlossaryLocation, termFromHash } from '../../components/glossary-location';
import { format, t } from '../../components/i18n';
import { displayName, groupByLetter, letterOf } from '../../components/letters';
import { pageLabel, sourceLabels } from '../../components/Sources';
import { tabForKey } from '../../components/Tabs';
import { TERMS } from '../../glossary/terms';
import type { Term } from '../../glossary/types';
import { entry } from '../support/terms';
import en from '../../public/_locales/en/messages.json';

const term = (name: string): Term => entry(name, name);

describe('i18n', () => {
  it('should fall back to the English catalogue when the browser has no message (the fake browser)', () => {
    expect(t('tabGlossary')).toBe('Glossary');
    expect(t('switchSite', 'example.com')).toBe('Mark terms on example.com');
    expect(t('onPageCountMany', 3)).toBe('3 times');
    expect(t('searchNone', 'a$1b')).toBe('No terms match “a$1b”. Check the spelling, or try a shorter word.');
  });

  it.each([
    [{ message: 'Hi $NAME$!', placeholders: { name: { content: '$1' } } }, ['Ann'], 'Hi Ann!'],
    [{ message: 'Costs $$5' }, [], 'Costs $5'],
    [{ message: '$A$ and $B$', placeholders: { a: { content: '$2' }, b: { content: '$1' } } }, ['x', 'y'], 'y and x'],
    [{ message: 'Missing $1' }, [], 'Missing '],
  ])('should substitute like Chrome: %j', (entry, subs, out) => {
    expect(format(entry, subs)).toBe(out);
  });

  it('should have a message and a description or plain text for every key, and no empty one', () => {
    for (const [key, entry] of Object.entries(en)) {
      expect(entry.message.trim(), key).not.toBe('');
      expect(key, key).toMatch(/^[A-Za-z0-9_]+$/);
    }
    expect(en.extDescription.message.length).toBeLessThanOrEqual(132);
    expect(en.extName.message.length).toBeLessThanOrEqual(75);
  });
});

describe('letters', () => {
  it.each([
    ['kyphosis', 'K'],
    ['Écho', 'E'],
    ['5-alpha', '#'],
    ["'quoted'", 'Q'],
  ])('should file %j under %s', (name, letter) => {
    expect(letterOf(term(name))).toBe(letter);
  });

  it('should capitalise names for headings only at the first letter', () => {
    expect(displayName(term('vitamin D'))).toBe('Vitamin D');
    expect(displayName(term('T-score'))).toBe('T-score');
  });

  it('should group the real glossary A-Z, each entry once, sorted within its letter', () => {
    const groups = groupByLetter(TERMS);
    expect(groups.map((g) => g.letter)).toEqual([...groups.map((g) => g.letter)].sort());
    expect(groups.flatMap((g) => g.terms)).toHaveLength(TERMS.length);
    for (const g of groups) {
      const names = g.terms.map((x) => x.term.toLowerCase());
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    }
  });
});

describe('tabForKey', () => {
  it.each([
    ['ArrowRight', 0, 1],
    ['ArrowRight', 2, 0],
    ['ArrowLeft', 0, 2],
    ['Home', 2, 0],
    ['End', 0, 2],
    ['Enter', 1, undefined],
  ])('should move %s from tab %i to %s of 3', (key, from, to) => {
    expect(tabForKey(key, from, 3)).toBe(to);
  });
});

describe('glossary location', () => {
  const isTerm = (id: string) => id === 'kyphosis';
  it.each([
    ['?q=kyphosys', '', { query: 'kyphosys', termId: undefined }],
    ['?q=%E2%9C%93%20bone', '#kyphosis', { query: '✓ bone', termId: 'kyphosis' }],
    ['', '#nope', { query: '', termId: undefined }],
    ['?q=' + 'x'.repeat(500), '', { query: 'x'.repeat(200), termId: undefined }],
  ])('should read %j %j', (search, hash, out) => {
    expect(readGlossaryLocation(search, hash, isTerm)).toEqual(out);
  });

  it('should not throw on a malformed escape', () => {
    expect(termFromHash('#%E0%A4%A', isTerm)).toBeUndefined();
  });
});

describe('sources', () => {
  it('should name the page only when one organisation is cited twice', () => {
    expect(
      sourceLabels([
        { org: 'NIAMS', url: 'https://www.niams.nih.gov/health-topics/osteoporosis' },
        { org: 'NIAMS', url: 'https://www.niams.nih.gov/health-topics/back-pain' },
        { org: 'NHS', url: 'https://www.nhs.uk/conditions/osteoporosis/' },
      ]),
    ).toEqual(['NIAMS (osteoporosis)', 'NIAMS (back pain)', 'NHS']);
  });

  it.each([
    ['https://ods.od.nih.gov/factsheets/Calcium-Consumer/', 'Calcium Consumer'],
    ['https://medlineplus.gov/osteoporosis.html', 'osteoporosis'],
    ['https://www.bonehealthandosteoporosis.org/', ''],
    ['not a url', ''],
  ])('should label %s as %j', (url, label) => {
    expect(pageLabel(url)).toBe(label);
  });
});
