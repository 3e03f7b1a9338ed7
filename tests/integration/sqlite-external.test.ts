// The catalogue's SQLite is Node's own (node:sqlite, in Node 24 and Electron's main): both
// built bundles must leave it to the runtime, never bundle or stub it. Needs `npm run build`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BUNDLES = {
  'out/main/index.js': join(__dirname, '../../out/main/index.js'),
  'out/cli/bcv.cjs': join(__dirname, '../../out/cli/bcv.cjs'),
};

describe('node:sqlite stays external', () => {
  it.each(Object.entries(BUNDLES))('%s requires node:sqlite from the runtime', (name, file) => {
    if (!existsSync(file)) throw new Error(`${name} is missing: run \`npm run build\` first`);
    const code = readFileSync(file, 'utf8');
    expect(code).toMatch(/require\(["']node:sqlite["']\)/);
    // The schema is there (the catalogue is in the bundle), SQLite itself is not.
    expect(code).toContain('CREATE VIRTUAL TABLE narrations USING fts5');
    expect(code).not.toContain('sqlite3_open');
  });
});
