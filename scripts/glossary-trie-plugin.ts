import type { Plugin } from 'vite';
import { buildTrie } from '../glossary/matcher';
import { buildPrecheck } from '../glossary/precheck';
import { TERMS } from '../glossary/terms';

const TRIE = 'virtual:glossary-trie';
const CARDS = 'virtual:glossary-cards';
const AMBIGUOUS = 'virtual:glossary-ambiguous';
const PRECHECK = 'virtual:glossary-precheck';

// JSON.parse of a string literal is faster for V8 than the same data as an object literal.
const asModule = (data: unknown): string => `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`;

/**
 * What the content script needs of the glossary, prepared at build time: the precheck's patterns
 * (the start-up script), the matcher's trie and the ids of everyday-word entries (the engine,
 * loaded where a page may hold a term), and the card fields of each entry (the card, loaded on
 * first hover; the glossary page's `details` stay out of every content script).
 */
export function glossaryTrie(): Plugin {
  const modules: Record<string, () => unknown> = {
    [TRIE]: () => buildTrie(TERMS),
    [CARDS]: () => TERMS.map(({ details: _d, related: _r, category: _c, ...card }) => card),
    [AMBIGUOUS]: () => TERMS.filter((t) => t.ambiguous).map((t) => t.id),
    [PRECHECK]: () => buildPrecheck(TERMS, (t) => !TERMS.find((x) => x.id === t.id)?.ambiguous),
  };
  return {
    name: 'health-glossary-data',
    resolveId: (id) => (id in modules ? `\0${id}` : undefined),
    load(id) {
      const make = id.startsWith('\0') ? modules[id.slice(1)] : undefined;
      return make ? asModule(make()) : undefined;
    },
  };
}
