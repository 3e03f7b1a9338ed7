// The library channels through D's createHandlers, as the app and the test host call them.
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type {
  IpcEventName,
  IpcEvents,
  IpcResults,
  LoadedSession,
} from '../../../src/shared/ipc/contract';
import type { AppDeps } from '../../../src/core/deps';
import { viewCacheDir } from '../../../src/core/session/view-cache';
import { createHandlers } from '../../../src/main/ipc/create-handlers';
import { sandboxDeps, testDeps } from '../ipc/helpers';
import { appLibraryDir } from '../../../src/core/library/paths';
import { Library } from '../../../src/core/library/store';
import { writeKeptReports } from '../../../src/core/library/kept-reports';
import { generateSession } from '../../../src/sandbox/generator';
import { largePlan } from '../../../src/sandbox/sessions';
import { rawOf } from '../../fakes/received';
import {
  dataFor,
  fetchedJson,
  saveInput,
  statusFor,
  tempDir,
  writeFormat1Snapshot,
} from './helpers';

const ctx = {
  emit<E extends IpcEventName>(_name: E, _payload: IpcEvents[E]) {},
};

async function setup(more: Partial<AppDeps> = {}) {
  const shellCalls: string[] = [];
  let openFiles: string[] | null = null;
  const deps = await testDeps({
    ...more,
    shell: {
      reveal: (path) => void shellCalls.push(`reveal ${path}`),
      trash: (path) => {
        shellCalls.push(`trash ${path}`);
        return Promise.resolve();
      },
      openExternal: () => Promise.resolve(),
    },
  });
  const handlers = createHandlers({
    ...deps,
    dialogs: { ...deps.dialogs, openFiles: () => Promise.resolve(openFiles) },
  });
  async function call<C extends keyof IpcResults>(channel: C, args: unknown) {
    const answer = await handlers.handle(channel, args, ctx);
    if (!answer.ok) throw Object.assign(new Error(answer.error.message), answer.error);
    return answer.result as IpcResults[C];
  }
  return {
    deps,
    handlers,
    call,
    shellCalls,
    setOpenFiles: (p: string[] | null) => (openFiles = p),
  };
}

async function viewsKept(dir: string, count: number): Promise<string[]> {
  // The view is kept after the open has answered.
  const views = async () =>
    (await readdir(dir).catch(() => [] as string[])).filter((n) => /^[^.].*\.view$/.test(n));
  for (let i = 0; i < 200; i++) {
    const names = await views();
    if (names.length === count) return names;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return views();
}

describe('library IPC handlers', () => {
  it('keeps the view of a large session it saves: the first open reads it', async () => {
    const sandbox = sandboxDeps();
    const { call, deps } = await setup({ buildFingerprint: 'test-build', ...sandbox.deps });
    try {
      const live = await call('session:fetch', {
        sessionId: 'demo-large-20000',
        wait: true,
        jobId: 'j1',
      });
      await call('library:save', { handle: live.handle });
      const dir = viewCacheDir(deps.userDataDir);
      const [name] = await viewsKept(dir, 1);
      const kept = await stat(join(dir, name!));
      const opened = await call('library:open', { sessionId: 'demo-large-20000' });
      expect(opened.view).toEqual(live.view);
      // Read, not made again: a full open would keep a new file in its place.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const after = await stat(join(dir, name!));
      expect([after.ino, after.mtimeMs]).toEqual([kept.ino, kept.mtimeMs]);
    } finally {
      await sandbox.close();
    }
  }, 60_000);

  it("keeps a large session's opened view for this build, and drops it with the session", async () => {
    const { call, deps } = await setup({ buildFingerprint: 'test-build' });
    const big = generateSession(largePlan(20_000));
    await new Library({ dir: appLibraryDir(deps.userDataDir), appVersion: 't' }).save({
      ...saveInput('demo-large-20000'),
      raw: rawOf(statusFor('demo-large-20000'), big.subscribed),
    });
    const dir = viewCacheDir(deps.userDataDir);
    const first = await call('library:open', { sessionId: 'demo-large-20000' });
    expect(await viewsKept(dir, 1)).toHaveLength(1);
    const again = await call('library:open', { sessionId: 'demo-large-20000' });
    expect(again.view).toEqual(first.view);
    expect(again.view.accounts[0]!.transactions).toHaveLength(20_000);
    await call('library:delete', { sessionId: 'demo-large-20000' });
    expect(await readdir(dir)).toEqual([]);
  }, 60_000);

  it("FinBox's report of a saved session comes from the copy kept at its save, checked", async () => {
    const { call, deps } = await setup();
    const library = new Library({ dir: appLibraryDir(deps.userDataDir), appVersion: 't' });
    const saved = await library.save(saveInput('case-k'));
    const opened = await call('library:open', { sessionId: 'case-k' });
    const accountId = opened.view.accounts[0]!.accountId;
    const bytes = Buffer.from('PK\x03\x04 FinBox report of case-k');
    const [kept] = await writeKeptReports(
      { libraryDir: library.dir, sessionId: 'case-k', snapshotId: saved.record.snapshotId },
      [{ accountId, bytes, keptAt: '2026-12-07T03:30:00.000Z' }],
    );
    const out = await call('report:finbox', { handle: opened.handle, accountId });
    expect(out).toEqual({
      path: join(deps.userDataDir, `case-k-${accountId}-finbox-report.xlsx`),
      bytes: bytes.length,
      keptAt: '2026-12-07T03:30:00.000Z',
    });
    expect(await readFile((out as { path: string }).path)).toEqual(bytes);
    // A kept copy changed since: refused, in one line naming it.
    await writeFile(join(library.dir, 'case-k', kept!.file), 'changed');
    await expect(call('report:finbox', { handle: opened.handle, accountId })).rejects.toThrow(
      /does not match the SHA-256 recorded when it was kept/,
    );
  });

  it('saves a fetched session, lists it, opens it offline with the same view', async () => {
    const { call } = await setup();
    const live = await call('session:fetch', {
      sessionId: 'demo-business',
      wait: true,
      jobId: 'j1',
    });
    const saved = await call('library:save', { handle: live.handle });
    expect(saved).toMatchObject({ imported: false, profileName: 'Sandbox' });
    const listing = await call('library:list', {});
    expect(listing.problems).toEqual([]);
    expect(listing.entries.map((e) => e.sessionId)).toEqual(['demo-business']);

    const opened: LoadedSession = await call('library:open', { sessionId: 'demo-business' });
    expect(opened.source).toMatchObject({
      kind: 'saved',
      snapshotId: saved.snapshotId,
      imported: false,
      sandbox: true,
    });
    expect(opened.fetchedAt).toBe(live.fetchedAt);
    expect(opened.view).toEqual(live.view);
    expect(await call('library:recent', {})).toEqual({
      recent: [
        { sessionId: 'demo-business', snapshotId: null, openedAt: '2026-01-02T03:04:05.000Z' },
      ],
    });
    // Saving a session opened from the library does not duplicate it.
    expect(await call('library:save', { handle: opened.handle })).toEqual(saved);
    expect((await call('library:list', {})).entries[0]!.snapshotCount).toBe(1);
  });

  it('imports dropped bytes and dialog files, reporting each bad one by name', async () => {
    const { call, setOpenFiles } = await setup();
    const dir = await tempDir();
    const good = join(dir, 'fetch.json');
    await writeFile(good, fetchedJson('a'));
    const bad = join(dir, 'bad.bcsession');
    await writeFile(bad, 'not gzip');
    setOpenFiles([good, bad]);
    const fromDialog = await call('library:import', {});
    expect(fromDialog.imported.map((s) => s.imported)).toEqual([true]);
    expect(fromDialog.problems).toEqual([
      {
        file: bad,
        message:
          'bad.bcsession: not a .bcsession file (it is neither format 2 nor gzip-compressed)',
      },
    ]);
    setOpenFiles(null);
    expect(await call('library:import', {})).toEqual({ imported: [], problems: [] });

    // Files dropped on the window come by path too (the preload asks Electron for it).
    await writeFile(join(dir, 'b.json'), JSON.stringify(dataFor('b')));
    await writeFile(join(dir, 'c.json'), '{"x":1}');
    const dropped = await call('library:import', {
      paths: [join(dir, 'b.json'), join(dir, 'c.json')],
    });
    expect(dropped.imported).toHaveLength(1);
    expect(dropped.problems[0]!.message).toMatch(/^c\.json: neither a \.bcsession file/);
    const ids = (await call('library:list', {})).entries.map((e) => e.sessionId).sort();
    expect(ids).toEqual(['a', 'b']);
  });

  it('exports through the save dialog, reveals, deletes via trash, rejects bad ids', async () => {
    const { call, deps, shellCalls } = await setup();
    const live = await call('session:fetch', { sessionId: 'demo-x', wait: false, jobId: 'j' });
    const saved = await call('library:save', { handle: live.handle });
    const exported = await call('library:export', { sessionId: 'demo-x' });
    expect(exported).toEqual({
      path: join(deps.userDataDir, `demo-x-${saved.snapshotId}.bcsession`),
    });
    const file = join(deps.userDataDir, 'library', 'demo-x', `${saved.snapshotId}.bcsession`);
    expect(await readFile((exported as { path: string }).path)).toEqual(await readFile(file));
    expect(await call('library:reveal', { sessionId: 'demo-x' })).toEqual({ revealed: true });
    expect(await call('library:delete', { sessionId: 'demo-x' })).toEqual({ deleted: 1 });
    expect(shellCalls).toEqual([
      `reveal ${file}`,
      `trash ${join(deps.userDataDir, 'library', 'demo-x')}`,
    ]);
    await expect(call('library:open', { sessionId: 'nope' })).rejects.toMatchObject({
      code: 'NOT_IN_LIBRARY',
    });
    await expect(call('library:open', { sessionId: '../etc' })).rejects.toMatchObject({
      code: 'BAD_ARGUMENT',
    });
  });

  it('says how far a rebuild of a missing index is while listing', async () => {
    const { call, deps, handlers } = await setup();
    const live = await call('session:fetch', { sessionId: 'demo-retail', wait: true, jobId: 'j3' });
    await call('library:save', { handle: live.handle });
    const events: IpcEvents['progress'][] = [];
    const watching = {
      emit<E extends IpcEventName>(name: E, payload: IpcEvents[E]) {
        if (name === 'progress') events.push(payload as IpcEvents['progress']);
      },
    };
    await handlers.handle('library:list', {}, watching);
    expect(events.filter((e) => e.kind === 'index')).toEqual([]); // the save wrote the index
    // The search catalogue catches up in the background; a search waits until it has.
    await handlers.handle('catalogue:search', { text: 'x' }, watching);
    events.length = 0;
    await rm(join(deps.userDataDir, 'library', 'index.json'));
    const answer = await handlers.handle('library:list', {}, watching);
    expect(answer.ok && (answer.result as IpcResults['library:list']).entries).toHaveLength(1);
    expect(events.map((e) => [e.jobId, e.kind, e.done, e.total])).toEqual([
      ['library-index', 'index', 0, 1],
      ['library-index', 'index', 1, 1],
    ]);
    expect(events[1]!.message).toBe('Rebuilding the library index: 1 of 1 files read');
  });

  it('upgrades a format-1 snapshot only when asked, and the listing says which format', async () => {
    const { call, deps } = await setup();
    const { file, bytes } = await writeFormat1Snapshot(join(deps.userDataDir, 'library'), 'old');
    const formats = async () =>
      (await call('library:list', {})).entries[0]!.snapshots.map((s) => s.formatVersion);
    expect(await formats()).toEqual([1]);
    await call('library:open', { sessionId: 'old' });
    expect(await readFile(file)).toEqual(bytes);
    expect(await call('library:upgrade', { sessionId: 'old' })).toEqual({
      upgraded: 1,
      failed: [],
    });
    expect(await formats()).toEqual([2]);
    expect((await readFile(file)).subarray(0, 8).toString()).toBe('BCSESS2\n');
    expect(await call('library:upgrade', { sessionId: 'old' })).toEqual({
      upgraded: 0,
      failed: [],
    });
    await expect(call('library:upgrade', { sessionId: '../x' })).rejects.toMatchObject({
      code: 'BAD_ARGUMENT',
    });
  });
});
