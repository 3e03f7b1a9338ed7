// The recent list: an open does not wait for its entry to be written (a slow disk), yet a
// list asked for afterwards has it, and changes are written in the order they were made.
import * as nodeFs from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecentSessions } from '../../../src/core/library/recent';
import type { LibraryFs } from '../../../src/core/io/safe-write';
import { tempDir } from './helpers';

/** The real file system, with every rename (an atomic write's last step) held back 50 ms. */
const slowRenames: LibraryFs = {
  ...nodeFs,
  rename: async (from, to) => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    return nodeFs.rename(from, to);
  },
};

describe('RecentSessions', () => {
  it('lists an entry remembered without waiting for its write, newest first', async () => {
    const file = join(await tempDir(), 'recent-sessions.json');
    let minute = 0;
    const clock = () => new Date(Date.UTC(2026, 11, 7, 3, minute++));
    const recent = new RecentSessions(file, slowRenames, clock);
    void recent.remember('case-a', null);
    void recent.remember('case-b', 'snap-1');
    // Not on disk yet: the first write is still waiting for its rename.
    await expect(nodeFs.readFile(file, 'utf8')).rejects.toThrow(/ENOENT/);
    expect(await recent.list()).toEqual([
      { sessionId: 'case-b', snapshotId: 'snap-1', openedAt: '2026-12-07T03:01:00.000Z' },
      { sessionId: 'case-a', snapshotId: null, openedAt: '2026-12-07T03:00:00.000Z' },
    ]);
    // Forgetting one, then opening it again: the last change wins, as made.
    void recent.forget('case-a');
    void recent.remember('case-a', null);
    expect((await recent.list()).map((r) => r.sessionId)).toEqual(['case-a', 'case-b']);
    // What a new start reads from the file is the same.
    expect((await new RecentSessions(file).list()).map((r) => r.sessionId)).toEqual([
      'case-a',
      'case-b',
    ]);
  });

  it('a failed write is not remembered, and the next change is still made', async () => {
    const file = join(await tempDir(), 'recent-sessions.json');
    let fail = true;
    const failingOnce: LibraryFs = {
      ...nodeFs,
      rename: (from, to) => {
        if (!fail) return nodeFs.rename(from, to);
        fail = false;
        return Promise.reject(new Error('EROFS: read-only file system'));
      },
    };
    const recent = new RecentSessions(file, failingOnce);
    await expect(recent.remember('case-a', null)).rejects.toThrow(/EROFS/);
    await recent.remember('case-b', null);
    expect((await recent.list()).map((r) => r.sessionId)).toEqual(['case-b']);
  });

  it('settled() answers once the changes asked for are on disk (the app waits for it as it closes)', async () => {
    const file = join(await tempDir(), 'recent-sessions.json');
    const recent = new RecentSessions(file, slowRenames);
    void recent.remember('case-a', null);
    await recent.settled();
    const onDisk = JSON.parse(await nodeFs.readFile(file, 'utf8')) as {
      recent: { sessionId: string }[];
    };
    expect(onDisk.recent.map((r) => r.sessionId)).toEqual(['case-a']);
    expect(await nodeFs.readdir(join(file, '..'))).toEqual(['recent-sessions.json']);
  });
});
