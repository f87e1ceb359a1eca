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
  import type { PrecheckData } from '../glossary/precheck';
  const data: PrecheckData;
  export default data;
}
