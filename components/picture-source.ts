import pictures from '../glossary/data/pictures.json';
import type { PictureMeta } from '../glossary/pictures';

/** Every picture's metadata by id (small: titles, captions, alt text, labels). */
export const pictureById: ReadonlyMap<string, PictureMeta> = new Map((pictures as PictureMeta[]).map((p) => [p.id, p]));

// One lazy chunk per drawing: a page pays only for the pictures it shows.
const DRAWINGS = import.meta.glob<string>('../glossary/data/pictures/*.svg', { query: '?raw', import: 'default' });

/** The SVG text of picture `id` (already optimised by scripts/pictures/generate.ts), or undefined if there is none. */
export async function loadPictureSvg(id: string): Promise<string | undefined> {
  const load = DRAWINGS[`../glossary/data/pictures/${id}.svg`];
  return load ? load() : undefined;
}
