// The `.bcsession` file: one snapshot of one session. New files are format 2 (format-2.ts:
// a small header, then each response's bytes as received, zstd-compressed, checksummed;
// the review in a trailing section); format 1 (format-1.ts: a gzip JSON envelope) is still
// read, and rewritten as format 2 only when asked (`bcv library upgrade`). Both read to the
// same DecodedSession. Never a credential: the source names a profile and a host.
import { createHash } from 'node:crypto';
import type { DataEndpoint } from '@shared/api/endpoints';
import { parseJson, readJson, type JsonRead } from '@shared/json/read-json';
import { releaseBytes } from '../io/release-bytes';
import type { DuplicateKey } from '@shared/json/read-json';
import type { RawResponses } from '../session/received';
import { LibraryError } from './library-errors';
import { FORMAT_NAME, looksGzipped, readFormat1, sha256Hex } from './format-1';
import {
  compressBody,
  encodeFormat2,
  INFLATED_SPARE_BYTES,
  inflateBody,
  looksFormat2,
  readFormat2Layout,
  withRecord,
  type BodyName,
  type Format2Layout,
  type Section,
  type StoredBody,
} from './format-2';
import { validatePayload, type SessionPayload } from './payload';
import { decodeRawJsonText } from './fetch-file';

export { FORMAT_NAME, looksGzipped, sha256Hex };
export { sessionIdOfPayload, validatePayload, type SessionPayload } from './payload';
export type { Section, StoredBody } from './format-2';

export const FILE_EXTENSION = '.bcsession';

export interface SnapshotSource {
  readonly kind: 'live' | 'imported';
  readonly profileName: string | null;
  readonly host: string | null;
  readonly sandbox: boolean;
}

export interface UpgradedFrom {
  readonly version: 1;
  /** The format-1 checksum: the SHA-256 of the document body's bytes. */
  readonly sha256: string;
  readonly upgradedAt: string;
  readonly appVersion: string;
}

export interface SnapshotMeta {
  readonly sessionId: string;
  readonly savedAt: string;
  readonly fetchedAt: string;
  readonly appVersion: string;
  readonly source: SnapshotSource;
  /** The file's checksum (format 2: of the data block; format 1: of the payload text). */
  readonly sha256: string;
  readonly upgradedFrom?: UpgradedFrom;
}

export interface DecodedSession extends SessionPayload {
  readonly meta: SnapshotMeta;
  /** The format the file is in. */
  readonly version: 1 | 2;
  /**
   * The data as format 2 stores it, for a copy, an import or an upgrade to write unchanged:
   * a format-2 file's bodies as they are, a format-1 file's payload text as one document.
   */
  readonly storedBodies: () => Promise<readonly StoredBody[]>;
  /** Format 2's trailing sections (outside the checksum); none for format 1. */
  readonly sections: readonly Section[];
}

/** The bodies a live fetch is saved as: each response's bytes exactly as received. */
export async function bodiesOfReceived(raw: RawResponses): Promise<StoredBody[]> {
  if (!raw.data) throw new LibraryError('NO_DATA', 'there is no subscribed_data response to keep');
  const dataBytes = raw.data.bytes;
  const statusBytes = raw.sessionStatus?.bytes;
  if (!dataBytes || statusBytes === null) {
    throw new LibraryError('NO_DATA', 'the responses as received were not kept: fetch it again');
  }
  const status = statusBytes ? [await compressBody('session_status', statusBytes)] : [];
  // What the client found reading these bytes goes with them (format-2.ts).
  return [...status, await compressBody('data', dataBytes, raw.data.duplicateKeys)];
}

/** A JSON file as given (raw API JSON, a format-1 payload), kept byte for byte. */
export async function bodiesOfDocument(
  bytes: Uint8Array,
  duplicateKeys?: readonly DuplicateKey[],
): Promise<StoredBody[]> {
  return [await compressBody('document', bytes, duplicateKeys)];
}

export interface EncodeInput {
  readonly sessionId: string;
  readonly savedAt: string;
  readonly fetchedAt: string;
  readonly appVersion: string;
  readonly source: SnapshotSource;
  readonly endpoint: DataEndpoint | null;
  readonly bodies: readonly StoredBody[];
  readonly upgradedFrom?: UpgradedFrom;
  readonly sections?: readonly Section[];
}

/** A format-2 file. */
export function encodeSessionFile(input: EncodeInput): { bytes: Buffer; meta: SnapshotMeta } {
  const { bodies, sections, ...rest } = input;
  const { bytes, sha256 } = encodeFormat2(rest, bodies, sections);
  const { endpoint: _e, ...meta } = rest;
  return { bytes, meta: { ...meta, sha256 } };
}

export interface DecodeOptions {
  /**
   * Believe what the header records of reading each body (the library's own files, which
   * this app wrote): the bodies are then only parsed. Else every body is read in full.
   */
  readonly recorded?: boolean;
}

/** Reads and verifies a .bcsession file's bytes; throws a LibraryError saying what is wrong. */
export async function decodeSessionFile(
  bytes: Uint8Array,
  options: DecodeOptions = {},
): Promise<DecodedSession> {
  if (looksFormat2(bytes)) return decodeFormat2(bytes, readFormat2Layout(bytes), options);
  if (!looksGzipped(bytes)) {
    throw new LibraryError(
      'NOT_BCSESSION',
      'not a .bcsession file (it is neither format 2 nor gzip-compressed)',
    );
  }
  const envelope = await readFormat1(bytes);
  const { payload: text, format: _f, version: _v, ...meta } = envelope;
  const payload = readDocument(text);
  const storedBodies = () => {
    const document = Buffer.from(text, 'utf8');
    // Recorded only when the bytes read back to the very text that was read.
    const same = document.toString('utf8') === text;
    return bodiesOfDocument(document, same ? (payload.duplicateKeys ?? []) : undefined);
  };
  return { ...payload, meta, version: 1, storedBodies, sections: [] };
}

/** A file read as format 2 (its layout already checked). */
export async function decodeFormat2(
  bytes: Uint8Array,
  layout: Format2Layout,
  options: DecodeOptions = {},
): Promise<DecodedSession> {
  const { header, bodies, sections } = layout;
  const { bodies: _b, format: _f, version: _v, endpoint, ...meta } = header;
  const payload = await payloadOfBodies(bodies, endpoint, options.recorded === true);
  // The file's own bytes (a copy is the data block exactly as it was checksummed), with
  // what this reading found: a record from elsewhere is never passed on as this app's.
  const found = payload.duplicateKeys ?? [];
  const checked = bodies.map((b) => withRecord(b, b.name === 'session_status' ? undefined : found));
  return {
    ...payload,
    meta,
    version: 2,
    storedBodies: () => Promise.resolve(checked),
    sections,
  };
}

async function payloadOfBodies(
  bodies: readonly StoredBody[],
  endpoint: DataEndpoint | null,
  recorded: boolean,
): Promise<SessionPayload> {
  const byName = new Map<BodyName, StoredBody>(bodies.map((b) => [b.name, b]));
  const document = byName.get('document');
  if (document) return readDocument(await textOf(document), recordOf(document, recorded));
  const status = byName.get('session_status');
  const statusValue = status ? readBody(await textOf(status), 'session_status').value : null;
  // A key given twice is reported at every open: found again, or as recorded when read.
  const data = byName.get('data')!;
  const read = readBody(await textOf(data), 'data', recordOf(data, recorded));
  return {
    ...validatePayload(statusValue, read.value, endpoint ?? undefined),
    duplicateKeys: read.duplicates,
  };
}

function recordOf(body: StoredBody, recorded: boolean): readonly DuplicateKey[] | undefined {
  return recorded ? body.duplicateKeys : undefined;
}

/** A body's text; the unpacked bytes are freed at once, not beside the parse. */
async function textOf(body: StoredBody): Promise<string> {
  const bytes = await inflateBody(body);
  const text = bytes.toString('utf8');
  releaseBytes(bytes, INFLATED_SPARE_BYTES);
  return text;
}

/** The body's JSON; only parsed when what reading it finds is already known. */
function readBody(text: string, name: BodyName, known?: readonly DuplicateKey[]): JsonRead {
  const what = `the saved ${name} response`;
  try {
    return known ? { value: parseJson(text, what), duplicates: known } : readJson(text, what);
  } catch (error) {
    throw new LibraryError(
      (error as { code?: string }).code === 'TOO_DEEP' ? 'TOO_DEEP' : 'CORRUPT',
      (error as Error).message,
    );
  }
}

/** A whole document (raw JSON, a format-1 payload): refused as damage, not as "not importable". */
function readDocument(text: string, known?: readonly DuplicateKey[]): SessionPayload {
  try {
    return decodeRawJsonText(text, known);
  } catch (error) {
    if (error instanceof LibraryError && error.code === 'NOT_IMPORTABLE') {
      throw new LibraryError('CORRUPT', 'the saved data is not a session in JSON');
    }
    throw error;
  }
}

/**
 * The same snapshot as format 2, its meta kept and the format-1 checksum recorded (it is
 * the SHA-256 of the document body, so anyone can check the body is what format 1 held).
 * A format-2 file comes back as it is.
 */
export async function asFormat2(
  bytes: Uint8Array,
  decoded: DecodedSession,
  upgrade: { readonly at: string; readonly appVersion: string },
): Promise<{ bytes: Buffer; meta: SnapshotMeta }> {
  if (decoded.version === 2) {
    return { bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), meta: decoded.meta };
  }
  const { meta } = decoded;
  const bodies = await decoded.storedBodies();
  const { bytes: out, meta: written } = encodeSessionFile({
    sessionId: meta.sessionId,
    savedAt: meta.savedAt,
    fetchedAt: meta.fetchedAt,
    appVersion: meta.appVersion,
    source: meta.source,
    endpoint: decoded.endpoint ?? null,
    bodies,
    upgradedFrom: {
      version: 1,
      sha256: meta.sha256,
      upgradedAt: upgrade.at,
      appVersion: upgrade.appVersion,
    },
  });
  // Proven before it is handed out: the new file reads back to the same data.
  const again = await decodeSessionFile(out);
  const raw = await inflateBody((await again.storedBodies())[0]!);
  if (sha256OfBytes(raw) !== meta.sha256) {
    throw new LibraryError('WRITE_FAILED', 'the upgraded file does not hold the same data');
  }
  return { bytes: out, meta: written };
}

/** The SHA-256 of bytes, as hex. */
export function sha256OfBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The format a file is in, from its first bytes (null: neither). */
export function formatOf(bytes: Uint8Array): 1 | 2 | null {
  return looksFormat2(bytes) ? 2 : looksGzipped(bytes) ? 1 : null;
}
