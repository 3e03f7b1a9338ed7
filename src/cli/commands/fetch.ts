// `bcv fetch <session-id> --out FILE [--wait] [--save]`: both raw responses in one JSON
// file (the shape `bcv export` and `bcv library import` read), optionally kept in the
// library too. The file is written atomically: an existing file is replaced whole or not
// at all.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import writeFileAtomic from 'write-file-atomic';
import { CONNECTION_OPTIONS, openConnection } from '../connection';
import { normalizeSession } from '@shared/model/normalize';
import { UsageError } from '../usage';
import { reportUnreadable } from './unreadable';
import { libraryDirOf, saveFetchedToLibrary, type CliIo } from './library';
import { pollReporter, retryReporter } from './progress';

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
    const { client } = connection;
    const sessionStatus = values.wait
      ? await client.waitForCompletion(sessionId, { signal, onPoll: pollReporter(io, sessionId) })
      : await client.sessionStatus(sessionId, signal);
    const subscribedData = await client.subscribedData(sessionId, signal);
    const fetchedAt = new Date().toISOString();
    if (values.out) {
      const out = resolve(io.cwd, values.out);
      const document = {
        session_id: sessionId,
        fetched_at: fetchedAt,
        source: connection.host,
        session_status: sessionStatus,
        subscribed_data: subscribedData,
      };
      await writeFileAtomic(out, `${JSON.stringify(document, null, 1)}\n`);
      const view = normalizeSession(subscribedData, sessionStatus);
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
        sessionStatus,
        subscribedData,
        fetchedAt,
        profileName: connection.sandbox ? 'Sandbox' : null,
        host: connection.host,
        sandbox: connection.sandbox,
      });
      io.stderr(`Saved to the library: ${saved.file}\n`);
    }
    return 0;
  } finally {
    await connection.close();
  }
}
