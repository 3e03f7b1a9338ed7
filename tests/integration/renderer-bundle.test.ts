// The built renderer loads only what it uses: the entry chunk (what the first screen
// waits for) stays under 260 kB, and no chunk carries zod or Node built-ins, which
// belong to main. Needs `npm run build` (npm test runs it first).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const RENDERER = join(__dirname, '../../out/renderer');
/** In kB as Vite reports them (1 kB = 1000 bytes). */
const ENTRY_LIMIT_KB = 260;

function built(): string {
  const html = join(RENDERER, 'index.html');
  if (!existsSync(html)) throw new Error('out/renderer is missing: run `npm run build` first');
  return readFileSync(html, 'utf8');
}

describe('the renderer bundle', () => {
  it(`has an entry chunk under ${ENTRY_LIMIT_KB} kB`, () => {
    const entry = /<script type="module" crossorigin src="\.\/(assets\/[^"]+\.js)"/.exec(built());
    expect(entry, 'the entry script in index.html').not.toBeNull();
    const kB = statSync(join(RENDERER, entry![1]!)).size / 1000;
    expect(kB).toBeLessThan(ENTRY_LIMIT_KB);
  });

  it('has no chunk with zod or a Node built-in import', () => {
    built();
    const assets = join(RENDERER, 'assets');
    const chunks = readdirSync(assets).filter((name) => name.endsWith('.js'));
    expect(chunks.length).toBeGreaterThan(0);
    for (const name of chunks) {
      const code = readFileSync(join(assets, name), 'utf8');
      expect(code, name).not.toMatch(/\$ZodType|ZodError/);
      expect(code, name).not.toMatch(/from\s*["']node:|require\(["']node:/);
    }
  });
});
