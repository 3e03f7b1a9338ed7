// `bcv fetch <session-id> --out FILE [--wait] [--save] [--finbox-report F.xlsx]`: both
// responses in one JSON file (fetch-file.ts), optionally kept in the library too. The file
// is written atomically: an existing file is replaced whole or not at all.
import { resolve } from 'node:path';
import { formatCount } from '@shared/format/value';
import { openSession } from '../../core/session/open-session';
import { fetchToFile } from './fetch-file';
import { CONNECTION_NOTES, CONNECTION_OPTIONS, openConnection } from '../connection';
import { parseCommand, UsageError, type CommandSpec } from '../usage';
import { reportUnreadable } from './unreadable';
import { keptReportLine, saveFinboxReports } from './finbox-report';
import { keepFinboxReports } from '../../core/library/kept-reports';
import { openLibrary, saveFetchedToLibrary } from './library';
import type { CliIo } from '../io';
import { progressReporter, retryReporter } from './progress';

export const FETCH_SPEC = {
  name: 'fetch',
  args: '<session-id>',
  summary:
    'Fetches the session: writes session_status and the data response, each exactly as received, to one JSON file (--out), keeps it in the library (--save), or both.',
  flags: {
    out: { type: 'string', short: 'o', arg: 'FILE', help: 'the JSON file to write' },
    save: { type: 'boolean', help: 'keep the session in the library' },
    wait: { type: 'boolean', help: 'wait while BankConnect is still processing the session' },
    library: { type: 'string', arg: 'DIR', help: 'the library folder for --save (BCV_LIBRARY)' },
    'finbox-report': {
      type: 'string',
      arg: 'FILE.xlsx',
      help: "save FinBox's own report too (Insights endpoint)",
    },
    ...CONNECTION_OPTIONS,
  },
  notes: CONNECTION_NOTES,
} as const satisfies CommandSpec;

export async function runFetchCommand(
  argv: readonly string[],
  io: CliIo,
  signal: AbortSignal,
): Promise<number> {
  const { values, positionals } = parseCommand(argv, FETCH_SPEC);
  if (positionals.length !== 1)
    throw new UsageError('bcv fetch: give exactly one session id (bcv fetch --help)');
  if (!values.out && !values.save && !values['finbox-report'])
    throw new UsageError('bcv fetch: give --out FILE, --save or both (bcv fetch --help)');
  const sessionId = positionals[0]!;
  const connection = await openConnection(values, io.env, retryReporter(io));
  const out = values.out ? resolve(io.cwd, values.out) : null;
  try {
    const options = { wait: values.wait === true, signal, onProgress: progressReporter(io) };
    let opened;
    if (out) {
      // Without --save the data's bytes are needed only in the file: written as they come.
      const fetched = await fetchToFile(connection, sessionId, out, {
        ...options,
        keepBytes: values.save === true,
      });
      if (fetched.kind === 'unreadable') {
        const { code, message } = fetched.error as Error & { code: string };
        io.stderr(`${code}: ${message}\n`);
        io.stderr(
          `Wrote ${out}: the ${fetched.endpoint} answer byte for byte as received (${formatCount(fetched.bytes)} bytes); it could not be read\n`,
        );
        return 1;
      }
      opened = fetched.opened;
    } else {
      opened = await openSession(connection, sessionId, options);
    }
    const { raw, view, dataError } = opened;
    if (dataError) {
      io.stderr(`No data (${dataError.code}: ${dataError.message}); the statuses say why\n`);
    }
    if (out) {
      const transactions = view.accounts.reduce((n, a) => n + a.transactions.length, 0);
      io.stderr(
        `Wrote ${out} (${view.accounts.length} account(s), ${transactions} transactions)\n`,
      );
      reportUnreadable(io, view);
    }
    if (values.save) {
      const { library, close } = openLibrary(io, values.library, 'save');
      try {
        const saved = await saveFetchedToLibrary(library, {
          raw,
          fetchedAt: opened.fetchedAt,
          provenance: opened.provenance,
        });
        io.stderr(`Saved to the library: ${saved.file}\n`);
        // FinBox's links last an hour: its report is kept with the snapshot now.
        const reports = await keepFinboxReports(
          {
            libraryDir: library.dir,
            sessionId: saved.record.sessionId,
            snapshotId: saved.record.snapshotId,
            fetch: globalThis.fetch,
            signal,
          },
          view,
        );
        if (reports.failure) io.stderr(`${reports.failure}\n`);
        for (const r of reports.kept) io.stderr(`${keptReportLine(r)}\n`);
      } finally {
        await close();
      }
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
