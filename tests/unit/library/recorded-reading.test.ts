// A body's header records what reading it found (issue 17's open time): the library's own
// files are then only parsed at open, a file from elsewhere is read in full and its record
// replaced by what this app found, and a record too large for a header is not kept.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJson, MAX_VALUES_SHOWN, type DuplicateKey } from '@shared/json/read-json';
import { decodeSessionFile } from '../../../src/core/library/format';
import { readFormat2Layout, withRecord } from '../../../src/core/library/format-2';
import { Library } from '../../../src/core/library/store';
import { dataFor, statusFor, tempDir, writeFormat1Snapshot } from './helpers';

const FETCHED = '2026-12-01T10:00:00.000Z';
const SOURCE = { kind: 'live', profileName: 'Test', host: 'h', sandbox: false } as const;

/** Data whose first transaction gives `amount` twice. */
function twiceGiven(sessionId: string): Buffer {
  const text = JSON.stringify(dataFor(sessionId)).replace('"amount":', '"amount":999999,"amount":');
  return Buffer.from(text);
}

async function saved(
  sessionId: string,
  bytes: Buffer,
  duplicateKeys: readonly DuplicateKey[] | undefined,
) {
  const dir = join(await tempDir(), 'lib');
  const library = new Library({ dir, appVersion: 't' });
  const status = statusFor(sessionId);
  const listed = await library.save({
    raw: {
      sessionStatus: { bytes: Buffer.from(JSON.stringify(status)), value: status },
      data: {
        bytes,
        value: readJson(bytes.toString()).value,
        ...(duplicateKeys ? { duplicateKeys } : {}),
      },
      endpoint: 'subscribed_data',
    },
    fetchedAt: FETCHED,
    source: SOURCE,
  });
  return { library, file: listed.file };
}

const dataBody = async (file: string) =>
  readFormat2Layout(await readFile(file)).bodies.find((b) => b.name === 'data')!;

describe('what reading a body found, recorded in the header', () => {
  it('a save records what the client found, and every open reports it', async () => {
    const bytes = twiceGiven('s-rec');
    const found = readJson(bytes.toString()).duplicates;
    expect(found).toHaveLength(1);
    const { library, file } = await saved('s-rec', bytes, found);
    expect((await dataBody(file)).duplicateKeys).toEqual(found);
    const opened = await library.open('s-rec');
    expect(opened.duplicateKeys).toEqual(found);
  });

  it("the library's own file is believed; the same file from elsewhere is read in full", async () => {
    // A record that says nothing was given twice, over bytes that give `amount` twice: only
    // a file edited by hand can say so, which is what tells the two readings apart.
    const { library, file } = await saved('s-lie', twiceGiven('s-lie'), []);
    expect((await library.open('s-lie')).duplicateKeys).toEqual([]);

    const bytes = await readFile(file);
    const outside = await decodeSessionFile(bytes);
    expect(outside.duplicateKeys?.map((d) => d.key)).toEqual(['amount']);
    // An import keeps what it found, not the sender's record.
    const other = new Library({ dir: join(await tempDir(), 'lib'), appVersion: 't' });
    const imported = await other.importBytes(bytes, 'theirs.bcsession', FETCHED);
    expect(imported.duplicateKeys.map((d) => d.key)).toEqual(['amount']);
    expect((await dataBody(imported.file)).duplicateKeys?.map((d) => d.key)).toEqual(['amount']);
    expect((await other.open('s-lie')).duplicateKeys?.map((d) => d.key)).toEqual(['amount']);
  });

  it('a body saved without a record is read in full at every open', async () => {
    const { library, file } = await saved('s-none', twiceGiven('s-none'), undefined);
    expect((await dataBody(file)).duplicateKeys).toBeUndefined();
    expect((await library.open('s-none')).duplicateKeys?.map((d) => d.key)).toEqual(['amount']);
  });

  it('raw JSON imported records what the import found', async () => {
    const dir = await tempDir();
    const library = new Library({ dir: join(dir, 'lib'), appVersion: 't' });
    const outcome = await library.importBytes(twiceGiven('s-raw'), 'raw.json', FETCHED);
    const body = readFormat2Layout(await readFile(outcome.file)).bodies[0]!;
    expect(body.name).toBe('document');
    expect(body.duplicateKeys).toEqual(outcome.duplicateKeys);
    expect(body.duplicateKeys).toHaveLength(1);
  });

  it('a format-1 snapshot upgraded records what reading its payload found', async () => {
    const dir = join(await tempDir(), 'lib');
    const { file } = await writeFormat1Snapshot(dir, 's-old');
    const library = new Library({ dir, appVersion: 't' });
    await library.upgrade('s-old');
    const [body] = readFormat2Layout(await readFile(file)).bodies;
    expect(body?.name).toBe('document');
    expect(body?.duplicateKeys).toEqual([]);
  });

  it('a record larger than a header holds is left out, and the body read in full', () => {
    const body = { name: 'data' as const, compressed: Buffer.from('x'), rawLength: 1 };
    const small = [{ path: '$.a', key: 'a', values: ['1', '2'] }];
    expect(withRecord(body, small).duplicateKeys).toEqual(small);
    const long = 'k'.repeat(300 * 1024);
    expect(withRecord(body, [{ path: `$.${long}`, key: long, values: ['1', '2'] }])).toEqual(body);
    expect(withRecord({ ...body, duplicateKeys: small }, undefined)).toEqual(body);
  });

  it('one key given many times is one report with the first values shown', () => {
    const text = `{${Array.from({ length: 500 }, (_, i) => `"a":${i}`).join(',')}}`;
    const { duplicates } = readJson(text);
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0]!.values).toHaveLength(MAX_VALUES_SHOWN);
    expect(duplicates[0]!.values.slice(0, 3)).toEqual(['0', '1', '2']);
  });
});
