import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } },
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    globalSetup: ['tests/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: [
            'tests/unit/**/*.test.ts',
            'tests/integration/**/*.test.ts',
            'tests/fuzz/**/*.test.ts',
          ],
          exclude: ['tests/unit/renderer/**'],
          environment: 'node',
        },
      },
      {
        // The renderer's state modules (.svelte.ts): compiled by Svelte, its client runtime.
        extends: true,
        plugins: [svelte()],
        resolve: { conditions: ['browser'] },
        test: {
          name: 'renderer',
          include: ['tests/unit/renderer/**/*.test.ts'],
          environment: 'node',
        },
      },
    ],
  },
});
