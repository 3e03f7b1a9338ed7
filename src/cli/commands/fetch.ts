// `bcv fetch <session-id> --out FILE [--wait] [--save] [--finbox-report F.xlsx]`: both
// responses in one JSON file
// (the shape `bcv export` and `bcv library import` read), optionally kept in the library
// too. The file is written atomically: an existing file is replaced whole or not at all.
// The responses go into it as the bytes BankConnect sent, never re-serialised: no second
// copy of a 283 MB body, and the file holds exactly what was received.
import { resolve } from 'node:path';
import { writeFileSafely } from '../../core/io/safe-write';
import { provenanceLabel } from '@shared/session/provenance';
import {
  openSession,
  unreadableAnswerOf,
  type OpenedSession,
} from '../../core/session/open-session';
import type { ReceivedBody } from '../../core/session/received';
import { CONNECTION_OPTIONS, openConnection } from '../connection';
import { parseCommandArgs, UsageError } from '../usage';
import { reportUnreadable } from './unreadable';
import { saveFinboxReports } from './finbox-report';
import { libraryDirOf, saveFetchedToLibrary, type CliIo } from './library';
import { progressReporter, retryReporter } from './progress';

export async function runFetchCommand(
  argv: readonly string[],
  io: CliIo,
  signal: AbortSignal,
): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    ...CONNECTION_OPTIONS,
    out: { type: 'string', short: 'o' },
    wait: { type: 'boolean' },
    save: { type: 'boolean' },
    library: { type: 'string' },
    'finbox-report': { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError('bcv fetch: give exactly one session id');
  if (!values.out && !values.save && !values['finbox-report'])
    throw new UsageError('bcv fetch: --out FILE is required (or --save, or --finbox-report)');
  const sessionId = positionals[0]!;
  const connection = await openConnection(values, io.env, retryReporter(io));
  const out = values.out ? resolve(io.cwd, values.out) : null;
  try {
    let opened;
    try {
      opened = await openSession(connection, sessionId, {
        wait: values.wait === true,
        signal,
        onProgress: progressReporter(io),
      });
    } catch (error) {
      const unreadable = unreadableAnswerOf(error);
      if (!out || !unreadable) throw error;
      // Nothing received is lost: the answer is written as it came, and the run fails.
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
      const { code, message } = error as { code: string; message: string };
      io.stderr(`${code}: ${message}\n`);
      io.stderr(
        `Wrote ${out} with the ${unreadable.endpoint} response as received; it could not be read\n`,
      );
      return 1;
    }
    const { raw, view, dataError } = opened;
    if (dataError) {
      io.stderr(`No data (${dataError.code}: ${dataError.message}); the statuses say why\n`);
    }
    if (out) {
      await writeFileSafely(out, fetchFilePieces(opened));
      const transactions = view.accounts.reduce((n, a) => n + a.transactions.length, 0);
      io.stderr(
        `Wrote ${out} (${view.accounts.length} account(s), ${transactions} transactions)\n`,
      );
      reportUnreadable(io, view);
    }
    if (values.save) {
      const saved = await saveFetchedToLibrary({
        libraryDir: libraryDirOf(io, values.library),
        appVersion: io.appVersion,
        raw,
        fetchedAt: opened.fetchedAt,
        provenance: opened.provenance,
      });
      io.stderr(`Saved to the library: ${saved.file}\n`);
    }
    if (values['finbox-report']) {
      await saveFinboxReports(
        view,
        resolve(io.cwd, values['finbox-report']),
        { fetch: globalThis.fetch, signal },
        io.stderr,
      );
    }
    return 0;
  } finally {
    await connection.close();
  }
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** A body as it can sit inside the file's JSON: as received, less a leading BOM. */
function bodyOf(received: ReceivedBody<unknown> | null): Buffer {
  if (!received) return Buffer.from('null');
  const { bytes } = received;
  return bytes.subarray(0, 3).equals(UTF8_BOM) ? bytes.subarray(3) : bytes;
}

/**
 * The file `bcv export` and `bcv library import` read: when and where it was fetched
 * first (export reads just that head), then both responses under their endpoints' names.
 */
export function fetchFilePieces(opened: OpenedSession): Buffer[] {
  const { raw } = opened;
  const head = JSON.stringify({
    session_id: opened.sessionId,
    fetched_at: opened.fetchedAt,
    source: provenanceLabel(opened.provenance),
    endpoint: raw.endpoint,
  });
  return [
    Buffer.from(`${head.slice(0, -1)},"session_status":`),
    bodyOf(raw.sessionStatus),
    Buffer.from(`,${JSON.stringify(raw.endpoint)}:`),
    bodyOf(raw.data),
    Buffer.from('}\n'),
  ];
}
