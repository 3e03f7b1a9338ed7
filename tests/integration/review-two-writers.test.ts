// Two processes writing the same review at once: every entry of both is kept. Without the
// lock, each read-modify-write would overwrite the other's latest entries.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReviewStore } from '../../src/core/review/store';
import { tempDir } from '../unit/library/helpers';
import { runTsChild, type ChildRun } from './support/ts-child';

const EACH = 40;

function writer(dir: string, reviewer: string): Promise<ChildRun> {
  return runTsChild(join(__dirname, 'review-append-child.ts'), [
    dir,
    'shared-case',
    String(EACH),
    reviewer,
  ]);
}

describe('review: two processes writing at once', () => {
  it('loses no entry of either', { timeout: 120_000 }, async () => {
    const dir = join(await tempDir('bcv-review-2p-'), 'library');
    const results = await Promise.all([writer(dir, 'Asha'), writer(dir, 'Ravi')]);
    for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0 });

    const document = await new ReviewStore({ dir }).read('shared-case');
    const texts = new Set(
      document.events.map((e) => (e.change.kind === 'note' ? e.change.text : '')),
    );
    expect(document.events).toHaveLength(2 * EACH);
    for (let i = 0; i < EACH; i++) {
      expect(texts.has(`Asha note ${i}`)).toBe(true);
      expect(texts.has(`Ravi note ${i}`)).toBe(true);
    }
    // No lock or temporary file is left behind.
    expect(await readdir(join(dir, 'shared-case'))).toEqual(['review.json']);
  });
});
