// Checks the glossary's pictures: each SVG optimised with svgo and inspected (title, viewBox, no
// script, handlers, external references or foreignObject, at most 12 KB), and every reference to a
// picture (entries, overview sections, labels). Run: npx tsx scripts/check-pictures.ts
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pictures from '../glossary/data/pictures.json';
import { checkPictureRefs } from '../glossary/pictures';
import { GlossaryDataError } from '../glossary/schema';
import { CONDITIONS, TERMS } from '../glossary/terms';
import { checkSvg } from './pictures/svg-check';

/** Where the drawings live; the build imports them from here (already optimised by scripts/pictures/generate.ts). */
export const PICTURE_DIR = join(import.meta.dirname, '../glossary/data/pictures');

/** Every problem with the pictures, each naming the picture or entry id and the field. */
export function pictureProblems(dir = PICTURE_DIR, meta: unknown = pictures): string[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.svg'));
  const ids = new Set(files.map((f) => f.slice(0, -4)));
  const problems = checkPictureRefs(meta, TERMS, CONDITIONS, ids);
  const labels = new Map(
    (Array.isArray(meta) ? (meta as { id?: unknown; labels?: unknown }[]) : []).map((p) => [p.id, p.labels]),
  );
  for (const f of files) {
    const id = f.slice(0, -4);
    const { problems: svgProblems, texts } = checkSvg(readFileSync(join(dir, f), 'utf8'));
    problems.push(...svgProblems.map((p) => `${id}.svg: ${p}`));
    const own = labels.get(id);
    if (Array.isArray(own))
      own.forEach((l: { text?: unknown }, i) => {
        if (typeof l?.text === 'string' && !texts.includes(l.text))
          problems.push(`${id}.labels[${i}].text: "${l.text}" is not drawn in ${f}`);
      });
  }
  return problems;
}

/** Throws a GlossaryDataError listing every picture problem; call it from the build (`build:before`). */
export function checkPictures(): void {
  const problems = pictureProblems();
  if (problems.length) throw new GlossaryDataError(problems);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    checkPictures();
    console.log(`pictures ok: ${(pictures as unknown[]).length} pictures`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
