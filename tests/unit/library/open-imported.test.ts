// A file imported to be opened next (a double-click, Open with) is read and decoded once:
// the open that follows takes what the import decoded (src/core/session/open-saved.ts).
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { libraryServices } from '../../../src/core/services';
import { dataFor, statusFor, tempDir } from './helpers';

async function setup() {
  const dir = await tempDir();
  const saved = libraryServices({ dir: join(dir, 'library'), appVersion: 't' });
  const file = join(dir, 'fetched.json');
  await writeFile(
    file,
    JSON.stringify({ session_status: statusFor('s-1'), subscribed_data: dataFor('s-1') }),
  );
  return { saved, file };
}

describe('a file imported, then opened', () => {
  it('opens from what the import decoded, without reading the snapshot file', async () => {
    const { saved, file } = await setup();
    const outcome = await saved.saved.importFile(file, true);
    // Gone from disk: only what the import decoded can open it now.
    await rm(outcome.file);
    const opened = await saved.saved.open('s-1', outcome.record.snapshotId);
    expect(opened.from).toBe('import');
    expect(opened.session.sessionId).toBe('s-1');
    expect(opened.session.source).toMatchObject({
      kind: 'saved',
      snapshotId: outcome.record.snapshotId,
      imported: true,
    });
    expect(opened.session.view.accounts.length).toBeGreaterThan(0);
  });

  it('is handed over once, to that snapshot only; an import not to be opened keeps nothing', async () => {
    const { saved, file } = await setup();
    const outcome = await saved.saved.importFile(file, true);
    expect((await saved.saved.open('s-1', outcome.record.snapshotId)).from).toBe('import');
    expect((await saved.saved.open('s-1', outcome.record.snapshotId)).from).toBe('file');
    await saved.saved.importFile(file, false);
    expect((await saved.saved.open('s-1', undefined)).from).toBe('file');
  });
});
