// The card, loaded on first hover, tap, keyboard command or "Explain" (see lazy-tooltip.ts): tippy.js,
// Preact, the card component and the card texts of every entry.
import cards from 'virtual:glossary-cards';
import type { PictureLoader } from '../components/picture-meta';
import type { CardTerm } from '../glossary/types';
import { extensionRuntime } from './extension-api';
import { pictureModulePath } from './lazy-paths';

export { createTooltip } from './tooltip';

const byId = new Map(cards.map((t) => [t.id, t]));

/** The card fields of an entry. */
export function lookupCard(id: string): CardTerm | undefined {
  return byId.get(id);
}

/**
 * An entry's picture, loaded when its card opens: each drawing is a module of its own in lazy/
 * (scripts/lazy-chunks.ts), so a page pays only for the pictures of the cards it opens.
 */
export const loadPicture: PictureLoader = async (id) =>
  ((await import(/* @vite-ignore */ extensionRuntime().getURL(pictureModulePath(id)))) as { default: string }).default;
