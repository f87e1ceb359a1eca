// The card, loaded on first hover, tap, keyboard command or "Explain" (see lazy-tooltip.ts): tippy.js,
// Preact, the card component and the card texts of every entry.
import cards from 'virtual:glossary-cards';
import type { CardTerm } from '../../glossary/types';

export { createTooltip } from './tooltip';

const byId = new Map(cards.map((t) => [t.id, t]));

/** The card fields of an entry. */
export function lookupCard(id: string): CardTerm | undefined {
  return byId.get(id);
}
