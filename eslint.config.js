import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'test-results/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The glossary core stays pure: no DOM-bound modules, no browser APIs (house style 4).
    files: ['glossary/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/entrypoints/**', '**/components/**', 'wxt/*', 'wxt', 'webextension-polyfill', 'preact', 'preact/*'] },
      ],
      'no-restricted-globals': ['error', 'document', 'window', 'browser', 'chrome', 'navigator'],
    },
  },
  {
    // No HTML strings with data: render with Preact or DOM APIs.
    files: ['**/*.{ts,tsx}'],
    rules: {
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render with Preact or DOM APIs.' },
        { property: 'outerHTML', message: 'Render with Preact or DOM APIs.' },
        { property: 'insertAdjacentHTML', message: 'Render with Preact or DOM APIs.' },
      ],
    },
  },
);
