// The file `bcv fetch --out` writes (the shape `bcv export` and `bcv library import` read):
// when and where it was fetched first (export reads just that head), then both responses
// under their endpoints' names, as the bytes BankConnect sent, never re-serialised.
//
// When nothing else needs the data's bytes (no --save), they are written to the file's
// temporary name as soon as they arrive and let go before the JSON is read, so the bytes,
// their text and the parsed value are never held at once (283 MB less at the peak); the
// file is put in place only once the answer proves readable, else the answer is written as
// text beside the statuses and the file says it could not be read.
import { provenanceLabel, type Provenance } from '@shared/session/provenance';
import type { DataEndpoint } from '@shared/api/endpoints';
import { stageFileSafely, writeFileSafely, type StagedFile } from '../../core/io/safe-write';
import {
  openSession,
  unreadableAnswerOf,
  type OpenedSession,
  type OpenSessionOptions,
  type SessionConnection,
} from '../../core/session/open-session';

export interface FetchFileHead {
  readonly sessionId: string;
  readonly fetchedAt: string;
  readonly provenance: Provenance;
  readonly endpoint: DataEndpoint;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** A body as it can sit inside the file's JSON: as received, less a leading BOM. */
function bodyOf(bytes: Buffer | null): Buffer {
  if (!bytes) return Buffer.from('null');
  return bytes.subarray(0, 3).equals(UTF8_BOM) ? bytes.subarray(3) : bytes;
}

export function fetchFilePieces(
  head: FetchFileHead,
  sessionStatus: Buffer | null,
  data: Buffer | null,
): Buffer[] {
  const json = JSON.stringify({
    session_id: head.sessionId,
    fetched_at: head.fetchedAt,
    source: provenanceLabel(head.provenance),
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
  | { readonly kind: 'unreadable'; readonly error: Error; readonly endpoint: DataEndpoint };

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
      // Nothing received is lost: the answer is written as it came, as text if not JSON.
      const text = unreadable.bytes.toString('utf8');
      let data: unknown = text;
      try {
        data = JSON.parse(text);
      } catch {
        // Not JSON at all: kept as the text received.
      }
      const document = {
        session_id: sessionId,
        fetched_at: new Date().toISOString(),
        source: provenanceLabel(connection.provenance),
        endpoint: unreadable.endpoint,
        session_status: unreadable.sessionStatus.value,
        [unreadable.endpoint]: data,
      };
      await writeFileSafely(out, `${JSON.stringify(document, null, 1)}\n`);
      return { kind: 'unreadable', error: error as Error, endpoint: unreadable.endpoint };
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
