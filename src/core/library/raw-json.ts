// A session given as raw API JSON (`bcv library import`, `bcv export FILE`, a format-2
// document body): subscribed_data alone, or both responses as `bcv fetch --out` writes
// them (or as a format-1 payload holds them).
import { JsonReadError, parseJson, readJson, type DuplicateKey } from '@shared/json/read-json';
import { isDataEndpoint } from '@shared/api/endpoints';
import { LibraryError } from './library-errors';
import { validatePayload, type SessionPayload } from './payload';
import { fetchNoteOf, type FetchNote } from './fetch-file';

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
