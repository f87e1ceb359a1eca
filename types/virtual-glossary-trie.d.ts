declare module 'virtual:glossary-trie' {
  import type { CompiledTrie } from '../glossary/matcher';
  const trie: CompiledTrie;
  export default trie;
}

declare module 'virtual:glossary-cards' {
  import type { CardTerm } from '../glossary/types';
  const cards: CardTerm[];
  export default cards;
}

declare module 'virtual:glossary-precheck' {
  /** PrecheckData as JSON text (glossary/precheck.ts), parsed on first use. */
  const json: string;
  export default json;
}
