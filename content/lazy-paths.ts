/** Folder of the build output that holds the content script's lazily loaded parts (scripts/lazy-chunks.ts). */
export const LAZY_DIR = 'lazy';
/** The engine's entry, as the first stage imports it. */
export const ENGINE_PATH = `/${LAZY_DIR}/engine.js`;
/** The card's module, as the engine imports it on first use. */
export const CARD_PATH = `/${LAZY_DIR}/card.js`;
/** An entry's picture, as the card imports it: a module whose default export is the SVG text. */
export const pictureModulePath = (id: string): string => `/${LAZY_DIR}/pictures/${id}.js`;
