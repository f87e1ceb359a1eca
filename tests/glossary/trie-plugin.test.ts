import trie from 'virtual:glossary-trie';
import { describe, expect, it, vi } from 'vitest';
import { CUE_GROUPS } from '../../glossary/cues';
import { markBlocks } from '../../glossary/mark-text';
import { buildTrie, compileMatcher, loadMatcher, type CompiledTrie } from '../../glossary/matcher';
import { TERMS } from '../../glossary/terms';
import { trieModule } from '../../scripts/glossary-trie-plugin';

/** Runs the module text the build ships (its one export returned instead of exported). */
const evaluate = (source: string): CompiledTrie =>
  new Function(source.replace(/export default (\w+);$/, 'return $1;'))() as CompiledTrie;

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

  it("should parse the ambiguous forms' cues only when a page holds one, and mark the same either way", () => {
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const shipped = evaluate(trieModule(buildTrie(TERMS, CUE_GROUPS)));
      const matcher = loadMatcher(shipped);
      const blocks = ['Osteoporosis thins the bones.', 'A DXA scan measures bone density.'];
      expect(markBlocks(matcher, blocks)).toEqual(markBlocks(compileMatcher(TERMS, CUE_GROUPS), blocks));
      expect(parse).toHaveBeenCalledTimes(1);
      const ambiguous = [
        'Osteoporosis makes bones thin and weak.',
        'A vertebral compression fracture can cause kyphosis.',
        'After a fall, older adults often break a hip or a wrist.',
      ];
      const marks = markBlocks(matcher, ambiguous);
      expect(parse).toHaveBeenCalledTimes(2);
      expect(marks).toEqual(markBlocks(compileMatcher(TERMS, CUE_GROUPS), ambiguous));
      expect(marks.flat().some((m) => m.rule !== undefined)).toBe(true);
      expect(shipped.sense).toEqual(compileMatcher(TERMS, CUE_GROUPS).sense);
      expect(parse).toHaveBeenCalledTimes(2);
    } finally {
      parse.mockRestore();
    }
  });
});
