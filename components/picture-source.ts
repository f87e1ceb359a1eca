import type { PictureLoader } from './picture-meta';

export { pictureById } from './picture-meta';

// One lazy chunk per drawing: a page pays only for the pictures it shows. (Not for the content
// script's card, which is one file: it loads them from lazy/pictures/, see content/card.ts.)
const DRAWINGS = import.meta.glob<string>('../glossary/data/pictures/*.svg', { query: '?raw', import: 'default' });

/** The SVG text of picture `id` (already optimised by scripts/pictures/generate.ts), or undefined if there is none. */
export const loadPictureSvg: PictureLoader = async (id) => {
  const load = DRAWINGS[`../glossary/data/pictures/${id}.svg`];
  return load ? load() : undefined;
};
