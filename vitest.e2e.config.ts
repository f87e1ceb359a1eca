import { defineConfig } from 'vitest/config';

// Browser tests: the built extension in Debian's Chromium and Firefox ESR. Run after `npm run build`.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    reporters: ['default', ['json', { outputFile: 'test-results/e2e.json' }]],
  },
});
