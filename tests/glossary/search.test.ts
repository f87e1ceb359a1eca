import { describe, expect, it } from 'vitest';
import { createSearchIndex, editDistance, foldWords, search, Tier } from '../../glossary/search';
import { TERMS } from '../../glossary/terms';
import type { Term } from '../../glossary/types';
import { entry } from '../support/terms';

/** A small fixed glossary, so ranking tests do not move when the real data is edited. */
const term = (id: string, name: string, variants: string[] = [], abbreviations: string[] = []): Term =>
  entry(id, name, { variants, abbreviations, details: `${name}.` });
const FIXTURE = [
  term('kyphosis', 'Kyphosis', ['kyphotic', 'rounded back']),
  term('kyphoplasty', 'kyphoplasty', ['balloon kyphoplasty']),
  term('hyperkyphosis', 'Hyperkyphosis'),
  term('vertebral-compression-fracture', 'vertebral compression fracture', ['compression fracture', 'broken back'], ['VCF']),
  term('hip-fracture', 'hip fracture', ['broken hip']),
  term('fracture', 'fracture', ['fractures', 'broken bone']),
  term('x-ray', 'X-ray', ['X rays', 'radiograph']),
  term('pagets-disease-of-bone', "Paget's disease of bone", ['osteitis deformans']),
  term('bone-mineral-density', 'bone mineral density', [], ['BMD']),
  term('spondylolisthesis', 'Spondylolisthesis'),
  term('osteoporosis', 'Osteoporosis', ['brittle bones']),
];
const index = createSearchIndex(FIXTURE);
const ids = (q: string) => search(index, q).map((h) => h.term.id);

describe('search', () => {
  it.each([
    ['kyphosis', 'kyphosis'],
    ['KYPHOSIS', 'kyphosis'],
    ['  kyphosis  ', 'kyphosis'],
    ['kyphosys', 'kyphosis'],
    ['kpyhosis', 'kyphosis'],
    ['kyphoss', 'kyphosis'],
    ['kyphotic', 'kyphosis'],
    ['vcf', 'vertebral-compression-fracture'],
    ['VCF', 'vertebral-compression-fracture'],
    ['bmd', 'bone-mineral-density'],
    ['xray', 'x-ray'],
    ['x ray', 'x-ray'],
    ['x-rays', 'x-ray'],
    ['pagets', 'pagets-disease-of-bone'],
    ['Paget’s', 'pagets-disease-of-bone'],
    ['páget', 'pagets-disease-of-bone'],
    ['KÝPHÖSIS', 'kyphosis'],
    ['osteoporsis', 'osteoporosis'],
    ['osteoporsois', 'osteoporosis'],
    ['spondylolisthsis', 'spondylolisthesis'],
    ['spondylo', 'spondylolisthesis'],
    ['rounded', 'kyphosis'],
    ['brittle bones', 'osteoporosis'],
  ])('should find %j first as %s', (q, id) => {
    expect(ids(q)[0]).toBe(id);
  });

  it('should rank exact, then prefix, then word start, then typo', () => {
    const hits = search(index, 'kyphosis');
    expect(hits.map((h) => [h.term.id, h.tier])).toEqual([['kyphosis', Tier.Exact]]);
    expect(search(index, 'kypho').map((h) => h.term.id)).toEqual(['kyphosis', 'kyphoplasty']);
    const frac = search(index, 'fracture');
    expect(frac.map((h) => h.tier)).toEqual([Tier.Exact, Tier.WordPrefix, Tier.WordPrefix]);
    expect(frac[0]!.term.id).toBe('fracture');
    const typo = search(index, 'kyphosys');
    expect(typo[0]).toMatchObject({ tier: Tier.Fuzzy, matched: 'Kyphosis' });
  });

  it('should prefer a prefix match over a typo match', () => {
    // "hipf" starts "hip fracture" and is one typo from nothing else that ranks above it.
    const hits = search(index, 'hip f');
    expect(hits[0]).toMatchObject({ tier: Tier.Prefix });
    expect(hits[0]!.term.id).toBe('hip-fracture');
  });

  it('should report which variant matched', () => {
    expect(search(index, 'radiograph')[0]).toMatchObject({ matched: 'radiograph', tier: Tier.Exact });
  });

  it('should return one hit per entry', () => {
    const hits = search(index, 'broken');
    expect(new Set(hits.map((h) => h.term.id)).size).toBe(hits.length);
    expect(hits.map((h) => h.term.id).sort()).toEqual(['fracture', 'hip-fracture', 'vertebral-compression-fracture']);
  });

  it('should honour the limit', () => {
    expect(search(index, 'fracture', 2)).toHaveLength(2);
  });

  it.each([
    ['empty', ''],
    ['spaces', '   \n\t '],
    ['emoji', '🦴🦴'],
    ['punctuation', '.*+?^${}()|[]\\/'],
    ['a lone surrogate', '\uD83E'],
  ])('should return nothing, without throwing, for %s input', (_name, q) => {
    expect(search(index, q)).toEqual([]);
  });

  it.each([
    ['regex characters around a word', '(kyphosis)*', 'kyphosis'],
    ['emoji around a word', '🦴 kyphosis 🦴', 'kyphosis'],
    ['a soft hyphen inside a word', 'kypho\u00ADsis', 'kyphosis'],
  ])('should ignore %s', (_name, q, id) => {
    expect(ids(q)[0]).toBe(id);
  });

  it('should not let one or two letters match by typo', () => {
    expect(ids('kz')).toEqual([]);
    expect(ids('ky')).toEqual(['kyphosis', 'kyphoplasty']);
  });

  it('should answer a 10 kB query quickly and without matches', () => {
    const big = 'kyphosis '.repeat(1200);
    const t0 = performance.now();
    expect(search(index, big)).toEqual([]);
    expect(() => search(createSearchIndex(TERMS), big)).not.toThrow();
    expect(performance.now() - t0).toBeLessThan(500);
  });

  it('should find every real entry by its own name, variants and abbreviations first', () => {
    const real = createSearchIndex(TERMS);
    for (const t of TERMS) {
      for (const key of [t.term, ...t.variants, ...t.abbreviations]) {
        const hits = search(real, key);
        expect(hits[0]?.tier, `${t.id}: ${key}`).toBe(Tier.Exact);
        expect(
          hits.filter((h) => h.tier === Tier.Exact).map((h) => h.term.id),
          `${t.id}: ${key}`,
        ).toContain(t.id);
      }
    }
    // Over 1,500 written forms, each searched in the full index.
  }, 30_000);

  it('should accept anything typed as a query', () => {
    expect(() => search(index, undefined as unknown as string)).not.toThrow();
    expect(() => search(index, 42 as unknown as string)).not.toThrow();
  });
});

describe('foldWords', () => {
  it.each([
    ['Kyphosis', ['kyphosis']],
    ['X-ray', ['x', 'ray']],
    ['Paget’s disease', ['paget', 's', 'disease']],
    ['Ménière', ['meniere']],
    ['  ', []],
  ])('should fold %j to %j', (input, words) => {
    expect(foldWords(input)).toEqual(words);
  });
});

describe('editDistance', () => {
  it.each([
    ['kyphosis', 'kyphosis', 0],
    ['kyphosys', 'kyphosis', 1],
    ['kpyhosis', 'kyphosis', 1],
    ['kyphoss', 'kyphosis', 1],
    ['kyphosiss', 'kyphosis', 1],
    ['abc', 'xyz', 3],
    ['', 'abc', 3],
  ])('should measure %j -> %j as %i, giving up past 2', (a, b, d) => {
    expect(editDistance(a, b, 2)).toBe(d);
  });
});
