// The Library screen's Upgrade action: a format-1 snapshot is listed as such, and is
// rewritten as format 2 only when the user asks, through the real handlers.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFormat1Snapshot } from '../library/helpers';
import { installBridge, type Installed } from './bridge-setup';

let installed: Installed;
let library: typeof import('../../../src/renderer/src/library/library.svelte').library;

beforeAll(async () => {
  installed = await installBridge();
  library = (await import('../../../src/renderer/src/library/library.svelte')).library;
});

describe('library upgrade', () => {
  it('shows format 1, upgrades on request and says how many', async () => {
    const { file, bytes } = await writeFormat1Snapshot(
      join(installed.deps.userDataDir, 'library'),
      'old',
    );
    await library.load();
    expect(library.rows[0]!.snapshots.map((s) => s.formatVersion)).toEqual([1]);
    expect(await readFile(file)).toEqual(bytes);

    await library.upgrade('old');
    expect(library.error).toBeNull();
    expect(library.notice).toBe('Upgraded 1 snapshot of old to format 2');
    expect(library.rows[0]!.snapshots.map((s) => s.formatVersion)).toEqual([2]);
    expect((await readFile(file)).subarray(0, 7).toString()).toBe('BCSESS2');
  });
});
