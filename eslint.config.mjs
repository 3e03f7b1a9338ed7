import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import { builtinModules } from 'node:module';

// Who may import whom (see README, "How the code is laid out"). Each layer's rule lists
// everything it must not reach; ESLint keeps one no-restricted-imports per file, so each
// layer's list is complete on its own.
const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));
const layer = (what, names, folders) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: names.map((name) => ({ name, message: `${what} (layering rule)` })),
      patterns: [
        ...(names.includes('fs')
          ? [{ group: ['node:*'], message: `${what} (layering rule)` }]
          : []),
        ...folders.map((folder) => ({
          group: [`**/${folder}`, `**/${folder}/**`],
          message: `${what} (layering rule)`,
        })),
      ],
    },
  ],
});

const layers = [
  {
    files: ['src/shared/**'],
    rules: layer(
      'src/shared is pure TypeScript: no Node, no electron, nothing from core, main, renderer, cli or sandbox',
      ['electron', ...nodeBuiltins],
      ['core', 'main', 'renderer', 'cli', 'sandbox'],
    ),
  },
  {
    files: ['src/core/**', 'src/sandbox/**'],
    rules: layer(
      'src/core (and the sandbox) is plain Node: no electron, nothing from main, renderer or cli',
      ['electron'],
      ['main', 'renderer', 'cli'],
    ),
  },
  {
    files: ['src/renderer/**'],
    rules: layer(
      'src/renderer imports only src/shared: no Node, no electron, nothing from core, main, cli or sandbox',
      ['electron', ...nodeBuiltins],
      ['core', 'main', 'cli', 'sandbox'],
    ),
  },
  {
    files: ['src/cli/**'],
    rules: layer(
      'src/cli runs over core: no electron, nothing from main or renderer',
      ['electron'],
      ['main', 'renderer'],
    ),
  },
  {
    files: ['src/main/**'],
    ignores: ['src/main/index.ts', 'src/main/shell/**'],
    rules: layer(
      'Only the thin shell (src/main/index.ts, src/main/shell/, src/preload/) may import electron; main never reaches into renderer or cli',
      ['electron'],
      ['renderer', 'cli'],
    ),
  },
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/data/**',
      'dist/**',
      '.tmp/**',
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
  // Type-aware rules (the house style's): a promise is awaited, returned or marked `void`;
  // a type is imported as a type. Every TypeScript and Svelte file is in one of the
  // projects (a component's script is read with the renderer's, tsconfig.web.json); plain
  // JavaScript is checked without types.
  {
    files: ['**/*.ts', '**/*.mts', '**/*.svelte'],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.node.json', './tsconfig.web.json', './tsconfig.renderer-tests.json'],
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.svelte'],
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        // `typeof import('...')`: the renderer's tests import its modules after the bridge.
        { disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
    },
  },
  // CommonJS that any Node version can run: the version check before the CLI loads.
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  ...layers,
);
