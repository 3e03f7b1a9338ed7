// `bcv export <session-id | FILE> -o report.xlsx [--account ID] [--all-fields] [--sandbox]`:
// the Excel workbook from a terminal. FILE is a .bcsession or API JSON (subscribed_data
// alone, or both responses as `bcv fetch` writes them); a session id is fetched first.
// Any failure prints one line `CODE: message` on stderr and leaves the destination as it was.
import { existsSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { provenanceLabel, savedFileLabel } from '@shared/session/provenance';
import { formatCount } from '@shared/format/value';
import type { ExportMeta } from '../../core/deps';
import { exportWorkbook } from '../../core/export/export-workbook';
import { writeSessionWorkbook, type WorkbookSession } from '../../core/export/session-workbook';
import { readSessionInput } from '../../core/library/session-input';
import { openSession } from '../../core/session/open-session';
import { viewOfPayload } from '@shared/model/normalize';
import { unreadableLine } from './unreadable';
import {
  CONNECTION_NOTES,
  CONNECTION_OPTIONS,
  openConnection,
  type ConnectionFlags,
  type OpenConnection,
} from '../connection';
import { CoreError } from '../../core/core-error';
import { failureOf } from '../exit';
import { HelpRequested, parseCommand, UsageError, type CommandSpec } from '../usage';
import { chooseAccount } from '../account';
import { exportReporter, retryReporter } from './progress';
import { POLICY_OPTION, policyOption } from '../policy-option';
import { libraryDirOf } from './library';
import { recordTeamExport, TEAM_EXPORT_FLAG } from './team-export';

export interface ExportCliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** The status line for progress (see CliIo). */
  readonly status?: ((text: string) => void) | undefined;
  /** Relative paths are resolved against this (default: the process's). */
  readonly cwd?: string;
  /** Where the connection settings and credentials are read (default: none). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Cancels the export (Ctrl+C); the destination is left as it was. */
  readonly signal?: AbortSignal | undefined;
  /** The app's version (named in the team server's connection list). */
  readonly appVersion?: string;
  /** Connects for a session given by id (default: the API or the sandbox, as `bcv fetch` does). */
  readonly connect?: (flags: ConnectionFlags) => Promise<OpenConnection>;
}

export const EXPORT_SPEC = {
  name: 'export',
  args: '<session-id | FILE>',
  summary:
    'The credit-memo Excel workbook of a session. FILE is a .bcsession or the JSON bcv fetch writes (a subscribed_data response alone works too); a session id is fetched first.',
  flags: {
    out: {
      type: 'string',
      short: 'o',
      arg: 'FILE.xlsx',
      help: 'the workbook to write (an existing file is replaced only once the new one is complete)',
    },
    account: {
      type: 'string',
      arg: 'ACCOUNT',
      help: 'export one account: its id, or the last digits of its number',
    },
    'all-fields': {
      type: 'boolean',
      help: 'add a "Transactions (all fields)" sheet with every field the API sent',
    },
    unmasked: {
      type: 'boolean',
      help: 'account numbers in full (default: masked to the last four digits)',
    },
    ...POLICY_OPTION,
    ...TEAM_EXPORT_FLAG,
    ...CONNECTION_OPTIONS,
  },
  notes: CONNECTION_NOTES,
} as const satisfies CommandSpec;

const usage = (message: string) => new UsageError(`${message} (bcv export --help)`);

/** A session given by id, opened as `bcv fetch` opens it (a failed session: its statuses). */
async function fromApi(
  sessionId: string,
  flags: ConnectionFlags,
  io: ExportCliIo,
): Promise<WorkbookSession> {
  const connection = await (
    io.connect ?? ((f) => openConnection(f, io.env ?? {}, retryReporter(io)))
  )(flags);
  try {
    const opened = await openSession(connection, sessionId, { signal: io.signal });
    return {
      view: opened.view,
      meta: {
        fetchedAt: opened.fetchedAt,
        source: provenanceLabel(opened.provenance),
        sandbox: opened.provenance.sandbox,
      },
      review: null,
    };
  } finally {
    await connection.close();
  }
}

function looksLikePath(arg: string): boolean {
  return /[/\\]/.test(arg) || /\.(json|bcsession)$/i.test(arg);
}

async function fromFile(path: string): Promise<WorkbookSession> {
  const input = await readSessionInput(path);
  const name = basename(path);
  let meta: ExportMeta;
  if (input.meta) {
    meta = {
      fetchedAt: input.meta.fetchedAt,
      source: savedFileLabel(name, input.meta.source),
      sandbox: input.meta.source.sandbox,
    };
  } else {
    // A `bcv fetch` file says when and where it was fetched; other JSON does not.
    const note = input.fetched;
    meta = {
      fetchedAt: note?.fetchedAt ?? '',
      source: savedFileLabel(name, note?.source ?? null),
      sandbox: note?.source.sandbox ?? false,
    };
  }
  return { view: viewOfPayload(input, 'file'), meta, review: input.review };
}

/** Runs `bcv export ...` (argv after "export"); answers the exit code. */
export async function runExportCommand(argv: readonly string[], io: ExportCliIo): Promise<number> {
  try {
    const { values, positionals } = parseCommand(argv, EXPORT_SPEC);
    if (positionals.length !== 1) throw usage('give one session id or file');
    const out = values.out;
    if (!out) throw usage('give the workbook to write with -o FILE.xlsx');
    if (!/\.xlsx$/i.test(out)) throw usage(`${out}: the workbook's name must end in .xlsx`);
    if (values.account === '') throw usage('--account needs an account id');

    const cwd = io.cwd ?? process.cwd();
    // A bad policy file stops the export before anything is fetched or written.
    const policy = await policyOption(values.policy, cwd);
    const source = positionals[0]!;
    const path = resolve(cwd, source);
    const destination = resolve(cwd, out);
    let session: WorkbookSession;
    if (existsSync(path) && statSync(path).isDirectory()) {
      throw new CoreError('IS_A_FOLDER', `${source}: is a folder, not a file`);
    } else if (existsSync(path)) {
      // Whatever it is: the reader refuses a FIFO, a device or a socket by name.
      session = await fromFile(path);
    } else if (looksLikePath(source) || existsSync(path)) {
      throw new CoreError('FILE_NOT_FOUND', `${source}: no such file`);
    } else {
      session = await fromApi(source, values, io);
    }

    const { view } = session;
    const accountId =
      values.account === undefined
        ? undefined
        : chooseAccount(
            view.accounts.map((a) => a.details),
            values.account,
          );
    const line = unreadableLine(view);
    if (line) io.stderr(line);
    const result = await writeSessionWorkbook(exportWorkbook, session, {
      destination,
      accountId,
      allFields: values['all-fields'] === true,
      unmasked: values.unmasked === true,
      signal: io.signal,
      onProgress: exportReporter(io),
      policy,
    });
    const reviewEntries = session.review?.events.length ?? 0;
    const transactions = view.accounts
      .filter((a) => !accountId || a.accountId === accountId)
      .reduce((n, a) => n + a.transactions.length, 0);
    io.stdout(
      `Wrote ${result.path}: ${result.sheets.length} sheets, ` +
        `${formatCount(transactions)} transactions` +
        (reviewEntries > 0
          ? `, with the review the file carries (${formatCount(reviewEntries)} entries)`
          : '') +
        `; policy: ${policy.name}\n`,
    );
    // A team case (marked so in the library) exported with a team configured: audited.
    const teamLine = await recordTeamExport(
      { ...io, env: io.env ?? {}, cwd, appVersion: io.appVersion ?? 'unknown' },
      values.team,
      libraryDirOf({ env: io.env ?? {}, cwd }, undefined),
      view.sessionId,
      { kind: 'workbook', file: basename(result.path), snapshotId: null },
    );
    if (teamLine) io.stdout(teamLine);
    return 0;
  } catch (error) {
    if (error instanceof HelpRequested) throw error;
    const { code, message, exitCode } = failureOf(error);
    io.stderr(`${code}: ${message}\n`);
    return exitCode;
  }
}
