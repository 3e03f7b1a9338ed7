// The file `bcv fetch --out` writes, written and read in this one place (`bcv fetch`
// writes it; `bcv library import`, `bcv export` and the app's import read it): when and
// where the session was fetched first, then both responses under their endpoints' names,
// as the bytes BankConnect sent, never re-serialised.
//
//   {"session_id":"…","fetched_at":"2026-…Z","source":"Sandbox",
//    "fetched_from":{"profile_name":null,"host":"127.0.0.1:1234","sandbox":true},
//    "endpoint":"subscribed_data","session_status":{…},"subscribed_data":{…}}
//
// `source` is the provenance as a person reads it; `fetched_from` the same, field by field
// (files written before it are read from `source`).
//
// Read here too: API JSON from elsewhere (`bcv library import`, `bcv export FILE`, a
// format-2 document body), subscribed_data alone or both responses as a format-1 payload
// holds them.
import { isDataEndpoint, type DataEndpoint } from '@shared/api/endpoints';
import { JsonReadError, parseJson, readJson, type DuplicateKey } from '@shared/json/read-json';
import { provenanceLabel, type Provenance } from '@shared/session/provenance';
import { LibraryError } from './library-errors';
import { validatePayload, type SessionPayload } from './payload';

export interface FetchFileHead {
  readonly sessionId: string;
  readonly fetchedAt: string;
  readonly provenance: Provenance;
  readonly endpoint: DataEndpoint;
}

/** When and where a `bcv fetch` file says it was fetched (a claim: imported as one). */
export interface FetchNote {
  readonly fetchedAt: string;
  readonly source: Provenance;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** A body as it can sit inside the file's JSON: as received, less a leading BOM. */
function bodyOf(bytes: Buffer | null): Buffer {
  if (!bytes) return Buffer.from('null');
  return bytes.subarray(0, 3).equals(UTF8_BOM) ? bytes.subarray(3) : bytes;
}

/** The file, as pieces to write in turn (the data's bytes are not copied into one buffer). */
export function fetchFilePieces(
  head: FetchFileHead,
  sessionStatus: Buffer | null,
  data: Buffer | null,
): Buffer[] {
  const { profileName, host, sandbox } = head.provenance;
  const json = JSON.stringify({
    session_id: head.sessionId,
    fetched_at: head.fetchedAt,
    source: provenanceLabel(head.provenance),
    fetched_from: { profile_name: profileName, host, sandbox },
    endpoint: head.endpoint,
  });
  return [
    Buffer.from(`${json.slice(0, -1)},"session_status":`),
    bodyOf(sessionStatus),
    Buffer.from(`,${JSON.stringify(head.endpoint)}:`),
    bodyOf(data),
    Buffer.from('}\n'),
  ];
}

const MAX_TIME = 40;
const MAX_NAME = 200;
const MAX_HOST = 300;

function text(value: unknown, max: number): string | null {
  return typeof value === 'string' && value.length > 0 && value.length <= max ? value : null;
}

/** `fetched_from`, or else the `source` label older files carry ("Sandbox", "Name (host)"). */
function provenanceOf(record: Record<string, unknown>): Provenance | null {
  const from = record['fetched_from'];
  if (typeof from === 'object' && from !== null && !Array.isArray(from)) {
    const f = from as Record<string, unknown>;
    if (typeof f['sandbox'] === 'boolean') {
      return {
        profileName: text(f['profile_name'], MAX_NAME),
        host: text(f['host'], MAX_HOST),
        sandbox: f['sandbox'],
      };
    }
  }
  const label = text(record['source'], MAX_NAME + MAX_HOST + 3);
  if (label === null) return null;
  if (/^sandbox$/i.test(label)) return { profileName: null, host: null, sandbox: true };
  const named = /^(.+) \(([^()\s]+)\)$/.exec(label);
  if (named && named[1]!.length <= MAX_NAME) {
    return { profileName: named[1]!, host: named[2]!, sandbox: false };
  }
  return label.length <= MAX_NAME ? { profileName: label, host: null, sandbox: false } : null;
}

/**
 * The note of a `bcv fetch` file (its parsed top object), or null when the file does not
 * say when it was fetched (subscribed_data alone, another tool's file).
 */
export function fetchNoteOf(record: Record<string, unknown>): FetchNote | null {
  const fetchedAt = text(record['fetched_at'], MAX_TIME);
  if (fetchedAt === null || Number.isNaN(Date.parse(fetchedAt))) return null;
  const source = provenanceOf(record) ?? { profileName: null, host: null, sandbox: false };
  return { fetchedAt: new Date(Date.parse(fetchedAt)).toISOString(), source };
}

export interface RawJsonPayload extends SessionPayload {
  /** When and where a `bcv fetch` file says it was fetched; null for other JSON. */
  readonly fetched: FetchNote | null;
}

export function decodeRawJson(bytes: Uint8Array): RawJsonPayload {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  return decodeRawJsonText(view.toString('utf8'));
}

/** `known`: what reading this very text found before (a saved body's record): only parsed. */
export function decodeRawJsonText(text: string, known?: readonly DuplicateKey[]): RawJsonPayload {
  let value: unknown;
  let duplicateKeys: readonly DuplicateKey[];
  try {
    ({ value, duplicates: duplicateKeys } = known
      ? { value: parseJson(text, 'it'), duplicates: known }
      : readJson(text, 'it'));
  } catch (error) {
    if (error instanceof JsonReadError && error.code === 'TOO_DEEP') {
      throw new LibraryError('TOO_DEEP', error.message);
    }
    throw new LibraryError('NOT_IMPORTABLE', 'neither a .bcsession file nor JSON');
  }
  return { ...payloadOf(value), duplicateKeys };
}

function payloadOf(value: unknown): RawJsonPayload {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    // Both responses as `bcv fetch` writes them, under the name of the endpoint that answered.
    for (const key of ['subscribed_data', 'insights'] as const) {
      if (!(key in record)) continue;
      // `bcv fetch` says which endpoint answered (a format-1 payload as data_endpoint); an
      // older file only names its key.
      const said = record['endpoint'] ?? record['data_endpoint'];
      const endpoint = isDataEndpoint(said) ? said : key === 'insights' ? key : undefined;
      return {
        ...validatePayload(record['session_status'] ?? null, record[key], endpoint),
        fetched: fetchNoteOf(record),
      };
    }
    if ('accounts' in record && 'session_id' in record)
      return { ...validatePayload(null, record), fetched: null };
  }
  throw new LibraryError(
    'NOT_IMPORTABLE',
    'neither a .bcsession file nor a subscribed_data response (nor both responses as `bcv fetch` writes them)',
  );
}
