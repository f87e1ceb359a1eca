import type { Plugin } from 'vite';
import { CUE_GROUPS } from '../glossary/cues';
import { buildTrie, type CompiledTrie, type MatchableTerm } from '../glossary/matcher';
import { buildPrecheck } from '../glossary/precheck';
import { TERMS } from '../glossary/terms';

const TRIE = 'virtual:glossary-trie';
const CARDS = 'virtual:glossary-cards';
const PRECHECK = 'virtual:glossary-precheck';

// JSON.parse of a string literal is faster for V8 than the same data as an object literal.
const literal = (data: unknown): string => JSON.stringify(JSON.stringify(data));
const asModule = (data: unknown): string => `export default JSON.parse(${literal(data)});`;

/**
 * The trie as a module whose `sense` (the ambiguous forms' cues and counters, 40% of the data) is
 * parsed on its first read, on the first ambiguous form a page holds: on a page without one, the
 * engine parses only the matcher's part.
 */
export function trieModule(trie: CompiledTrie): string {
  const { sense, ...rest } = trie;
  if (!sense) return asModule(rest);
  return [
    `const trie = JSON.parse(${literal(rest)});`,
    `const sense = ${literal(sense)};`,
    'let parsed;',
    "Object.defineProperty(trie, 'sense', { enumerable: true, get: () => (parsed ??= JSON.parse(sense)) });",
    'export default trie;',
  ].join('\n');
}

/** Whether a written form is marked without context (it is not one of the entry's ambiguous forms). */
export function marksAlone(term: MatchableTerm & { ambiguousForms?: { form: string }[] }, form: string): boolean {
  return !term.ambiguousForms?.some((a) => a.form === form || a.form.toLowerCase() === form.toLowerCase());
}

/**
 * What the extension's scripts need of the glossary, prepared at build time: the precheck's words
 * (the background, which answers the first stage), the matcher's trie (the engine, loaded where a page may hold a term), and the card fields of each entry (the card, loaded on
 * first hover; the glossary page's `details` stay out of every content script).
 */
export function glossaryTrie(): Plugin {
  const modules: Record<string, () => string> = {
    // The ambiguous forms' cues and counter-phrases are compiled into the trie (`CompiledTrie.sense`),
    // parsed and loaded only on a page where one occurs.
    [TRIE]: () => trieModule(buildTrie(TERMS, CUE_GROUPS)),
    [CARDS]: () =>
      asModule(TERMS.map(({ details: _d, related: _r, category: _c, cues: _q, ambiguousForms: _a, ...card }) => card)),
    // The background's: it answers the first stage's precheck, so no page carries these words.
    [PRECHECK]: () => asModule(buildPrecheck(TERMS, marksAlone)),
  };
  return {
    name: 'health-glossary-data',
    resolveId: (id) => (id in modules ? `\0${id}` : undefined),
    load(id) {
      if (!id.startsWith('\0')) return undefined;
      const key = id.slice(1);
      const make = modules[key];
      return make ? make() : undefined;
    },
  };
}
