// Draws every picture in pictures.ts, optimises it with svgo, and writes
// glossary/data/pictures/<id>.svg and glossary/data/pictures.json. Run: npx tsx scripts/pictures/generate.ts
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { Canvas } from './draw';
import { PICTURES } from './pictures';
import { optimizeSvg } from './svg-check';

const root = join(import.meta.dirname, '../../glossary/data');
const dir = join(root, 'pictures');
mkdirSync(dir, { recursive: true });
for (const f of readdirSync(dir)) if (f.endsWith('.svg')) rmSync(join(dir, f));

const meta = PICTURES.map((p) => {
  const c = new Canvas();
  p.draw(c);
  writeFileSync(join(dir, `${p.id}.svg`), `${optimizeSvg(c.svg(p.title))}\n`);
  return { id: p.id, title: p.title, caption: p.caption, alt: p.alt, entries: p.entries, labels: c.labels };
});
const jsonPath = join(root, 'pictures.json');
writeFileSync(jsonPath, await format(JSON.stringify(meta), { ...(await resolveConfig(jsonPath)), filepath: jsonPath }));
console.log(`wrote ${meta.length} pictures`);
