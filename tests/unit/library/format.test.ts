import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync, zstdDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  bodiesOfReceived,
  decodeSessionFile,
  encodeSessionFile,
  FORMAT_NAME,
  sha256Hex,
} from '../../../src/core/library/format';
import {
  compressBody,
  inflateBody,
  INFLATED_SPARE_BYTES,
  readFormat2Layout,
  withSections,
} from '../../../src/core/library/format-2';
import { releaseBytes } from '../../../src/core/io/release-bytes';
import { encodeFormat1File, payloadTextOf, SNAPSHOT_META } from '../../fakes/format-1-file';
import { rawOf } from '../../fakes/received';
import { dataFor, statusFor } from './helpers';

const META = SNAPSHOT_META;

async function sample1() {
  const payloadText = payloadTextOf({
    sessionStatus: statusFor('s-1'),
    subscribedData: dataFor('s-1'),
  });
  return (await encodeFormat1File({ payloadText, ...META })).bytes;
}

/** A format-2 file of two responses whose bytes are not what JSON.stringify would give. */
async function sample2() {
  const raw = rawOf(statusFor('s-1'), dataFor('s-1'));
  const statusBytes = Buffer.from(JSON.stringify(statusFor('s-1'), null, 1));
  const dataBytes = Buffer.from(`\n  ${JSON.stringify(dataFor('s-1'), null, 3)}  \n`);
  const received = {
    ...raw,
    sessionStatus: { ...raw.sessionStatus!, bytes: statusBytes },
    data: { ...raw.data!, bytes: dataBytes },
  };
  const bodies = await bodiesOfReceived(received);
  const { bytes } = encodeSessionFile({ ...META, endpoint: 'subscribed_data', bodies });
  return { bytes, statusBytes, dataBytes };
}

/** Re-gzips an edited envelope (what a person editing the file by hand would do). */
function edit(bytes: Buffer, change: (envelope: Record<string, unknown>) => void): Buffer {
  const envelope = JSON.parse(gunzipSync(bytes).toString('utf8')) as Record<string, unknown>;
  change(envelope);
  return gzipSync(JSON.stringify(envelope));
}

/** A format-2 file with its header JSON replaced (lengths kept consistent). */
function withHeader(bytes: Buffer, change: (header: Record<string, unknown>) => void): Buffer {
  const length = bytes.readUInt32LE(8);
  const header = JSON.parse(bytes.toString('utf8', 12, 12 + length)) as Record<string, unknown>;
  change(header);
  const text = Buffer.from(JSON.stringify(header));
  const size = Buffer.alloc(4);
  size.writeUInt32LE(text.length);
  return Buffer.concat([bytes.subarray(0, 8), size, text, bytes.subarray(12 + length)]);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('.bcsession format 2', () => {
  it('keeps each response byte for byte as received, and checksums the data block', async () => {
    const { bytes, statusBytes, dataBytes } = await sample2();
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('BCSESS2\n');
    const layout = readFormat2Layout(bytes);
    expect(layout.header.format).toBe(FORMAT_NAME);
    expect(layout.header.version).toBe(2);
    expect(layout.bodies.map((b) => b.name)).toEqual(['session_status', 'data']);
    const [status, data] = layout.bodies.map((b) => zstdDecompressSync(b.compressed));
    expect(status!.equals(statusBytes)).toBe(true);
    expect(data!.equals(dataBytes)).toBe(true);
    expect(layout.header.bodies.map((b) => b.rawLength)).toEqual([
      statusBytes.length,
      dataBytes.length,
    ]);
    // The checksum is the SHA-256 of the data block as stored, end to end.
    const headerEnd = 12 + bytes.readUInt32LE(8);
    expect(layout.header.sha256).toBe(sha256(bytes.subarray(headerEnd, layout.dataEnd)));
    expect(layout.dataEnd).toBe(bytes.length);

    const decoded = await decodeSessionFile(bytes);
    expect(decoded.version).toBe(2);
    expect(decoded.subscribedData).toEqual(dataFor('s-1'));
    expect(decoded.sessionStatus).toEqual(statusFor('s-1'));
    expect(decoded.endpoint).toBe('subscribed_data');
    expect(decoded.meta).toEqual({ ...META, sha256: layout.header.sha256 });
    expect(decoded.duplicateKeys).toEqual([]);
  });

  it('reports a key the data gives twice at every read, from the bytes as received', async () => {
    const raw = rawOf(null, dataFor('s-1'));
    const text = JSON.stringify(dataFor('s-1')).replace(
      '"amount":59',
      '"amount":59,"amount":999999',
    );
    expect(text).toContain('"amount":999999');
    const bodies = await bodiesOfReceived({
      ...raw,
      data: { ...raw.data!, bytes: Buffer.from(text) },
    });
    const { bytes } = encodeSessionFile({ ...META, endpoint: 'subscribed_data', bodies });
    const decoded = await decodeSessionFile(bytes);
    expect(decoded.duplicateKeys).toEqual([
      expect.objectContaining({ key: 'amount', values: ['59', '999999'] }),
    ]);
  });

  it('refuses a newer version in one line', async () => {
    const bytes = withHeader((await sample2()).bytes, (h) => (h['version'] = 3));
    await expect(decodeSessionFile(bytes)).rejects.toMatchObject({
      code: 'NEWER_FORMAT',
      message:
        'saved by a newer BankConnect Viewer (format version 3; this app reads up to 2): update the app to open it',
    });
  });

  it('refuses each kind of damage with one line saying which', async () => {
    const { bytes } = await sample2();
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 10]! ^= 1;
    const badMagic = Buffer.from(bytes);
    badMagic[6] = 0x33; // "BCSESS3"
    const longHeader = Buffer.from(bytes);
    longHeader.writeUInt32LE(bytes.length, 8);
    const cases: [Buffer, string, RegExp][] = [
      [
        badMagic,
        'NOT_BCSESSION',
        /^not a \.bcsession file \(it is neither format 2 nor gzip-compressed\)$/,
      ],
      [bytes.subarray(0, 10), 'TRUNCATED', /truncated \(it ends inside the format-2 prefix\)/],
      [longHeader, 'TRUNCATED', /truncated \(the header claims \d+ bytes, \d+ follow\)/],
      [
        bytes.subarray(0, 200),
        'TRUNCATED',
        /truncated \(the header claims|truncated \(\d+ of \d+ data bytes\)/,
      ],
      [bytes.subarray(0, bytes.length - 5), 'TRUNCATED', /truncated \(\d+ of \d+ data bytes\)/],
      [
        flipped,
        'CHECKSUM_MISMATCH',
        /^checksum mismatch: the saved data was corrupted or edited after saving$/,
      ],
      [
        withHeader(bytes, (h) => (h['bodies'] as { offset: number }[]).reverse()),
        'CORRUPT',
        /damaged \(body \w+ is out of place\)/,
      ],
      [
        withHeader(bytes, (h) => ((h['bodies'] as { rawLength: number }[])[1]!.rawLength -= 1)),
        'CORRUPT',
        /damaged \(body data unpacks to more than its header's \d+ bytes\)/,
      ],
      [
        withHeader(bytes, (h) => ((h['bodies'] as { rawLength: number }[])[1]!.rawLength += 1)),
        'CORRUPT',
        /damaged \(body data unpacks to \d+ bytes, its header says \d+\)/,
      ],
      [
        Buffer.concat([
          bytes,
          Buffer.from('review  '),
          Buffer.from([50, 0, 0, 0]),
          Buffer.alloc(10),
        ]),
        'TRUNCATED',
        /section "review" claims 50 bytes, 10 follow/,
      ],
      [withHeader(bytes, (h) => (h['sha256'] = 'x')), 'SCHEMA_MISMATCH', /header .* at \$\.sha256/],
    ];
    for (const [input, code, message] of cases) {
      const error = (await decodeSessionFile(input).catch((e: unknown) => e)) as Error & {
        code: string;
      };
      expect({ code: error.code, message: error.message }).toEqual({
        code,
        message: expect.stringMatching(message),
      });
      expect(error.message).not.toContain('\n');
    }
  });

  it('unpacks a body into one buffer of its own, which is freed whole once read', async () => {
    const received = Buffer.from(JSON.stringify(dataFor('s-1')).repeat(200));
    const body = await compressBody('data', received);
    const bytes = await inflateBody(body);
    expect(bytes.equals(received)).toBe(true);
    const memory = bytes.buffer as ArrayBuffer;
    // One buffer: no second one as large made beside it, nothing else shares it.
    expect(memory.byteLength).toBe(received.length + INFLATED_SPARE_BYTES);
    releaseBytes(bytes, INFLATED_SPARE_BYTES);
    expect(memory.detached).toBe(true);
  });

  it('replaces trailing sections leaving the header and data block byte for byte', async () => {
    const { bytes } = await sample2();
    const layout = readFormat2Layout(bytes);
    const once = withSections(bytes, layout, [{ tag: 'review', bytes: Buffer.from('one') }]);
    const twice = withSections(once, readFormat2Layout(once), [
      { tag: 'review', bytes: Buffer.from('two, longer') },
      { tag: 'other', bytes: Buffer.alloc(0) },
    ]);
    expect(twice.subarray(0, layout.dataEnd).equals(bytes)).toBe(true);
    const again = readFormat2Layout(twice);
    expect(again.header.sha256).toBe(layout.header.sha256);
    expect(again.sections.map((s) => [s.tag, s.bytes.toString()])).toEqual([
      ['review', 'two, longer'],
      ['other', ''],
    ]);
    expect((await decodeSessionFile(twice)).subscribedData).toEqual(dataFor('s-1'));
  });
});

describe('.bcsession format 1 (still read)', () => {
  it('opens both responses and verifies the checksum of the payload text', async () => {
    const bytes = await sample1();
    const decoded = await decodeSessionFile(bytes);
    expect(decoded.version).toBe(1);
    expect(decoded.subscribedData).toEqual(dataFor('s-1'));
    expect(decoded.sessionStatus).toEqual(statusFor('s-1'));
    const envelope = JSON.parse(gunzipSync(bytes).toString('utf8')) as Record<string, unknown>;
    expect(decoded.meta.sha256).toBe(sha256Hex(envelope['payload'] as string));
    expect(decoded.meta.source).toEqual(META.source);
    // As format 2 it is one document body: the very text the format-1 checksum covered.
    const [body] = await decoded.storedBodies();
    expect(body!.name).toBe('document');
    expect(sha256(zstdDecompressSync(body!.compressed))).toBe(decoded.meta.sha256);
  });

  it('rejects a file that is not gzip, or gzip of something else, as not a bcsession file', async () => {
    await expect(decodeSessionFile(Buffer.from('{"a":1}'))).rejects.toMatchObject({
      code: 'NOT_BCSESSION',
    });
    await expect(decodeSessionFile(gzipSync('hello'))).rejects.toMatchObject({
      code: 'NOT_BCSESSION',
    });
    await expect(decodeSessionFile(gzipSync('{"format":"other"}'))).rejects.toThrow(
      /not a \.bcsession file/,
    );
  });

  it('names a newer format version', async () => {
    const bytes = edit(await sample1(), (e) => (e['version'] = 3));
    await expect(decodeSessionFile(bytes)).rejects.toMatchObject({
      code: 'NEWER_FORMAT',
      message: expect.stringMatching(/newer BankConnect Viewer \(format version 3/),
    });
  });

  it('detects one changed amount as a checksum mismatch', async () => {
    const bytes = edit(await sample1(), (e) => {
      e['payload'] = (e['payload'] as string).replace('"amount":59', '"amount":95');
    });
    await expect(decodeSessionFile(bytes)).rejects.toMatchObject({
      code: 'CHECKSUM_MISMATCH',
      message: expect.stringMatching(/corrupted or edited/),
    });
  });

  it('reports truncated gzip data as truncated', async () => {
    const bytes = await sample1();
    await expect(decodeSessionFile(bytes.subarray(0, bytes.length - 20))).rejects.toMatchObject({
      code: 'TRUNCATED',
    });
    await expect(decodeSessionFile(bytes.subarray(0, 40))).rejects.toMatchObject({
      code: 'TRUNCATED',
    });
  });

  it('names the JSON path of a payload that is not in the documented shape', async () => {
    const bad = {
      session_status: null,
      subscribed_data: { session_id: 's-1', accounts: { a: [] } },
    };
    const text = JSON.stringify(bad);
    const bytes = edit(await sample1(), (e) => {
      e['payload'] = text;
      e['sha256'] = sha256Hex(text);
    });
    await expect(decodeSessionFile(bytes)).rejects.toMatchObject({
      code: 'SCHEMA_MISMATCH',
      message: expect.stringContaining('$.accounts.a, expected at least one readable account'),
    });
  });

  it('names the header field that is wrong', async () => {
    const bytes = edit(
      await sample1(),
      (e) => ((e['source'] as Record<string, unknown>)['kind'] = 'x'),
    );
    await expect(decodeSessionFile(bytes)).rejects.toThrow(/header .* at \$\.source\.kind/);
  });
});
