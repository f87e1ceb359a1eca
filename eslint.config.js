import tseslint from 'typescript-eslint';

/** Import patterns for the project's top-level folders, from anywhere below them. */
const layers = (...folders) => folders.flatMap((f) => [`**/${f}`, `**/${f}/**`]);
/** Files that may not import from the given layers. */
const zone = (files, ...forbidden) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: layers(...forbidden) }] },
});

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'test-results/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Layers (docs/architecture.md): glossary <- settings, messaging <- content, components <- entrypoints.
  // Each zone names what its files may not import; entrypoints only wire.
  {
    // The glossary core stays pure: no DOM-bound modules, no browser APIs (house style 4).
    files: ['glossary/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...layers('entrypoints', 'components', 'content', 'settings', 'messaging'),
            'wxt/*',
            'wxt',
            'webextension-polyfill',
            'preact',
            'preact/*',
          ],
        },
      ],
      'no-restricted-globals': ['error', 'document', 'window', 'browser', 'chrome', 'navigator'],
    },
  },
  zone(['settings/**/*.ts'], 'entrypoints', 'components', 'content', 'messaging'),
  zone(['messaging/**/*.ts'], 'entrypoints', 'components', 'content', 'settings', 'glossary'),
  zone(['content/**/*.{ts,tsx}'], 'entrypoints'),
  zone(['components/**/*.{ts,tsx}'], 'entrypoints', 'content'),
  {
    // One entrypoint never reaches into another's folder.
    files: ['entrypoints/*/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ regex: '^\\.\\./(?!\\.\\./)', message: 'Another entrypoint: share it through components/ or content/.' }],
        },
      ],
    },
  },
  {
    files: ['entrypoints/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\./[a-z-]+/', message: 'Another entrypoint: share it through components/ or content/.' }] },
      ],
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
