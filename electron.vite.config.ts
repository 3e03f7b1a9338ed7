import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const shared = { '@shared': resolve(__dirname, 'src/shared') };

export default defineConfig({
  main: {
    resolve: { alias: shared },
    build: { outDir: 'out/main' },
  },
  preload: {
    resolve: { alias: shared },
    // A sandboxed preload must be one self-contained CommonJS file.
    build: { outDir: 'out/preload', rollupOptions: { output: { format: 'cjs' } } },
  },
  renderer: {
    root: 'src/renderer',
    resolve: { alias: shared },
    plugins: [svelte()],
    build: { outDir: 'out/renderer' },
  },
});
