// A save killed midway (SIGKILL while the temporary file is being written) leaves the
// library readable: the earlier snapshot lists and opens, the half file is never listed.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library } from '../../src/core/library/store';
import { dataFor, saveInput, tempDir } from '../unit/library/helpers';
import { spawnTsChild } from './support/ts-child';

async function waitForTemp(folder: string, child: { exitCode: number | null }): Promise<string> {
  for (;;) {
    if (child.exitCode !== null) throw new Error('the child finished before it could be killed');
    const names = await readdir(folder).catch(() => [] as string[]);
    const temp = names.find((n) => n.endsWith('.tmp'));
    if (temp && (await stat(join(folder, temp)).catch(() => null))?.size) return temp;
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('library: a save killed midway', () => {
  it('leaves the old snapshot intact and no half file listed', async () => {
    const dir = join(await tempDir(), 'library');
    const library = new Library({ dir, appVersion: 'test' });
    const old = await library.save(saveInput('victim', '2026-11-01T00:00:00.000Z'));

    const child = spawnTsChild(join(__dirname, 'library-save-child.ts'), [dir]);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    let temp: string;
    try {
      temp = await waitForTemp(join(dir, 'victim'), child);
    } catch (error) {
      throw new Error(`${String(error)}\n${stderr}`);
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    // The half-written temporary file is there, and is all the child left.
    const names = await readdir(join(dir, 'victim'));
    expect(names.sort()).toEqual([`${old.record.snapshotId}.bcsession`, temp].sort());

    const listing = await library.list();
    // Its writer is gone (killed): the next open removes the temporary file at once,
    // not ten minutes later.
    expect(await readdir(join(dir, 'victim'))).toEqual([`${old.record.snapshotId}.bcsession`]);
    expect(listing.problems).toEqual([]);
    expect(listing.entries).toHaveLength(1);
    expect(listing.entries[0]!.snapshots.map((s) => s.snapshotId)).toEqual([old.record.snapshotId]);
    const opened = await library.open('victim');
    expect(opened.subscribedData).toEqual(dataFor('victim'));

    // The library keeps working: a new save lists next to the old one.
    await library.save(saveInput('victim', '2026-11-02T00:00:00.000Z'));
    expect((await library.list()).entries[0]!.snapshotCount).toBe(2);
  });
});
