import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { CONDITION_FILES, TERM_FILES } from './glossary/terms';
import { validateGlossary } from './glossary/validate';
import { checkPictures } from './scripts/check-pictures';
import { glossaryTrie } from './scripts/glossary-trie-plugin';

/** Fixed so browser tests and the store listing can address the Firefox build. */
export const GECKO_ID = 'health-glossary@example.org';

// See https://wxt.dev/api/config.html
export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact(), glossaryTrie()] }),
  hooks: {
    // Bad glossary data must stop the build with the entry id and field, not ship.
    'build:before': () => {
      validateGlossary(TERM_FILES, CONDITION_FILES);
      checkPictures();
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'contextMenus'],
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
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
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
