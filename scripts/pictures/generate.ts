// Draws every picture of captions.json by its drawing in pictures.ts, optimises it with svgo, and writes
// glossary/data/pictures/<id>.svg and glossary/data/pictures.json. Run: npx tsx scripts/pictures/generate.ts
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { Canvas } from './draw';
import { DRAWINGS, type PictureCaption } from './pictures';
import { optimizeSvg } from './svg-check';

const root = join(import.meta.dirname, '../../glossary/data');
const dir = join(root, 'pictures');
mkdirSync(dir, { recursive: true });
for (const f of readdirSync(dir)) if (f.endsWith('.svg')) rmSync(join(dir, f));

const captions = JSON.parse(readFileSync(join(import.meta.dirname, 'captions.json'), 'utf8')) as PictureCaption[];
const unpaired = [
  ...captions.filter((p) => !DRAWINGS[p.id]).map((p) => `${p.id}: a caption without a drawing`),
  ...Object.keys(DRAWINGS)
    .filter((id) => !captions.some((p) => p.id === id))
    .map((id) => `${id}: a drawing without a caption`),
];
if (unpaired.length) throw new Error(`scripts/pictures:\n  ${unpaired.join('\n  ')}`);

const meta = captions.map((p) => {
  const c = new Canvas();
  DRAWINGS[p.id]!(c);
  writeFileSync(join(dir, `${p.id}.svg`), `${optimizeSvg(c.svg(p.title))}\n`);
  return { id: p.id, title: p.title, caption: p.caption, alt: p.alt, entries: p.entries, labels: c.labels };
});
const jsonPath = join(root, 'pictures.json');
writeFileSync(jsonPath, await format(JSON.stringify(meta), { ...(await resolveConfig(jsonPath)), filepath: jsonPath }));
console.log(`wrote ${meta.length} pictures`);
