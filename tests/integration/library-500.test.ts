// A library of 500 sessions lists correctly; the time is printed (a figure for the report,
// not an assertion: this machine's speed is not the test's business).
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapLimit } from '../../src/core/library/ids';
import { INDEX_NAME, Library } from '../../src/core/library/store';
import { saveInput, tempDir } from '../unit/library/helpers';

describe('library: 500 sessions', () => {
  it('lists all of them, from the files and then from the index', async () => {
    const dir = join(await tempDir(), 'library');
    const library = new Library({ dir, appVersion: 'test' });
    const ids = Array.from({ length: 500 }, (_, i) => `sess-${String(i).padStart(3, '0')}`);
    // Distinct fetch times, so the order of the list is known.
    await mapLimit(ids, 8, (id) =>
      library.save(saveInput(id, `2026-01-01T00:${id.slice(-3, -1)}:0${id.slice(-1)}.000Z`)),
    );

    const times: Record<string, number> = {};
    const timed = async (name: string) => {
      const started = performance.now();
      const listing = await library.list();
      times[name] = Math.round(performance.now() - started);
      return listing;
    };
    const afterSaves = await timed('index written by the saves');
    await rm(join(dir, INDEX_NAME));
    const cold = await timed('no index (reads every file)');
    const warm = await timed('index fresh');
    await rm(join(dir, 'sess-007'), { recursive: true });
    const stale = await timed('index stale (one session gone)');

    for (const listing of [afterSaves, cold, warm]) {
      expect(listing.problems).toEqual([]);
      expect(listing.entries).toHaveLength(500);
      expect(listing.entries.map((e) => e.sessionId)).toEqual([...ids].reverse());
      expect(listing.entries.every((e) => e.accountCount === 2 && e.snapshotCount === 1)).toBe(
        true,
      );
    }
    expect(warm.entries).toEqual(cold.entries);
    expect(stale.entries).toHaveLength(499);
    expect(stale.entries.some((e) => e.sessionId === 'sess-007')).toBe(false);
    console.log(`library list, 500 sessions (${INDEX_NAME}):`, times);
  });
});
