import { describe, expect, it } from 'vitest';
import { buildPrecheck, loadPrecheck } from '../../glossary/precheck';
import { TERMS } from '../../glossary/terms';
import { precheckAnswerer } from '../../messaging/precheck-answer';
import { marksAlone } from '../../scripts/glossary-trie-plugin';

const answerPrecheck = precheckAnswerer(loadPrecheck(buildPrecheck(TERMS, marksAlone)));

describe('precheckAnswerer (the background side of the first stage)', () => {
  it('should say yes for a text with a term, no for one without', async () => {
    expect(await answerPrecheck({ type: 'hg:precheck', text: 'Her spine showed kyphosis.' })).toBe(true);
    expect(await answerPrecheck({ type: 'hg:precheck', text: 'Roses, tulips and a garden fork.' })).toBe(false);
  });

  it('should leave every other message to other listeners', () => {
    expect(answerPrecheck({ type: 'hg:terms' })).toBeUndefined();
    expect(answerPrecheck({ type: 'hg:precheck', text: 42 })).toBeUndefined();
    expect(answerPrecheck(undefined)).toBeUndefined();
  });
});
