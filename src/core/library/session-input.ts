// A session given as a file to the CLI (`bcv export FILE`, `bcv library import`): a
// .bcsession (verified) or raw API JSON, both responses or subscribed_data alone.
import { basename } from 'node:path';
import { readFileBounded } from '../io/size-ceiling';
import { inFile } from './errors';
import {
  decodeSessionFile,
  FILE_EXTENSION,
  formatOf,
  type SessionPayload,
  type SnapshotMeta,
} from './format';
import { decodeRawJson } from './raw-json';

export { decodeRawJson };

export interface SessionInput extends SessionPayload {
  /** Set for a .bcsession file: when and where it was fetched. */
  readonly meta: SnapshotMeta | null;
}

/** True when the bytes (or the name) say .bcsession rather than raw JSON. */
export function isSessionFile(bytes: Uint8Array, name: string): boolean {
  return formatOf(bytes) !== null || name.toLowerCase().endsWith(FILE_EXTENSION);
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
