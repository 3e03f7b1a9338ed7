import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import * as nodeFs from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { LibraryFs } from '../../../src/core/io/safe-write';
import { INDEX_NAME, Library } from '../../../src/core/library/store';
import { writeKeptReports } from '../../../src/core/library/kept-reports';
import { rawOf } from '../../fakes/received';
import { encodeFormat1File, payloadTextOf } from '../../fakes/format-1-file';
import {
  dataFor,
  fetchedJson,
  saveInput,
  statusFor,
  tempDir,
  tempLibrary,
  tempLibraryRecordingTrash,
} from './helpers';

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(join(entry.parentPath, entry.name).slice(dir.length + 1));
  }
  return out.sort();
}

describe('library store', () => {
  it('round trip: save, list, open gives back identical raw responses', async () => {
    const library = await tempLibrary();
    const saved = await library.save(saveInput('sess-1'));
    const listing = await library.list();
    expect(listing.problems).toEqual([]);
    expect(listing.entries).toHaveLength(1);
    const entry = listing.entries[0]!;
    expect(entry).toMatchObject({
      sessionId: 'sess-1',
      holderNames: ['R K ENTERPRISES', 'MR. LEELA SANKAR PRASAD ASURU'],
      banks: ['central', 'hdfc'],
      accountNumbers: ['XXXXXX0344', 'XXXXXXXX3559'],
      accountCount: 2,
      months: { first: '2023-10', last: '2024-04', count: 7 },
      latestFetchedAt: '2026-11-20T10:00:00.000Z',
      snapshotCount: 1,
    });
    expect(entry.sizeBytes).toBe((await stat(saved.file)).size);
    const opened = await library.open('sess-1');
    expect(opened.subscribedData).toEqual(dataFor('sess-1'));
    expect(opened.sessionStatus).toEqual(statusFor('sess-1'));
    expect(opened.meta.source).toEqual(saveInput('x').source);
    expect(opened.record.snapshotId).toBe(saved.record.snapshotId);
  });

  it('a re-fetch adds a snapshot; both stay, newest first, each openable', async () => {
    const library = await tempLibrary();
    const first = await library.save(saveInput('sess-1', '2026-11-01T00:00:00.000Z'));
    const changed = saveInput('sess-1', '2026-11-02T00:00:00.000Z');
    const accounts = (changed.raw.data!.value as { accounts: unknown }).accounts as Record<
      string,
      { predictors: Record<string, unknown> }
    >;
    accounts['8cdcf3f2-e4ba-4be8-b0eb-bc619c6cc753']!.predictors['customer_name'] = 'NEW NAME';
    const second = await library.save(changed);
    const [entry] = (await library.list()).entries;
    expect(entry!.snapshotCount).toBe(2);
    expect(entry!.snapshots.map((s) => s.snapshotId)).toEqual([
      second.record.snapshotId,
      first.record.snapshotId,
    ]);
    expect(entry!.holderNames[0]).toBe('NEW NAME');
    const old = await library.open('sess-1', first.record.snapshotId);
    expect(old.subscribedData).toEqual(dataFor('sess-1'));
  });

  it('concurrent saves of the same session give 10 valid snapshots', async () => {
    const library = await tempLibrary();
    const saves = await Promise.all(
      Array.from({ length: 10 }, () => library.save(saveInput('same'))),
    );
    expect(new Set(saves.map((s) => s.record.snapshotId)).size).toBe(10);
    const listing = await library.list();
    expect(listing.problems).toEqual([]);
    expect(listing.entries[0]!.snapshotCount).toBe(10);
    for (const s of saves) {
      expect((await library.open('same', s.record.snapshotId)).subscribedData).toEqual(
        dataFor('same'),
      );
    }
    expect((await filesUnder(library.dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a full disk mid-save leaves earlier snapshots intact, no half file, and says so', async () => {
    const dir = join(await tempDir(), 'library');
    await new Library({ dir, appVersion: 't' }).save(saveInput('sess-1'));
    const before = await filesUnder(dir);
    let written = 0;
    const fullDisk: LibraryFs = {
      ...nodeFs,
      open: async (...args: Parameters<typeof nodeFs.open>) => {
        const handle = await nodeFs.open(...args);
        if (String(args[0]).endsWith('.tmp')) {
          // The first chunk goes through, then the disk is full.
          return new Proxy(handle, {
            get(target, key) {
              if (key === 'write') {
                return async (...w: Parameters<FileHandle['write']>) => {
                  if (written++ > 0) {
                    throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
                      code: 'ENOSPC',
                    });
                  }
                  return (target.write as (...a: unknown[]) => unknown)(
                    w[0],
                    w[1],
                    Math.min(Number(w[2]) || 1, 100),
                  );
                };
              }
              const value = Reflect.get(target, key) as unknown;
              return typeof value === 'function' ? value.bind(target) : value;
            },
          });
        }
        return handle;
      },
    };
    const library = new Library({ dir, appVersion: 't', fs: fullDisk });
    await expect(library.save(saveInput('sess-1'))).rejects.toMatchObject({
      code: 'DISK_FULL',
      message: expect.stringMatching(/disk is full.*earlier snapshots are intact/),
    });
    await expect(library.save(saveInput('sess-2'))).rejects.toMatchObject({ code: 'DISK_FULL' });
    expect(written).toBeGreaterThan(1);
    // Only the earlier snapshot (and its session folder) remain: no temp, no half file.
    const after = (await filesUnder(dir)).filter((f) => f !== INDEX_NAME);
    expect(after).toEqual(before.filter((f) => f !== INDEX_NAME));
    const listing = await new Library({ dir, appVersion: 't' }).list();
    expect(listing.problems).toEqual([]);
    expect(listing.entries.map((e) => e.sessionId)).toEqual(['sess-1']);
  });

  it('reports each bad file by name while the good sessions still list and open', async () => {
    const library = await tempLibrary();
    const good = await library.save(saveInput('good'));
    // Format-1 damage on a format-1 file, as older releases wrote them.
    const { bytes } = await encodeFormat1File({
      payloadText: payloadTextOf({ sessionStatus: null, subscribedData: dataFor('old') }),
      sessionId: 'old',
      savedAt: '2026-11-20T10:00:00.000Z',
      fetchedAt: '2026-11-20T10:00:00.000Z',
      appVersion: 'old',
      source: { kind: 'live', profileName: null, host: null, sandbox: true },
    });
    const envelope = JSON.parse(gunzipSync(bytes).toString('utf8')) as Record<string, unknown>;
    const bytes2 = await readFile(good.file);
    const put = async (session: string, name: string, content: Buffer) => {
      await nodeFs.mkdir(join(library.dir, session), { recursive: true });
      await writeFile(join(library.dir, session, `${name}.bcsession`), content);
    };
    await put(
      'edited',
      'x1',
      gzipSync(
        JSON.stringify({
          ...envelope,
          payload: (envelope['payload'] as string).replace('"amount":59', '"amount":95'),
        }),
      ),
    );
    await put('truncated', 'x2', bytes.subarray(0, Math.floor(bytes.length / 2)));
    await put('newer', 'x3', gzipSync(JSON.stringify({ ...envelope, version: 7 })));
    const wrong = JSON.stringify({ session_status: null, subscribed_data: { session_id: 'w' } });
    const { sha256Hex } = await import('../../../src/core/library/format');
    await put(
      'wrong-shape',
      'x4',
      gzipSync(JSON.stringify({ ...envelope, payload: wrong, sha256: sha256Hex(wrong) })),
    );
    await put('not-ours', 'x5', Buffer.from('hello'));
    await put('old', 'x0', bytes);
    // And format 2's: a flipped bit in the data block, a cut file.
    const flipped = Buffer.from(bytes2);
    flipped[bytes2.length - 100]! ^= 4;
    await put('flipped2', 'y1', flipped);
    await put('cut2', 'y2', bytes2.subarray(0, bytes2.length - 1000));

    const listing = await library.list();
    expect(listing.entries.map((e) => e.sessionId)).toEqual(['good', 'old']);
    const byFile = Object.fromEntries(
      listing.problems.map((p) => [p.file.slice(library.dir.length + 1), p.message]),
    );
    expect(byFile).toEqual({
      'edited/x1.bcsession': expect.stringMatching(/^edited\/x1\.bcsession: checksum mismatch/),
      'truncated/x2.bcsession': expect.stringMatching(/truncated/),
      'newer/x3.bcsession': expect.stringMatching(/newer BankConnect Viewer \(format version 7/),
      'wrong-shape/x4.bcsession': expect.stringMatching(/data response .* at \$\.accounts/),
      'not-ours/x5.bcsession': expect.stringMatching(/not a \.bcsession file/),
      'flipped2/y1.bcsession': expect.stringMatching(/^flipped2\/y1\.bcsession: checksum mismatch/),
      'cut2/y2.bcsession': expect.stringMatching(
        /^cut2\/y2\.bcsession: the file is truncated \(\d+ of \d+ data bytes\)/,
      ),
    });
    // The index remembers the problems too: the second listing reads nothing again.
    expect((await library.list()).problems).toHaveLength(7);
    expect((await library.open('good')).subscribedData).toEqual(dataFor('good'));
  });

  it('rebuilds a missing, damaged or stale index from the files', async () => {
    const library = await tempLibrary();
    await library.save(saveInput('a'));
    await library.save(saveInput('b'));
    expect((await library.list()).entries).toHaveLength(2);
    const indexPath = join(library.dir, INDEX_NAME);
    await writeFile(indexPath, '{not json');
    expect((await library.list()).entries).toHaveLength(2);
    await rm(indexPath);
    expect((await library.list()).entries).toHaveLength(2);
    // Stale: a file removed behind the index's back disappears from the list.
    await rm(join(library.dir, 'a'), { recursive: true });
    expect((await library.list()).entries.map((e) => e.sessionId)).toEqual(['b']);
    const index = JSON.parse(await readFile(indexPath, 'utf8')) as { files: object };
    expect(Object.keys(index.files)).toHaveLength(1);
  });

  it('the index is only a cache: a file replaced with the same name is read again', async () => {
    const library = await tempLibrary();
    const saved = await library.save(saveInput('a'));
    await library.list();
    await writeFile(saved.file, 'garbage');
    const listing = await library.list();
    expect(listing.entries).toEqual([]);
    expect(listing.problems[0]!.message).toMatch(/not a \.bcsession file/);
  });

  it('imports raw API JSON as an imported snapshot, and a .bcsession with its checksum kept', async () => {
    const dir = await tempDir();
    const library = await tempLibrary();
    const raw = join(dir, 'fetch.json');
    await writeFile(raw, fetchedJson('r-1'));
    const onlyData = join(dir, 'data.json');
    await writeFile(onlyData, JSON.stringify(dataFor('r-2')));
    const a = await library.importFile(raw);
    const b = await library.importFile(onlyData);
    expect(a.record).toMatchObject({ sessionId: 'r-1', imported: true, profileName: null });
    expect(b.record).toMatchObject({ sessionId: 'r-2', imported: true });
    expect((await library.open('r-2')).sessionStatus).toBeNull();
    expect((await library.importFile(raw)).duplicate).toBe(true);

    // A colleague's .bcsession: imported into another library, same checksum and source.
    const colleague = await tempLibrary();
    const theirs = await colleague.save(saveInput('shared'));
    const mine = await library.importFile(theirs.file);
    expect(mine.duplicate).toBe(false);
    expect(mine.record.sha256).toBe(theirs.record.sha256);
    expect(mine.record.fetchedAt).toBe(theirs.record.fetchedAt);
    expect(mine.record.profileName).toBe('Sandbox');
    expect((await library.importFile(theirs.file)).duplicate).toBe(true);

    const junk = join(dir, 'junk.json');
    await writeFile(junk, '[1,2]');
    await expect(library.importFile(junk)).rejects.toThrow(/^junk\.json: neither a \.bcsession/);
    const badShape = join(dir, 'bad.json');
    await writeFile(badShape, JSON.stringify({ session_id: 'x', accounts: { a: 3 } }));
    await expect(library.importFile(badShape)).rejects.toMatchObject({
      code: 'SCHEMA_MISMATCH',
      message: expect.stringContaining('$.accounts.a, expected at least one readable account'),
    });
  });

  it('exports a verified copy and deletes a snapshot or a whole session through trash', async () => {
    const { library, trashed } = await tempLibraryRecordingTrash();
    const one = await library.save(saveInput('s', '2026-01-01T00:00:00.000Z'));
    await library.save(saveInput('s', '2026-01-02T00:00:00.000Z'));
    await library.save(saveInput('t'));
    const out = join(await tempDir(), 'copy.bcsession');
    expect(await library.exportTo('s', one.record.snapshotId, out)).toBe(out);
    expect(await readFile(out)).toEqual(await readFile(one.file));

    expect(await library.delete('s', one.record.snapshotId)).toBe(1);
    expect(trashed).toEqual([one.file]);
    expect((await library.list()).entries.find((e) => e.sessionId === 's')!.snapshotCount).toBe(1);
    expect(await library.delete('s')).toBe(1);
    expect(trashed[1]).toBe(join(library.dir, 's'));
    expect((await library.list()).entries.map((e) => e.sessionId)).toEqual(['t']);
    await expect(library.delete('s')).rejects.toMatchObject({ code: 'NOT_IN_LIBRARY' });
    await expect(library.open('nope')).rejects.toThrow('Session nope is not in the library');
  });

  it("FinBox's reports kept with a snapshot go to the trash with it, and with the session", async () => {
    const { library, trashed } = await tempLibraryRecordingTrash();
    const one = await library.save(saveInput('s', '2026-01-01T00:00:00.000Z'));
    const two = await library.save(saveInput('s', '2026-01-02T00:00:00.000Z'));
    const at = '2026-01-02T00:00:00.000Z';
    for (const s of [one, two]) {
      await writeKeptReports(
        { libraryDir: library.dir, sessionId: 's', snapshotId: s.record.snapshotId },
        [
          { accountId: 'a1', bytes: Buffer.from('PK\x03\x04 one'), keptAt: at },
          { accountId: 'a2', bytes: Buffer.from('PK\x03\x04 two'), keptAt: at },
        ],
      );
    }
    const folder = join(library.dir, 's');
    const id1 = one.record.snapshotId;
    const id2 = two.record.snapshotId;
    // One snapshot: its file, its two reports and their manifest; the other's stay.
    expect(await library.delete('s', id1)).toBe(1);
    expect(trashed.map((p) => p.slice(folder.length + 1)).sort()).toEqual(
      [
        `${id1}.bcsession`,
        `${id1}.finbox-report-1.xlsx`,
        `${id1}.finbox-report-2.xlsx`,
        `${id1}.finbox-reports.json`,
      ].sort(),
    );
    expect((await readdir(folder)).filter((n) => n.startsWith(id2)).sort()).toEqual(
      [
        `${id2}.bcsession`,
        `${id2}.finbox-report-1.xlsx`,
        `${id2}.finbox-report-2.xlsx`,
        `${id2}.finbox-reports.json`,
      ].sort(),
    );
    // The whole session: the folder, one item.
    expect(await library.delete('s')).toBe(1);
    expect(trashed[trashed.length - 1]).toBe(folder);
  });

  it('cleans temporary files of dead saves only once they are old', async () => {
    let now = new Date('2026-11-24T12:00:00.000Z');
    const library = await tempLibrary({ clock: () => now });
    await library.save(saveInput('s'));
    const temp = join(library.dir, 's', '.20261124T120000000Z-deadbeef.bcsession.abc.tmp');
    await writeFile(temp, 'half');
    now = new Date();
    expect((await library.list()).problems).toEqual([]);
    expect(await stat(temp)).toBeTruthy();
    now = new Date(Date.now() + 60 * 60 * 1000);
    await library.list();
    await expect(stat(temp)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a session id that cannot be a folder name, writing nothing', async () => {
    const library = await tempLibrary();
    for (const id of ['../../etc', '.', 'CON', 'x'.repeat(501)]) {
      const odd = {
        ...saveInput('x'),
        raw: rawOf(statusFor('x'), { ...dataFor('x'), session_id: id }),
      };
      await expect(library.save(odd)).rejects.toMatchObject({
        code: 'INVALID_SESSION_ID',
        message: expect.stringMatching(/^Invalid session id: /),
      });
    }
    const listing = await library.list();
    expect(listing.entries).toEqual([]);
    expect(listing.problems).toEqual([]);
  });
});
