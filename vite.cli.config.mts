import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const { version } = JSON.parse(
  readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8'),
) as {
  version: string;
};

// The CLI is plain Node: one CommonJS file with its npm dependencies left external. The
// PostgreSQL client (`pg`, a devDependency like the renderer's bundled libraries) is bundled
// in, so the desktop app does not ship it unused; its optional native binding is never used.
const PG_PACKAGES = [/^pg(-.+)?$/, /^postgres-/, 'pgpass', 'split2', 'xtend'];

export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } },
  ssr: { noExternal: PG_PACKAGES },
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: {
    ssr: resolve(import.meta.dirname, 'src/cli/index.ts'),
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node24',
    rollupOptions: {
      external: ['pg-native'],
      output: {
        format: 'cjs',
        entryFileNames: 'bcv.cjs',
        // The Node version check runs before any module that needs Node 24 is loaded (in the
        // entry only: the chunk `pg` is split into is loaded by it).
        banner: (chunk) =>
          chunk.isEntry ? "#!/usr/bin/env node\nrequire('../../bin/check-node.cjs');" : '',
      },
    },
  },
});
