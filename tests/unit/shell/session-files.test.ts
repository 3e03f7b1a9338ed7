import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IpcEnvelope } from '../../../src/shared/ipc/contract';
import {
  createSessionFileOpener,
  sessionFilesInArgv,
  type SessionFileEvent,
} from '../../../src/main/ipc/session-files';

describe('sessionFilesInArgv', () => {
  const cwd = resolve('/home/uw/Downloads');

  it('takes the .bcsession paths, absolute against the starting folder, in order', () => {
    expect(
      sessionFilesInArgv(
        ['/opt/app/bankconnect-viewer', 'a.bcsession', '/tmp/B.BCSESSION', 'sub dir/c.bcsession'],
        cwd,
      ),
    ).toEqual([
      join(cwd, 'a.bcsession'),
      resolve('/tmp/B.BCSESSION'),
      join(cwd, 'sub dir/c.bcsession'),
    ]);
  });

  it('leaves out the executable, switches, the app folder and other files', () => {
    expect(
      sessionFilesInArgv(
        [
          '/usr/lib/electron/electron.bcsession', // argv[0], whatever its name
          '.',
          '--no-sandbox',
          '--user-data-dir=/tmp/x.bcsession',
          'report.xlsx',
          'fetched.json',
          'notes.bcsession.txt',
        ],
        cwd,
      ),
    ).toEqual([]);
  });
});

describe('createSessionFileOpener', () => {
  function fakeHandlers(outcomes: Record<string, IpcEnvelope<unknown>>) {
    const calls: unknown[] = [];
    return {
      calls,
      handle: (channel: string, args: unknown) => {
        calls.push([channel, args]);
        const path = (args as { paths: string[] }).paths[0]!;
        return Promise.resolve(outcomes[path]!);
      },
    };
  }
  const imported = (sessionId: string, snapshotId: string): IpcEnvelope<unknown> => ({
    ok: true,
    result: { imported: [{ sessionId, snapshotId }], problems: [] },
  });

  it('waits for the handlers and the window, then imports and sends each file in order', async () => {
    const opener = createSessionFileOpener();
    const handlers = fakeHandlers({
      '/a.bcsession': imported('s-a', 'snap-a'),
      '/b.bcsession': {
        ok: true,
        result: {
          imported: [],
          problems: [{ file: '/b.bcsession', message: 'b.bcsession: damaged' }],
        },
      },
      '/c.bcsession': { ok: false, error: { code: 'INVALID_ARGS', message: 'path too long' } },
    });
    const sent: SessionFileEvent[] = [];
    opener.open(['/a.bcsession', '/b.bcsession']);
    await opener.idle();
    expect(handlers.calls).toEqual([]); // not ready: nothing imported yet
    opener.importWith(handlers);
    await opener.idle();
    expect(handlers.calls).toEqual([
      ['library:import', { paths: ['/a.bcsession'], thenOpen: true }],
      ['library:import', { paths: ['/b.bcsession'], thenOpen: true }],
    ]);
    expect(sent).toEqual([]); // no window yet: the outcomes wait
    opener.deliverTo((e) => sent.push(e));
    opener.open(['/c.bcsession']);
    await opener.idle();
    expect(sent).toEqual([
      { file: '/a.bcsession', sessionId: 's-a', snapshotId: 'snap-a' },
      { file: '/b.bcsession', problem: { file: '/b.bcsession', message: 'b.bcsession: damaged' } },
      { file: '/c.bcsession', problem: { file: '/c.bcsession', message: 'path too long' } },
    ]);
  });

  it('holds outcomes while the window is closed and sends them to the next one', async () => {
    const opener = createSessionFileOpener();
    opener.importWith(fakeHandlers({ '/a.bcsession': imported('s-a', 'x') }));
    const first: SessionFileEvent[] = [];
    opener.deliverTo((e) => first.push(e));
    opener.deliverTo(null);
    opener.open(['/a.bcsession']);
    await opener.idle();
    expect(first).toEqual([]);
    const second: SessionFileEvent[] = [];
    opener.deliverTo((e) => second.push(e));
    expect(second).toHaveLength(1);
  });
});
