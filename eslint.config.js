// Lint rules that keep Newsmark safe by construction (see README: "Safe by construction").
import tseslint from 'typescript-eslint';
import nounsanitized from 'eslint-plugin-no-unsanitized';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'artifacts/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js}'],
    plugins: { 'no-unsanitized': nounsanitized },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Page- or user-derived text never becomes markup.
      'no-unsanitized/method': 'error',
      'no-unsanitized/property': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Build DOM nodes and set textContent: no markup from strings in Newsmark.' },
        { property: 'outerHTML', message: 'Build DOM nodes and set textContent: no markup from strings in Newsmark.' },
        { property: 'insertAdjacentHTML', message: 'Build DOM nodes and set textContent: no markup from strings in Newsmark.' },
        { object: 'document', property: 'write', message: 'Never write markup into a page.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No dangerouslySetInnerHTML: render text as text.' },
      ],
      // Every extension API goes through webextension-polyfill's `browser`, never the `chrome` global.
      'no-restricted-globals': ['error', { name: 'chrome', message: "Use `browser` from 'webextension-polyfill'." }],
    },
  },
  {
    // The pure core runs in pages, workers and Node alike: no extension or Node APIs.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['webextension-polyfill', 'node:*', 'fs', 'path', '../storage/*', '../background/*', '../content/*'] }],
      'no-restricted-globals': ['error', 'chrome', 'browser', 'window', 'document', 'location', 'localStorage', 'indexedDB', 'Node', 'Element', 'HTMLElement', 'getComputedStyle'],
    },
  },
);
