// The `.bcsession` file: gzip-compressed JSON, one snapshot of one session.
//
//   { format: 'bankconnect-viewer/session', version: 1, sessionId, savedAt, fetchedAt,
//     appVersion, source: { kind: 'live' | 'imported', profileName, host, sandbox },
//     sha256, payload: "<JSON text of { session_status, subscribed_data }>" }
//
// The payload is kept as a JSON *string* inside the envelope so the checksum covers exactly
// the bytes that are parsed back (the UTF-8 of that string): no canonical serialisation to
// agree on, and any edit to the data, however small, fails the check. The responses are
// stored as the client parsed them (JSON.stringify of the received values: same keys in
// the same order, same values), though the save path is handed the received bytes too. Never a credential: the source names a profile and a host.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { z } from 'zod';
import { dataSessionId, parseSessionData, parseSessionStatus, parseWith } from '@shared/api/parse';
import type { SessionData } from '@shared/api/parse';
import { isDataEndpoint, type DataEndpoint } from '@shared/api/endpoints';
import type { SessionStatusResponse } from '@shared/api/schemas';
import { JsonReadError, readJson, type DuplicateKey } from '@shared/json/read-json';
import { inflateBounded, TooLargeError } from '../io/size-ceiling';
import { LibraryError } from './errors';

export const FORMAT_NAME = 'bankconnect-viewer/session';
export const FORMAT_VERSION = 1;
export const FILE_EXTENSION = '.bcsession';

const gzipAsync = promisify(gzip);

export interface SnapshotSource {
  readonly kind: 'live' | 'imported';
  readonly profileName: string | null;
  readonly host: string | null;
  readonly sandbox: boolean;
}

export interface SnapshotMeta {
  readonly sessionId: string;
  readonly savedAt: string;
  readonly fetchedAt: string;
  readonly appVersion: string;
  readonly source: SnapshotSource;
  readonly sha256: string;
}

export interface SessionPayload {
  readonly sessionStatus: SessionStatusResponse | null;
  readonly subscribedData: SessionData;
  /** Keys the saved JSON gives twice in one object (paths into the file's JSON). */
  readonly duplicateKeys?: readonly DuplicateKey[];
  /** Which endpoint answered with the data (absent in files saved before there were two). */
  readonly endpoint?: DataEndpoint;
}

export interface DecodedSession extends SessionPayload {
  readonly meta: SnapshotMeta;
  /** The payload text the checksum covers (kept so a copy can be re-saved unchanged). */
  readonly payloadText: string;
}

const isoTime = z.string().min(1).max(40);
const headerSchema = z.object({
  format: z.literal(FORMAT_NAME),
  version: z.literal(FORMAT_VERSION),
  sessionId: z.string().min(1).max(500),
  savedAt: isoTime,
  fetchedAt: isoTime,
  appVersion: z.string().max(100),
  source: z.object({
    kind: z.enum(['live', 'imported']),
    profileName: z.string().max(200).nullable(),
    host: z.string().max(300).nullable(),
    sandbox: z.boolean(),
  }),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex'),
  payload: z.string(),
});

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

export function payloadTextOf(payload: SessionPayload): string {
  return JSON.stringify({
    session_status: payload.sessionStatus,
    subscribed_data: payload.subscribedData,
    ...(payload.endpoint ? { data_endpoint: payload.endpoint } : {}),
  });
}

export interface EncodeInput {
  readonly payloadText: string;
  readonly sessionId: string;
  readonly savedAt: string;
  readonly fetchedAt: string;
  readonly appVersion: string;
  readonly source: SnapshotSource;
}

export async function encodeSessionFile(
  input: EncodeInput,
): Promise<{ bytes: Buffer; meta: SnapshotMeta }> {
  const meta: SnapshotMeta = {
    sessionId: input.sessionId,
    savedAt: input.savedAt,
    fetchedAt: input.fetchedAt,
    appVersion: input.appVersion,
    source: input.source,
    sha256: sha256Hex(input.payloadText),
  };
  const envelope = {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    ...meta,
    payload: input.payloadText,
  };
  return { bytes: await gzipAsync(Buffer.from(JSON.stringify(envelope), 'utf8')), meta };
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
function parseEnvelope(unzipped: Buffer): unknown {
  try {
    return readJson(unzipped.toString('utf8'), 'the file').value;
  } catch (error) {
    if (error instanceof JsonReadError && error.code === 'TOO_DEEP') {
      throw new LibraryError('TOO_DEEP', error.message);
    }
    throw new LibraryError('NOT_BCSESSION', 'not a .bcsession file (no JSON inside the gzip data)');
  }
}

/** Reads and verifies a .bcsession file's bytes; throws a LibraryError saying what is wrong. */
export async function decodeSessionFile(bytes: Uint8Array): Promise<DecodedSession> {
  if (!looksGzipped(bytes)) {
    throw new LibraryError('NOT_BCSESSION', 'not a .bcsession file (it is not gzip-compressed)');
  }
  const envelope = parseEnvelope(await gunzipOrExplain(bytes));
  const record = (typeof envelope === 'object' && envelope !== null ? envelope : {}) as Record<
    string,
    unknown
  >;
  if (record['format'] !== FORMAT_NAME) {
    throw new LibraryError(
      'NOT_BCSESSION',
      `not a .bcsession file (format is not "${FORMAT_NAME}")`,
    );
  }
  const version = record['version'];
  if (typeof version === 'number' && Number.isInteger(version) && version > FORMAT_VERSION) {
    throw new LibraryError(
      'NEWER_FORMAT',
      `saved by a newer BankConnect Viewer (format version ${version}; this app reads up to ${FORMAT_VERSION}): update the app to open it`,
    );
  }
  const header = parseWith(headerSchema, envelope, 'The .bcsession header');
  if (sha256Hex(header.payload) !== header.sha256) {
    throw new LibraryError(
      'CHECKSUM_MISMATCH',
      'checksum mismatch: the saved data was corrupted or edited after saving',
    );
  }
  const payload = parsePayloadText(header.payload);
  const { payload: payloadText, format: _f, version: _v, ...meta } = header;
  return { ...payload, meta, payloadText };
}

function parsePayloadText(text: string): SessionPayload {
  let value: unknown;
  let duplicateKeys: readonly DuplicateKey[];
  try {
    ({ value, duplicates: duplicateKeys } = readJson(text, 'the saved data'));
  } catch (error) {
    if (error instanceof JsonReadError && error.code === 'TOO_DEEP') {
      throw new LibraryError('TOO_DEEP', error.message);
    }
    throw new LibraryError('CORRUPT', 'the saved data is not JSON');
  }
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  const endpoint = record['data_endpoint'];
  return {
    ...validatePayload(
      record['session_status'] ?? null,
      record['subscribed_data'],
      isDataEndpoint(endpoint) ? endpoint : undefined,
    ),
    duplicateKeys,
  };
}

/** Both responses checked against the documented shapes (errors name the JSON path). */
export function validatePayload(
  status: unknown,
  data: unknown,
  endpoint?: DataEndpoint,
): SessionPayload {
  if (data === null || data === undefined) {
    throw new LibraryError('NO_DATA', 'there is no subscribed_data response to keep');
  }
  const payload: SessionPayload = {
    sessionStatus: status === null || status === undefined ? null : parseSessionStatus(status),
    subscribedData: parseSessionData(data),
    ...(endpoint ? { endpoint } : {}),
  };
  sessionIdOfPayload(payload);
  return payload;
}

/** The session id of a payload: the data response's, else session_status's. */
export function sessionIdOfPayload(payload: SessionPayload): string {
  const id = dataSessionId(payload.subscribedData) ?? payload.sessionStatus?.session_id;
  if (!id) throw new LibraryError('CORRUPT', 'the data response names no session id');
  return id;
}
