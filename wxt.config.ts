import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { CONDITION_FILES, TERM_FILES } from './glossary/terms';
import { validateGlossary } from './glossary/validate';
import { LAZY_DIR } from './content/lazy-paths';
import { checkPictures } from './scripts/check-pictures';
import { glossaryTrie } from './scripts/glossary-trie-plugin';
import { buildLazyChunks } from './scripts/lazy-chunks';

/** Fixed so browser tests and the store listing can address the Firefox build. */
export const GECKO_ID = 'health-glossary@example.org';

// See https://wxt.dev/api/config.html
export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  // HG_UNMINIFIED=1 keeps every script's function names, for a CPU profile (scripts/bench/profile-own.ts).
  vite: () => ({
    plugins: [preact(), glossaryTrie()],
    ...(process.env.HG_UNMINIFIED === '1' ? { build: { minify: false } } : {}),
  }),
  hooks: {
    // Bad glossary data must stop the build with the entry id and field, not ship.
    'build:before': () => {
      validateGlossary(TERM_FILES, CONDITION_FILES);
      checkPictures();
    },
    // The content script's engine and card, as ES modules it imports on demand.
    'build:publicAssets': async (wxt, files) => {
      files.push(...(await buildLazyChunks(wxt.config.root)));
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // activeTab and scripting: the popup, the commands and the menu ask a page through executeScript
    // in the tab the user acted on, so a page without terms needs no message listener
    // (messaging/ask-tab.ts). Neither shows a warning at install.
    permissions: ['storage', 'contextMenus', 'scripting', 'activeTab'],
    // The first stage and the marks' styles (entrypoints/first-stage.ts, entrypoints/marks.css):
    // declared here, as WXT's content-script wrapper would add the polyfill to every page.
    content_scripts: [
      {
        matches: ['http://*/*', 'https://*/*'],
        all_frames: true,
        run_at: 'document_idle',
        js: ['first-stage.js'],
        css: ['assets/marks.css'],
      },
    ],
    // The content script imports its lazily loaded parts from here (a module import needs the file
    // to be web-accessible). Chromium's dynamic URL changes every session, so a page cannot probe
    // for the extension by a fixed address; Firefox's address is random per install already.
    web_accessible_resources: [
      {
        resources: [`${LAZY_DIR}/*`, `${LAZY_DIR}/pictures/*`],
        matches: ['http://*/*', 'https://*/*'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    commands: {
      'next-term': { suggested_key: { default: 'Alt+Shift+J' }, description: '__MSG_cmdNextTerm__' },
      'previous-term': { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_cmdPreviousTerm__' },
      'toggle-site': { suggested_key: { default: 'Alt+Shift+H' }, description: '__MSG_cmdToggleSite__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // 140 is the ESR Debian ships (Highlight API and data_collection_permissions since 140 on desktop).
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 only.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}-{{manifestVersion}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    // Reviewers need what builds the extension, not test output or screenshots.
    excludeSources: ['test-results/**', 'docs/screenshots/**', 'scripts/bench/results*'],
  },
});
