// `bcv fetch <session-id> --out FILE [--wait] [--save]`: both responses in one JSON file
// (the shape `bcv export` and `bcv library import` read), optionally kept in the library
// too. The file is written atomically: an existing file is replaced whole or not at all.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeFileSafely } from '../../core/io/safe-write';
import { provenanceLabel } from '@shared/session/provenance';
import { openSession } from '../../core/session/open-session';
import { CONNECTION_OPTIONS, openConnection } from '../connection';
import { UsageError } from '../usage';
import { reportUnreadable } from './unreadable';
import { libraryDirOf, saveFetchedToLibrary, type CliIo } from './library';
import { progressReporter, retryReporter } from './progress';

export async function runFetchCommand(
  argv: readonly string[],
  io: CliIo,
  signal: AbortSignal,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      ...CONNECTION_OPTIONS,
      out: { type: 'string', short: 'o' },
      wait: { type: 'boolean' },
      save: { type: 'boolean' },
      library: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('bcv fetch: give exactly one session id');
  if (!values.out && !values.save)
    throw new UsageError('bcv fetch: --out FILE is required (or --save)');
  const sessionId = positionals[0]!;
  const connection = await openConnection(values, io.env, retryReporter(io));
  try {
    const opened = await openSession(connection, sessionId, {
      wait: values.wait === true,
      signal,
      onProgress: progressReporter(io),
    });
    const { raw, view, dataError } = opened;
    if (dataError) {
      io.stderr(`No data (${dataError.code}: ${dataError.message}); the statuses say why\n`);
    }
    if (values.out) {
      const out = resolve(io.cwd, values.out);
      const document = {
        session_id: sessionId,
        fetched_at: opened.fetchedAt,
        source: provenanceLabel(opened.provenance),
        session_status: raw.sessionStatus?.value ?? null,
        subscribed_data: raw.data?.value ?? null,
      };
      await writeFileSafely(out, `${JSON.stringify(document, null, 1)}\n`);
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
    return 0;
  } finally {
    await connection.close();
  }
}
