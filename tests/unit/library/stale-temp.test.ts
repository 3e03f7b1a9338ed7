// Temporary files are judged by their writer (process id and start time in the name): a
// live writer's file stays, a gone writer's goes at once, a reused process id is no writer.
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROCESS_STARTED_S, tempNameFor } from '../../../src/core/io/safe-write';
import { systemProbe, writerOf, writerRunning } from '../../../src/core/io/stale-temp';
import { Library } from '../../../src/core/library/store';
import { saveInput, tempDir } from './helpers';

describe('stale temporary files', () => {
  it('names its writer, and finds this process running with its start time', async () => {
    const writer = writerOf(tempNameFor('x.bcsession'));
    expect(writer).toEqual({ pid: process.pid, startedS: PROCESS_STARTED_S });
    expect(await writerRunning(writer!)).toBe(true);
    // The same id with another start time is a reused id: that writer is gone.
    expect(await writerRunning({ pid: process.pid, startedS: PROCESS_STARTED_S - 3600 })).toBe(
      process.platform === 'linux' ? false : true,
    );
    expect(await writerRunning({ pid: 2 ** 22 + 7, startedS: PROCESS_STARTED_S })).toBe(false);
  });

  it('the library open removes a dead writer’s file at once and keeps a live one’s', async () => {
    const dir = join(await tempDir(), 'lib');
    const library = new Library({ dir, appVersion: 't' });
    const saved = await library.save(saveInput('s-1'));
    const folder = join(dir, 's-1');
    const live = tempNameFor('live.bcsession');
    const dead = `.dead.bcsession.${2 ** 22 + 7}-${PROCESS_STARTED_S}.0123456789ab.tmp`;
    const oldStyle = '.old.bcsession.0123456789ab.tmp';
    for (const name of [live, dead, oldStyle]) await writeFile(join(folder, name), 'half');
    await library.list();
    expect((await readdir(folder)).sort()).toEqual(
      [`${saved.record.snapshotId}.bcsession`, live, oldStyle].sort(),
    );
    // Without a writer in the name, the old rule: gone once ten minutes old.
    const later = new Library({
      dir,
      appVersion: 't',
      clock: () => new Date(Date.now() + 11 * 60_000),
      probe: systemProbe,
    });
    await later.list();
    expect((await readdir(folder)).sort()).toEqual(
      [`${saved.record.snapshotId}.bcsession`, live].sort(),
    );
  });
});
