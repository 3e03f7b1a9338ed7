// The index is written when a snapshot is saved or imported: listing afterwards opens no
// snapshot file. A missing or damaged index is rebuilt from the files, with progress.
import * as nodeFs from 'node:fs/promises';
import { writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realFs, type LibraryFs } from '../../../src/core/io/safe-write';
import { INDEX_NAME, Library } from '../../../src/core/library/store';
import { saveInput, tempDir } from './helpers';

/** The real file system, noting every snapshot file opened or read. */
function watchedFs(): { fs: LibraryFs; opened: string[] } {
  const opened: string[] = [];
  const note = (path: unknown) => {
    if (String(path).endsWith('.bcsession')) opened.push(String(path));
  };
  const fs: LibraryFs = {
    ...realFs,
    open: ((path: string, ...rest: unknown[]) => {
      note(path);
      return (nodeFs.open as (...a: unknown[]) => unknown)(path, ...rest);
    }) as LibraryFs['open'],
    readFile: ((path: string, ...rest: unknown[]) => {
      note(path);
      return (nodeFs.readFile as (...a: unknown[]) => unknown)(path, ...rest);
    }) as LibraryFs['readFile'],
  };
  return { fs, opened };
}

async function librariesOn() {
  const dir = join(await tempDir(), 'library');
  const watched = watchedFs();
  return {
    dir,
    writer: new Library({ dir, appVersion: 'test' }),
    reader: new Library({ dir, appVersion: 'test', fs: watched.fs }),
    opened: watched.opened,
  };
}

describe('library index written on save', () => {
  it('lists saved and imported snapshots without reading them', async () => {
    const { dir, writer, reader, opened } = await librariesOn();
    await writer.save(saveInput('sess-a'));
    await writer.save(saveInput('sess-b', '2026-11-21T10:00:00.000Z'));
    const raw = join(dir, '..', 'raw.json');
    await writeFile(raw, JSON.stringify({ subscribed_data: saveInput('sess-c').raw.data!.value }));
    await writer.importFile(raw);

    const listing = await reader.list();
    expect(listing.entries.map((e) => e.sessionId).sort()).toEqual(['sess-a', 'sess-b', 'sess-c']);
    expect(listing.problems).toEqual([]);
    expect(opened).toEqual([]);
  });

  it('keeps every entry when saves run at once', async () => {
    const { writer, reader, opened } = await librariesOn();
    const ids = Array.from({ length: 12 }, (_, i) => `sess-${i}`);
    await Promise.all(ids.map((id) => writer.save(saveInput(id))));
    expect((await reader.list()).entries).toHaveLength(12);
    expect(opened).toEqual([]);
  });

  it.each([
    ['missing', (path: string) => rm(path)],
    ['damaged', (path: string) => writeFile(path, '{"format": "bankconnect-viewer/library-ind')],
  ])('rebuilds a %s index from the files, counting them', async (_what, spoil) => {
    const { dir, writer, reader, opened } = await librariesOn();
    for (const id of ['sess-a', 'sess-b', 'sess-c']) await writer.save(saveInput(id));
    await spoil(join(dir, INDEX_NAME));
    const progress: string[] = [];
    const listing = await reader.list({
      onProgress: (done, total) => progress.push(`${done}/${total}`),
    });
    expect(listing.entries).toHaveLength(3);
    expect(progress).toEqual(['0/3', '1/3', '2/3', '3/3']);
    expect(opened).toHaveLength(3);
    // Rebuilt once: the next listing reads nothing again.
    opened.length = 0;
    progress.length = 0;
    await reader.list({ onProgress: (done, total) => progress.push(`${done}/${total}`) });
    expect(opened).toEqual([]);
    expect(progress).toEqual([]);
  });
});
