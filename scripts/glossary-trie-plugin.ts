import type { Plugin } from 'vite';
import { CUE_GROUPS } from '../glossary/cues';
import { buildTrie } from '../glossary/matcher';
import { TERMS } from '../glossary/terms';

const TRIE = 'virtual:glossary-trie';
const CARDS = 'virtual:glossary-cards';

// JSON.parse of a string literal is faster for V8 than the same data as an object literal.
const asModule = (data: unknown): string => `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`;

/**
 * What the content script needs of the glossary, prepared at build time: the matcher's trie
 * (compiling ~180 entries on every page load cost 6-14 ms cold), with the ambiguous forms' cues and
 * counter-phrases compiled into it (`CompiledTrie.sense`, loaded only on a page where one occurs),
 * and the card fields of each entry (the glossary page's `details` stay out of the script every
 * page loads).
 */
export function glossaryTrie(): Plugin {
  return {
    name: 'health-glossary-data',
    resolveId: (id) => (id === TRIE || id === CARDS ? `\0${id}` : undefined),
    load(id) {
      if (id === `\0${TRIE}`) return asModule(buildTrie(TERMS, CUE_GROUPS));
      if (id === `\0${CARDS}`)
        return asModule(TERMS.map(({ details: _d, related: _r, category: _c, cues: _q, ambiguousForms: _a, ...card }) => card));
      return undefined;
    },
  };
}
