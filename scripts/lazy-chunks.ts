import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import preact from '@preact/preset-vite';
import { build, type Rolldown } from 'vite';
import { LAZY_DIR, pictureModulePath } from '../content/lazy-paths';
import { glossaryTrie } from './glossary-trie-plugin';

/** HG_UNMINIFIED=1 keeps function names, for a CPU profile that names them (scripts/bench/profile-own.ts). */
const MINIFY = process.env.HG_UNMINIFIED !== '1';

/** The content script's lazily loaded parts: the engine, and the card the engine loads on first use. */
const PARTS = { engine: 'content/engine.ts', card: 'content/card.ts' };

/**
 * WXT bundles each content script as one classic script, which cannot split. The engine and the
 * card are built here as ES modules instead, which a content script can `import()` from the
 * extension's own files (they run in its isolated world). Each is one self-contained file: under
 * Chromium's `use_dynamic_url` a module's relative imports resolve against the fixed address,
 * which pages (and so the content script) may not load.
 */
export async function buildLazyChunks(root: string): Promise<{ relativeDest: string; contents: string }[]> {
  const files = await Promise.all(Object.entries(PARTS).map(([name, entry]) => buildPart(root, name, entry)));
  return [...files.flat(), ...pictureModules(root)];
}

/**
 * Each picture as a module of its own whose default export is its SVG text (already optimised and
 * checked by scripts/check-pictures.ts): the card imports the one it shows.
 */
function pictureModules(root: string): { relativeDest: string; contents: string }[] {
  const dir = path.join(root, 'glossary/data/pictures');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.svg'))
    .map((f) => ({
      relativeDest: pictureModulePath(f.slice(0, -4)).slice(1),
      contents: `export default ${JSON.stringify(readFileSync(path.join(dir, f), 'utf8'))};\n`,
    }));
}

async function buildPart(root: string, name: string, entry: string): Promise<{ relativeDest: string; contents: string }[]> {
  const result = await build({
    root,
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    plugins: [preact(), glossaryTrie()],
    // Library mode leaves these to the consumer; tippy.js reads it for its development warnings.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    // The browser's own namespace (`browser` in Firefox, `chrome` in Chromium), the object WXT storage
    // already uses: the engine and card call only getURL, getMessage and storage, which need no
    // polyfill, and evaluating it cost every health page a copy of its API proxy (chrome.app included).
    resolve: { alias: { 'wxt/browser': '@wxt-dev/browser' } },
    build: {
      write: false,
      // Library mode: no preload helper, which would add <link rel="modulepreload"> to the page.
      lib: { entry: { [name]: path.resolve(root, entry) }, formats: ['es'] },
      minify: MINIFY,
      cssCodeSplit: false,
      target: 'es2022',
      rolldownOptions: {
        output: { minify: MINIFY, entryFileNames: `${LAZY_DIR}/[name].js`, chunkFileNames: `${LAZY_DIR}/[name]-[hash].js` },
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const files = outputs.flatMap((o) => o.output);
  if (files.length !== 1) throw new Error(`${entry} must build to one file, got ${files.map((f) => f.fileName).join(', ')}`);
  return files.map((f) => ({ relativeDest: f.fileName, contents: f.type === 'chunk' ? f.code : String(f.source) }));
}
