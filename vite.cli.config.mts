import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const { version } = JSON.parse(
  readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8'),
) as {
  version: string;
};

// The CLI is plain Node: one CommonJS file with its npm dependencies left external.
export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } },
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: {
    ssr: resolve(import.meta.dirname, 'src/cli/index.ts'),
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node24',
    rollupOptions: {
      output: {
        format: 'cjs',
        entryFileNames: 'bcv.cjs',
        // The Node version check runs before any module that needs Node 24 is loaded.
        banner: "#!/usr/bin/env node\nrequire('../../bin/check-node.cjs');",
      },
    },
  },
});
