import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPrecheck, loadPrecheck } from '../../../glossary/precheck';
import { TERMS } from '../../../glossary/terms';
import { marksAlone } from '../../../scripts/glossary-trie-plugin';
import { buildKeyTable, inPageScript, mayHoldByHash, precheckKeys } from '../../../scripts/bench/in-page-precheck';

const data = buildPrecheck(TERMS, marksAlone);
const precheck = loadPrecheck(data);
const table = buildKeyTable(data);
const byHash = (text: string): boolean => mayHoldByHash(text, table);
const PAGES = path.resolve('../shared/pages');

describe('the in-page precheck experiment', () => {
  it('should hold every key of the precheck', () => {
    const keys = precheckKeys(data);
    expect(keys.length).toBeGreaterThan(data.words.split('|').length);
    for (const key of keys) expect(byHash(`x ${key.join(' ')} y`), key.join(' ')).toBe(true);
  });

  it.each([
    'Osteoporosis makes bones weak.',
    'osteo\u00adporosis with a soft hyphen',
    'A loss of power, type 2 errors, the head of state and long term plans; wear and tear.',
    'Type 2 diabetes and loss of bladder control.',
    'A loss of loss of bladder control.',
    'The quick brown fox jumps over the lazy dog.',
    'OSTEOPOROSIS',
    '',
  ])('should answer %j as the precheck does', (text) => {
    expect(byHash(text)).toBe(precheck(text));
  });

  it('should answer as the precheck does on mixed words and separators (property)', () => {
    const forms = TERMS.flatMap((t) => [t.term, ...t.variants, ...t.abbreviations]);
    const filler = ['the', 'bone', 'loss', 'of', 'type', '2', 'İ', '\u212a', 'é', 'x', 'Pain', 'BACK'];
    const seps = [' ', '\n', ', ', '-', '\u00a0', '\u00ad', '\u2019s ', ''];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...forms, ...filler), fc.constantFrom(...seps)), { maxLength: 8 }),
        (parts) => {
          const text = parts.map(([w, s]) => w + s).join('');
          expect(byHash(text), text).toBe(precheck(text));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it.skipIf(!existsSync(PAGES))('should answer as the precheck does on the saved real pages', () => {
    for (const f of readdirSync(PAGES).filter((x) => x.endsWith('.html'))) {
      const text = readFileSync(path.join(PAGES, f), 'utf8')
        .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
        .replace(/<[^>]+>/g, ' ');
      expect(byHash(text), f).toBe(precheck(text));
    }
  });

  it('should make a script that runs on its own', () => {
    const script = inPageScript(data, '');
    const run = new Function('document', 'atob', `${script}\nreturn globalThis.hgMaybe;`) as (
      d: unknown,
      a: (s: string) => string,
    ) => boolean;
    const doc = (text: string): unknown => ({ body: { innerText: text } });
    const atob = (s: string): string => Buffer.from(s, 'base64').toString('latin1');
    expect(run(doc('Her osteoporosis'), atob)).toBe(true);
    expect(run(doc('A loaf of bread'), atob)).toBe(false);
  });
});
