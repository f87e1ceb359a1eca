import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { glossaryTrie } from './scripts/glossary-trie-plugin';

export default defineConfig({
  plugins: [WxtVitest(), preact(), glossaryTrie()],
  test: {
    environment: 'happy-dom',
    setupFiles: ['tests/content/setup.ts'],
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**/*.e2e.ts'],
    reporters: ['default', ['json', { outputFile: 'test-results/unit.json' }]],
  },
});
