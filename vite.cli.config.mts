import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The CLI is plain Node: one CommonJS file with its npm dependencies left external.
export default defineConfig({
  resolve: { alias: { '@shared': resolve(__dirname, 'src/shared') } },
  build: {
    ssr: resolve(__dirname, 'src/cli/index.ts'),
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: { output: { format: 'cjs', entryFileNames: 'bcv.cjs' } },
  },
});
