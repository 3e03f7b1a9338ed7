// .bcsession format 2 through the library and `bcv library`: raw JSON kept as given (a key
// given twice is reported at import and at every open, issue 14's gap), format-1 files
// opened as they are and rewritten only by `bcv library upgrade`, their review kept.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { zstdDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { libraryCli as cli } from './support/library-cli';
import { decodeSessionFile } from '../../src/core/library/format';
import { readFormat2Layout } from '../../src/core/library/format-2';
import { readSessionInput } from '../../src/core/library/session-input';
import { Library } from '../../src/core/library/store';
import { reviewIn } from '../../src/core/review/bundle';
import { SessionReviews } from '../../src/core/review/session-reviews';
import { ReviewStore } from '../../src/core/review/store';
import { sessionOfSnapshot } from '../../src/core/session/open-saved';
import {
  dataFor,
  fetchedJson,
  statusFor,
  tempDir,
  writeFormat1Snapshot,
} from '../unit/library/helpers';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const format1Snapshot = (cwd: string, sessionId: string) =>
  writeFormat1Snapshot(join(cwd, 'lib'), sessionId);

describe('.bcsession format 2 in the library', () => {
  it('a key given twice in imported JSON is reported at import and at every open', async () => {
    const cwd = await tempDir();
    const run = await cli(cwd);
    const text = fetchedJson('s-dup').replace('"amount":', '"amount":999999,"amount":');
    await writeFile(join(cwd, 'dup.json'), text);

    const imported = await run('import', 'dup.json');
    expect(imported.code).toBe(0);
    expect(imported.stderr).toMatch(
      /^dup\.json: 1 item could not be read and was set aside \(first: \$\.subscribed_data\.accounts\["[^"]+"\]\.transactions\[0\]\.amount = 999999 \| [\d.]+, the file gives "amount" 2 times in one object/,
    );

    // The library keeps the file's bytes as given...
    const library = new Library({ dir: join(cwd, 'lib'), appVersion: 't' });
    const opened = await library.open('s-dup');
    const body = readFormat2Layout(await readFile(opened.file)).bodies[0]!;
    expect(body.name).toBe('document');
    expect(zstdDecompressSync(body.compressed).toString()).toBe(text);
    // ...so every open reads the second amount again and sets the item aside.
    expect(opened.duplicateKeys?.map((d) => d.values)).toEqual([['999999', expect.any(String)]]);
    const view = sessionOfSnapshot(opened).view;
    expect(view.unreadable).toContainEqual(
      expect.objectContaining({ value: expect.stringMatching(/^999999 \| /) }),
    );

    const shown = await run('show', 's-dup');
    expect(shown.code).toBe(0);
    expect(shown.stderr).toMatch(
      /^Snapshot \d{8}T\S+: 1 item could not be read and was set aside \(a key its JSON gives twice\)/,
    );
    // An exported copy carries the same bytes: read anywhere, it says so again.
    expect((await run('export', 's-dup', '-o', 'copy.bcsession')).code).toBe(0);
    const copy = await readSessionInput(join(cwd, 'copy.bcsession'));
    expect(copy.duplicateKeys).toHaveLength(1);
    // Imported again: already there, and still reported.
    const again = await run('import', 'dup.json');
    expect(again.stdout).toMatch(/already in the library/);
    expect(again.stderr).toMatch(/^dup\.json: 1 item could not be read/);
  });

  it('a live save keeps both responses byte for byte, and the index says format 2', async () => {
    const cwd = await tempDir();
    const library = new Library({ dir: join(cwd, 'lib'), appVersion: 't' });
    const statusBytes = Buffer.from(`${JSON.stringify(statusFor('s-2'), null, 2)}\n`);
    const dataBytes = Buffer.from(`\uFEFF${JSON.stringify(dataFor('s-2'), null, 1)}`);
    const saved = await library.save({
      raw: {
        sessionStatus: { bytes: statusBytes, value: statusFor('s-2') },
        data: { bytes: dataBytes, value: dataFor('s-2') },
        endpoint: 'subscribed_data',
      },
      fetchedAt: '2026-12-01T10:00:00.000Z',
      source: { kind: 'live', profileName: 'Work', host: 'h', sandbox: false },
    });
    const bytes = await readFile(saved.file);
    const layout = readFormat2Layout(bytes);
    const [status, data] = layout.bodies.map((b) => zstdDecompressSync(b.compressed));
    expect(status!.equals(statusBytes)).toBe(true);
    expect(data!.equals(dataBytes)).toBe(true);
    expect(saved.record).toMatchObject({ sha256: layout.header.sha256, formatVersion: 2 });
    const { entries } = await library.list();
    expect(entries[0]!.snapshots[0]).toMatchObject({ formatVersion: 2 });
    expect((await library.open('s-2')).subscribedData).toEqual(dataFor('s-2'));
  });

  it('format 1 opens unchanged; upgrade rewrites it in place keeping content and review', async () => {
    const cwd = await tempDir();
    const run = await cli(cwd);
    const old = await format1Snapshot(cwd, 's-old');
    const library = new Library({ dir: join(cwd, 'lib'), appVersion: 'cli-test' });
    const reviews = new SessionReviews({ library, store: new ReviewStore({ dir: library.dir }) });
    await reviews.note('s-old', 'Asha', 'Salary credits checked');

    // Opening and listing leave the file alone.
    const before = await library.open('s-old');
    expect(before.version).toBe(1);
    expect((await run('show', 's-old')).stdout).toContain(
      '1 snapshot is in format 1: bcv library upgrade s-old rewrites it as format 2',
    );
    expect((await readFile(old.file)).equals(old.bytes)).toBe(true);

    // An export goes out as format 2 (with the review in its trailing section).
    expect((await run('export', 's-old', '-o', 'shared.bcsession')).code).toBe(0);
    const shared = await readFile(join(cwd, 'shared.bcsession'));
    expect(shared.subarray(0, 8).toString()).toBe('BCSESS2\n');
    expect((await reviewIn(shared))?.events).toHaveLength(1);
    expect((await readFile(old.file)).equals(old.bytes)).toBe(true);

    const upgraded = await run('upgrade', 's-old');
    expect(upgraded).toMatchObject({ code: 0, stderr: '' });
    expect(upgraded.stdout).toMatch(/^s-old 20261120T100000000Z-0a0b0c0d: upgraded to format 2/);
    expect(upgraded.stdout).toContain('1 snapshot upgraded, 0 already format 2\n');

    const bytes = await readFile(old.file);
    const layout = readFormat2Layout(bytes);
    // The document body is the very payload text format 1 checksummed.
    expect(zstdDecompressSync(layout.bodies[0]!.compressed).toString()).toBe(old.payloadText);
    expect(sha256(zstdDecompressSync(layout.bodies[0]!.compressed))).toBe(old.checksum);
    expect(layout.header).toMatchObject({
      sessionId: 's-old',
      savedAt: '2026-11-20T10:00:00.000Z',
      fetchedAt: '2026-11-20T09:58:00.000Z',
      appVersion: '0.9.0',
      source: { kind: 'live', profileName: 'Work', host: 'apis.example.in', sandbox: false },
      endpoint: 'subscribed_data',
      upgradedFrom: { version: 1, sha256: old.checksum, appVersion: 'cli-test' },
    });
    const after = await decodeSessionFile(bytes);
    expect(after.subscribedData).toEqual(before.subscribedData);
    expect(after.sessionStatus).toEqual(before.sessionStatus);
    // Listing comes from the index written by the upgrade, with the new checksum.
    const fresh = new Library({ dir: join(cwd, 'lib'), appVersion: 't' });
    const { snapshots } = await fresh.list();
    expect(
      snapshots.map((s) => [s.record.snapshotId, s.record.formatVersion, s.record.sha256]),
    ).toEqual([['20261120T100000000Z-0a0b0c0d', 2, layout.header.sha256]]);
    expect((await reviews.review('s-old')).notes.map((n) => n.text)).toEqual([
      'Salary credits checked',
    ]);

    const twice = await run('upgrade', '--all');
    expect(twice).toMatchObject({ code: 0, stdout: '0 snapshots upgraded, 1 already format 2\n' });
    // The format-1 export imported back is the same data: recognised, nothing new written.
    const reimport = await run('import', 'shared.bcsession');
    expect(reimport.stdout).toMatch(/already in the library/);
  });

  it('upgrade reports a damaged file in one line and leaves it; bad usage is exit 2', async () => {
    const cwd = await tempDir();
    const run = await cli(cwd);
    const good = await format1Snapshot(cwd, 's-a');
    const bad = await format1Snapshot(cwd, 's-b');
    const library = new Library({ dir: join(cwd, 'lib'), appVersion: 't' });
    expect((await library.list()).problems).toEqual([]);
    // Damaged after it was indexed: the upgrade reads it again and refuses it.
    const damaged = Buffer.from(bad.bytes);
    damaged[damaged.length - 12]! ^= 0xff;
    await writeFile(bad.file, damaged);
    const outcome = await run('upgrade', '--all');
    expect(outcome.code).toBe(1);
    expect(outcome.stderr.split('\n').filter((l) => l.startsWith('NOT_UPGRADED:'))).toEqual([
      expect.stringMatching(/^NOT_UPGRADED: s-b\/20261120T100000000Z-0a0b0c0d\.bcsession: /),
    ]);
    expect(outcome.stdout).toContain(
      '1 snapshot upgraded, 0 already format 2, 1 could not be upgraded',
    );
    expect((await readFile(bad.file)).equals(damaged)).toBe(true);
    expect((await readFile(good.file)).subarray(0, 7).toString()).toBe('BCSESS2');

    expect((await run('upgrade')).code).toBe(2);
    expect((await run('upgrade', 's-a', '--all')).code).toBe(2);
    expect((await run('upgrade', 'nobody')).stderr).toBe(
      'NOT_IN_LIBRARY: Session nobody is not in the library\n',
    );
  });

  it('a newer format is refused at import in one line', async () => {
    const cwd = await tempDir();
    const run = await cli(cwd);
    const library = new Library({ dir: join(cwd, 'src-lib'), appVersion: 't' });
    await library.importBytes(
      Buffer.from(JSON.stringify({ session_status: null, subscribed_data: dataFor('s-new') })),
      'x.json',
      '2026-12-01T00:00:00.000Z',
    );
    const [snapshot] = (await library.list()).snapshots;
    const bytes = await readFile(snapshot!.file);
    const length = bytes.readUInt32LE(8);
    const header = JSON.parse(bytes.toString('utf8', 12, 12 + length)) as Record<string, unknown>;
    const text = Buffer.from(JSON.stringify({ ...header, version: 3 }));
    const size = Buffer.alloc(4);
    size.writeUInt32LE(text.length);
    await writeFile(
      join(cwd, 'newer.bcsession'),
      Buffer.concat([bytes.subarray(0, 8), size, text, bytes.subarray(12 + length)]),
    );
    const outcome = await run('import', 'newer.bcsession');
    expect(outcome).toMatchObject({
      code: 1,
      stderr:
        'NEWER_FORMAT: newer.bcsession: saved by a newer BankConnect Viewer (format version 3; this app reads up to 2): update the app to open it\n',
    });
  });
});
