import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

const electronOnlyInShell = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        {
          name: 'electron',
          message:
            'Only the thin shell (src/main/index.ts, src/main/shell/, src/preload/) may import electron.',
        },
      ],
    },
  ],
};

const sharedStaysPure = {
  'no-restricted-imports': [
    'error',
    {
      paths: ['electron', 'fs', 'path', 'os', 'crypto', 'http', 'zlib'].map((name) => ({
        name,
        message: 'src/shared is pure TypeScript: no electron, no Node modules.',
      })),
      patterns: [
        { group: ['node:*'], message: 'src/shared is pure TypeScript: no node:* modules.' },
      ],
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] },
    },
  },
  { files: ['src/renderer/**'], languageOptions: { globals: { ...globals.browser } } },
  {
    files: ['src/**/*.ts', 'src/**/*.svelte'],
    ignores: ['src/main/index.ts', 'src/main/shell/**', 'src/preload/**'],
    rules: electronOnlyInShell,
  },
  { files: ['src/shared/**'], rules: sharedStaysPure },
);
