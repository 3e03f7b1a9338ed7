// Reading `.bcsession` format 1 (what releases before format 2 wrote; still opened, and
// rewritten as format 2 only by `bcv library upgrade`): gzip-compressed JSON,
//
//   { format: 'bankconnect-viewer/session', version: 1, sessionId, savedAt, fetchedAt,
//     appVersion, source: { kind: 'live' | 'imported', profileName, host, sandbox },
//     sha256, payload: "<JSON text of { session_status, subscribed_data, data_endpoint? }>",
//     review?: <the review, outside the checksum> }
//
// The checksum covers the UTF-8 of the payload string, the bytes that are parsed back.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { parseWith } from '@shared/api/parse';
import { JsonReadError, readJson } from '@shared/json/read-json';
import { inflateBounded, TooLargeError } from '../io/size-ceiling';
import { LibraryError } from './library-errors';
import { newerFormat } from './format-2';
import { FORMAT_NAME, snapshotMetaFields } from './meta-schema';

export { FORMAT_NAME };

const envelopeSchema = z.object({
  ...snapshotMetaFields,
  version: z.literal(1),
  payload: z.string(),
});
export type Format1Envelope = z.infer<typeof envelopeSchema>;

/** Characters hashed at a time (see sha256Hex). */
export const HASH_CHUNK_CHARS = 8 * 1024 * 1024;

/**
 * The SHA-256 of the text's UTF-8. Hashed in slices: given the whole string, Node first
 * encodes all of it into one more buffer (283 MB for 200,000 transactions) at the moment
 * main's memory peaks on opening. The digest is the same: the UTF-8 of a string is the
 * UTF-8 of its slices end to end, as long as no slice ends inside a surrogate pair.
 */
export function sha256Hex(text: string, chunkChars = HASH_CHUNK_CHARS): string {
  const hash = createHash('sha256');
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + chunkChars);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    hash.update(text.slice(start, end), 'utf8');
    start = end;
  }
  return hash.digest('hex');
}

export function looksGzipped(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

async function gunzipOrExplain(bytes: Uint8Array): Promise<Buffer> {
  try {
    // Bounded: a gzip bomb stops at the size ceiling instead of filling memory.
    return await inflateBounded(bytes, 'gzip', { what: 'the file' });
  } catch (error) {
    if (error instanceof TooLargeError) throw error;
    const { code, message } = error as { code?: string; message?: string };
    if (code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(message ?? '')) {
      throw new LibraryError(
        'TRUNCATED',
        'the file is truncated (the gzip data ends early): the copy or download did not finish',
      );
    }
    throw new LibraryError(
      'CORRUPT',
      `the file is damaged (gzip: ${message ?? code ?? 'invalid data'})`,
    );
  }
}

/**
 * The envelope's JSON. Its own function so that the unzipped bytes and their text (283 MB
 * each for 200,000 transactions) are garbage as soon as it returns, not held by the
 * caller's frame while the payload is parsed.
 */
async function parseEnvelope(bytes: Uint8Array): Promise<unknown> {
  const unzipped = await gunzipOrExplain(bytes);
  try {
    return readJson(unzipped.toString('utf8'), 'the file').value;
  } catch (error) {
    if (error instanceof JsonReadError && error.code === 'TOO_DEEP') {
      throw new LibraryError('TOO_DEEP', error.message);
    }
    throw new LibraryError('NOT_BCSESSION', 'not a .bcsession file (no JSON inside the gzip data)');
  }
}

/** The whole envelope as it was written, unchecked (the review bundle reads its `review`). */
export async function format1Envelope(bytes: Uint8Array): Promise<Record<string, unknown>> {
  const envelope = await parseEnvelope(bytes);
  return (typeof envelope === 'object' && envelope !== null ? envelope : {}) as Record<
    string,
    unknown
  >;
}

/** The envelope of a format-1 file, its checksum verified; throws a LibraryError. */
export async function readFormat1(bytes: Uint8Array): Promise<Format1Envelope> {
  const record = await format1Envelope(bytes);
  if (record['format'] !== FORMAT_NAME) {
    throw new LibraryError(
      'NOT_BCSESSION',
      `not a .bcsession file (format is not "${FORMAT_NAME}")`,
    );
  }
  const version = record['version'];
  if (typeof version === 'number' && Number.isInteger(version) && version > 1) {
    throw newerFormat(version);
  }
  const envelope = parseWith(envelopeSchema, record, 'The .bcsession header');
  if (sha256Hex(envelope.payload) !== envelope.sha256) {
    throw new LibraryError(
      'CHECKSUM_MISMATCH',
      'checksum mismatch: the saved data was corrupted or edited after saving',
    );
  }
  return envelope;
}
