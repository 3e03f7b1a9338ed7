import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { installBridge } from './bridge-setup';

type Modules = {
  library: typeof import('../../../src/renderer/src/library/library.svelte').library;
  session: typeof import('../../../src/renderer/src/app/session.svelte').session;
  navigation: typeof import('../../../src/renderer/src/app/navigation.svelte').navigation;
};
let m: Modules;

beforeAll(async () => {
  await installBridge();
  m = {
    library: (await import('../../../src/renderer/src/library/library.svelte')).library,
    session: (await import('../../../src/renderer/src/app/session.svelte')).session,
    navigation: (await import('../../../src/renderer/src/app/navigation.svelte')).navigation,
  };
});

describe('library state', () => {
  it('lists an empty library, then saves the session on screen', async () => {
    const { library, session } = m;
    expect(await library.saveCurrent()).toBe('Open a session first');
    await library.load();
    expect(library.listing?.entries).toEqual([]);
    expect(library.error).toBeNull();
    await session.open('demo-retail');
    await session.open('demo-business');
    expect(await library.saveCurrent()).toMatch(/^Saved to the library \(snapshot \S+\)$/);
    await session.open('demo-retail');
    await library.saveCurrent();
    await library.load();
    expect(library.rows.map((e) => e.sessionId).sort()).toEqual(['demo-business', 'demo-retail']);
  });

  it('searches and sorts the rows', () => {
    const { library } = m;
    library.query = 'business';
    expect(library.rows.map((e) => e.sessionId)).toEqual(['demo-business']);
    library.query = '';
    library.sortBy('sessionId');
    expect(library.direction).toBe('asc');
    expect(library.rows.map((e) => e.sessionId)).toEqual(['demo-business', 'demo-retail']);
    library.sortBy('sessionId');
    expect(library.direction).toBe('desc');
    expect(library.rows.map((e) => e.sessionId)).toEqual(['demo-retail', 'demo-business']);
  });

  it('opens a snapshot through the session state and shows the session screen', async () => {
    const { library, session, navigation } = m;
    navigation.screen = 'library';
    await library.open('demo-business');
    expect(library.error).toBeNull();
    expect(navigation.screen).toBe('session');
    expect(session.phase).toBe('loaded');
    expect(session.loaded).toMatchObject({ sessionId: 'demo-business', source: { kind: 'saved' } });
  });

  it('a snapshot that is not there is reported in the library, the screen unchanged', async () => {
    const { library, session, navigation } = m;
    navigation.screen = 'library';
    const shown = session.loaded!.handle;
    await library.open('demo-gone');
    expect(library.error).toBe('Session demo-gone is not in the library');
    expect(navigation.screen).toBe('library');
    expect(session.loaded!.handle).toBe(shown);
  });

  it('deletes only after confirmation, and says what went', async () => {
    const { library } = m;
    library.askDelete('demo-retail', null, 'demo-retail (all snapshots)');
    expect(library.pendingDelete?.sessionId).toBe('demo-retail');
    expect(library.rows).toHaveLength(2);
    await library.confirmDelete();
    expect(library.pendingDelete).toBeNull();
    expect(library.notice).toBe('Moved 1 snapshot of demo-retail to the trash');
  });

  it('imports dropped files from where they are on disk; one not on disk is named', async () => {
    const { library, navigation } = m;
    const dir = await mkdtemp(join(tmpdir(), 'bcv-drop-'));
    const path = join(dir, 'broken.bcsession');
    await writeFile(path, 'not gzip');
    const onDisk = Object.assign(new File(['not gzip'], 'broken.bcsession'), { path });
    const made = new File(['{}'], 'made-in-page.json');
    await library.importDropped([onDisk, made]);
    expect(navigation.screen).toBe('library');
    expect(library.importProblems).toEqual([
      {
        file: 'made-in-page.json',
        message: "made-in-page.json: not a file on this computer's disk",
      },
      {
        file: path,
        message:
          'broken.bcsession: not a .bcsession file (it is neither format 2 nor gzip-compressed)',
      },
    ]);
    expect(library.notice).toBe('Imported 0 files; 2 could not be imported');
    await rm(dir, { recursive: true });
  });
});
