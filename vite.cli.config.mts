import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const { version } = JSON.parse(readFileSync(resolve(__dirname, 'package.json'), 'utf8')) as {
  version: string;
};

// The CLI is plain Node: one CommonJS file with its npm dependencies left external.
export default defineConfig({
  resolve: { alias: { '@shared': resolve(__dirname, 'src/shared') } },
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: {
    ssr: resolve(__dirname, 'src/cli/index.ts'),
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node24',
    rollupOptions: {
      output: { format: 'cjs', entryFileNames: 'bcv.cjs', banner: '#!/usr/bin/env node' },
    },
  },
});
