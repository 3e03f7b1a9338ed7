// The app and bcv open one library's catalogue at the same moment, before it exists: one
// of them makes it, the others use that one (none deletes a file another has open), and
// what each writes is in the file after.
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../unit/library/helpers';
import { runTsChild } from './support/ts-child';

const OPENERS = 4;
const ROUNDS = 5;

function opener(path: string, name: string) {
  return runTsChild(join(__dirname, 'catalogue-open-child.ts'), [path, name]);
}

describe('the catalogue opened by several processes at once', () => {
  it('is made once and keeps what each wrote', { timeout: 180_000 }, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const path = join(await tempDir('bcv-catalogue-race-'), 'catalogue.sqlite');
      const names = Array.from({ length: OPENERS }, (_, i) => `opener-${i}`);
      const results = await Promise.all(names.map((name) => opener(path, name)));
      for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0, stderr: '' });
      expect(results.filter((r) => r.stdout === 'fresh\n')).toHaveLength(1);
      const db = new DatabaseSync(path, { readOnly: true });
      try {
        const rows = db.prepare('SELECT session_id FROM snapshots ORDER BY session_id').all();
        expect(rows.map((r) => (r as { session_id: string }).session_id)).toEqual(names);
      } finally {
        db.close();
      }
    }
  });
});
