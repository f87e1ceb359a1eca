import pictures from '../glossary/data/pictures.json';
import type { PictureMeta } from '../glossary/pictures';

/** Every picture's metadata by id (small: titles, captions, alt text, labels). */
export const pictureById: ReadonlyMap<string, PictureMeta> = new Map((pictures as PictureMeta[]).map((p) => [p.id, p]));

/** Loads the SVG text of a picture by id: from a chunk on the extension's pages, from lazy/ in the card. */
export type PictureLoader = (id: string) => Promise<string | undefined>;
