// `bcv fetch --out`: the session fetched into the file whose format core/library/fetch-file.ts
// writes and reads (both responses as received, with when and where they were fetched).
//
// When nothing else needs the data's bytes (no --save), they are written to the file's
// temporary name as soon as they arrive and let go before the JSON is read, so the bytes,
// their text and the parsed value are never held at once (283 MB less at the peak); the
// file is put in place only once the answer proves readable, else the file is the answer
// alone, byte for byte as received.
import type { DataEndpoint } from '@shared/api/endpoints';
import { fetchFilePieces } from '../../core/library/fetch-file';
import { stageFileSafely, writeFileSafely, type StagedFile } from '../../core/io/safe-write';
import {
  openSession,
  unreadableAnswerOf,
  type OpenedSession,
  type OpenSessionOptions,
  type SessionConnection,
} from '../../core/session/open-session';

/** The file of a session whose bytes were kept. */
export function fetchFilePiecesOf(opened: OpenedSession): Buffer[] {
  const { raw } = opened;
  return fetchFilePieces(
    { ...opened, endpoint: raw.endpoint },
    raw.sessionStatus?.bytes ?? null,
    raw.data?.bytes ?? null,
  );
}

export type FetchedToFile =
  | { readonly kind: 'written'; readonly opened: OpenedSession }
  /** The data came but could not be read: written as text; `error` says why. */
  | {
      readonly kind: 'unreadable';
      readonly error: Error;
      readonly endpoint: DataEndpoint;
      /** How many bytes the file holds: the answer exactly as received. */
      readonly bytes: number;
    };

/**
 * Fetches the session into `out`, replaced whole or not at all. `keepBytes`: the opened
 * session keeps the data's bytes (to save it to the library too); else they are written
 * as they come and not kept.
 */
export async function fetchToFile(
  connection: SessionConnection,
  sessionId: string,
  out: string,
  options: OpenSessionOptions & { readonly keepBytes: boolean },
): Promise<FetchedToFile> {
  const { keepBytes, ...openOptions } = options;
  // Set by the hand-off, which openSession calls: a holder, not a variable, for that reason.
  const file: { staged: StagedFile | null } = { staged: null };
  const handOffData: OpenSessionOptions['handOffData'] = async (bytes, answer) => {
    // A retried answer replaces an earlier one.
    await file.staged?.discard();
    file.staged = null;
    const head = { sessionId, provenance: connection.provenance, ...answer };
    const pieces = fetchFilePieces(head, answer.sessionStatus.bytes, bytes);
    file.staged = await stageFileSafely(out, pieces);
  };
  try {
    let opened: OpenedSession;
    try {
      opened = await openSession(connection, sessionId, {
        ...openOptions,
        ...(keepBytes ? {} : { handOffData }),
      });
    } catch (error) {
      const unreadable = unreadableAnswerOf(error);
      if (!unreadable) throw error;
      // The evidence of what the server sent: its bytes exactly, never parsed and written
      // again (which would round numbers, drop a key given twice, reorder keys).
      await writeFileSafely(out, unreadable.bytes);
      return {
        kind: 'unreadable',
        error: error as Error,
        endpoint: unreadable.endpoint,
        bytes: unreadable.bytes.length,
      };
    }
    const written = file.staged;
    if (written) {
      file.staged = null;
      await written.commit();
    } else {
      // No data answer was handed off (kept for --save, or statuses without data).
      await writeFileSafely(out, fetchFilePiecesOf(opened));
    }
    return { kind: 'written', opened };
  } finally {
    await file.staged?.discard();
  }
}
