// A session given as a file to the CLI (`bcv export FILE`, `bcv library import`): a
// .bcsession (verified) or raw API JSON, both responses or subscribed_data alone.
import { basename } from 'node:path';
import { readFileBounded } from '../io/size-ceiling';
import { JsonReadError, readJson, type DuplicateKey } from '@shared/json/read-json';
import { isDataEndpoint } from '@shared/api/endpoints';
import { inFile, LibraryError } from './errors';
import {
  decodeSessionFile,
  FILE_EXTENSION,
  looksGzipped,
  validatePayload,
  type SessionPayload,
  type SnapshotMeta,
} from './format';

export interface SessionInput extends SessionPayload {
  /** Set for a .bcsession file: when and where it was fetched. */
  readonly meta: SnapshotMeta | null;
}

export function decodeRawJson(bytes: Uint8Array): SessionPayload {
  let value: unknown;
  let duplicateKeys: readonly DuplicateKey[];
  try {
    ({ value, duplicates: duplicateKeys } = readJson(Buffer.from(bytes).toString('utf8'), 'it'));
  } catch (error) {
    if (error instanceof JsonReadError && error.code === 'TOO_DEEP') {
      throw new LibraryError('TOO_DEEP', error.message);
    }
    throw new LibraryError('NOT_IMPORTABLE', 'neither a .bcsession file nor JSON');
  }
  return { ...payloadOf(value), duplicateKeys };
}

function payloadOf(value: unknown): SessionPayload {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    // Both responses as `bcv fetch` writes them, under the name of the endpoint that answered.
    for (const key of ['subscribed_data', 'insights'] as const) {
      if (!(key in record)) continue;
      // `bcv fetch` says which endpoint answered; an older file only names its key.
      const said = record['endpoint'];
      const endpoint = isDataEndpoint(said) ? said : key === 'insights' ? key : undefined;
      return validatePayload(record['session_status'] ?? null, record[key], endpoint);
    }
    if ('accounts' in record && 'session_id' in record) return validatePayload(null, record);
  }
  throw new LibraryError(
    'NOT_IMPORTABLE',
    'neither a .bcsession file nor a subscribed_data response (nor both responses as `bcv fetch` writes them)',
  );
}

/** True when the bytes (or the name) say .bcsession rather than raw JSON. */
export function isSessionFile(bytes: Uint8Array, name: string): boolean {
  return looksGzipped(bytes) || name.toLowerCase().endsWith(FILE_EXTENSION);
}

export async function readSessionInput(path: string): Promise<SessionInput> {
  const name = basename(path);
  try {
    const bytes = await readFileBounded(path, { what: 'the file' });
    if (isSessionFile(bytes, name)) {
      const decoded = await decodeSessionFile(bytes);
      return { ...decoded, meta: decoded.meta };
    }
    return { ...decodeRawJson(bytes), meta: null };
  } catch (error) {
    throw inFile(name, error);
  }
}
