import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  decodeSessionFile,
  encodeSessionFile,
  FORMAT_NAME,
  payloadTextOf,
  sha256Hex,
} from '../../../src/core/library/format';
import { dataFor, statusFor } from './helpers';

async function sample() {
  const payloadText = payloadTextOf({
    sessionStatus: statusFor('s-1'),
    subscribedData: dataFor('s-1'),
  });
  const { bytes } = await encodeSessionFile({
    payloadText,
    sessionId: 's-1',
    savedAt: '2026-11-24T10:00:00.000Z',
    fetchedAt: '2026-11-24T09:59:00.000Z',
    appVersion: '0.1.0',
    source: { kind: 'live', profileName: 'Prod', host: 'apis.example.in', sandbox: false },
  });
  return bytes;
}

/** Re-gzips an edited envelope (what a person editing the file by hand would do). */
function edit(bytes: Buffer, change: (envelope: Record<string, unknown>) => void): Buffer {
  const envelope = JSON.parse(gunzipSync(bytes).toString('utf8')) as Record<string, unknown>;
  change(envelope);
  return gzipSync(JSON.stringify(envelope));
}

describe('.bcsession format', () => {
  it('round-trips both responses exactly and verifies the checksum of the payload text', async () => {
    const bytes = await sample();
    const decoded = await decodeSessionFile(bytes);
    expect(decoded.subscribedData).toEqual(dataFor('s-1'));
    expect(decoded.sessionStatus).toEqual(statusFor('s-1'));
    expect(decoded.meta.sha256).toBe(sha256Hex(decoded.payloadText));
    expect(decoded.meta.source).toEqual({
      kind: 'live',
      profileName: 'Prod',
      host: 'apis.example.in',
      sandbox: false,
    });
    const envelope = JSON.parse(gunzipSync(bytes).toString('utf8')) as Record<string, unknown>;
    expect(envelope['format']).toBe(FORMAT_NAME);
    expect(envelope['version']).toBe(1);
    expect(typeof envelope['payload']).toBe('string');
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
    const bytes = edit(await sample(), (e) => (e['version'] = 2));
    await expect(decodeSessionFile(bytes)).rejects.toMatchObject({
      code: 'NEWER_FORMAT',
      message: expect.stringMatching(/newer BankConnect Viewer \(format version 2/),
    });
  });

  it('detects one changed amount as a checksum mismatch', async () => {
    const bytes = edit(await sample(), (e) => {
      e['payload'] = (e['payload'] as string).replace('"amount":59', '"amount":95');
    });
    await expect(decodeSessionFile(bytes)).rejects.toMatchObject({
      code: 'CHECKSUM_MISMATCH',
      message: expect.stringMatching(/corrupted or edited/),
    });
  });

  it('reports truncated gzip data as truncated', async () => {
    const bytes = await sample();
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
    const bytes = edit(await sample(), (e) => {
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
      await sample(),
      (e) => ((e['source'] as Record<string, unknown>)['kind'] = 'x'),
    );
    await expect(decodeSessionFile(bytes)).rejects.toThrow(/header .* at \$\.source\.kind/);
  });
});
