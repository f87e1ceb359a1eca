import trie from 'virtual:glossary-trie';
import { describe, expect, it } from 'vitest';
import { CUE_GROUPS } from '../../glossary/cues';
import { compileMatcher, loadMatcher } from '../../glossary/matcher';
import { TERMS } from '../../glossary/terms';

describe('the prebuilt trie shipped to the content script', () => {
  const text = 'A vertebral compression fracture (VCF) from osteoporosis; a DXA scan; weight-bearing exercise; vcf.';

  it('should match exactly like a trie compiled from the glossary at run time', () => {
    expect(loadMatcher(trie).find(text)).toEqual(compileMatcher(TERMS).find(text));
    expect(
      loadMatcher(trie)
        .find(text)
        .map((m) => m.termId),
    ).toContain('vertebral-compression-fracture');
  });

  it('should carry the compiled cues and counters of the ambiguous forms', () => {
    expect(trie.sense).toEqual(compileMatcher(TERMS, CUE_GROUPS).sense);
    expect(loadMatcher(trie).find('a CT scan and CT')).toEqual([
      { start: 2, end: 9, termId: 'ct-scan' },
      { start: 14, end: 16, termId: 'ct-scan', rule: expect.any(Number) },
    ]);
  });

  it('should survive a JSON round trip (it ships as JSON)', () => {
    expect(loadMatcher(JSON.parse(JSON.stringify(trie))).size).toBe(compileMatcher(TERMS).size);
  });
});
