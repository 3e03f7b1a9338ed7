// `bcv export <session-id | FILE> -o report.xlsx [--account ID] [--all-fields] [--sandbox]`:
// the Excel workbook from a terminal. FILE is a .bcsession or API JSON (subscribed_data
// alone, or both responses as `bcv fetch` writes them); a session id is fetched first.
// Any failure prints one line `CODE: message` on stderr and leaves the destination as it was.
import { existsSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { SessionData } from '@shared/api/parse';
import type { SessionStatusResponse } from '@shared/api/schemas';
import { normalizeSession } from '@shared/model/normalize';
import type { ExportMeta } from '../../core/deps';
import { exportWorkbook } from '../../core/export/export-workbook';
import { readSessionInput } from '../../core/library/session-input';
import { CONNECTION_OPTIONS, openConnection, type ConnectionFlags } from '../connection';
import { CONNECTION_HELP, UsageError } from '../usage';
import { retryReporter } from './progress';

export interface FetchedSession {
  readonly subscribedData: SessionData;
  readonly sessionStatus: SessionStatusResponse | null;
  readonly meta: ExportMeta;
}

export type SessionFetcher = (
  sessionId: string,
  options: { readonly flags: ConnectionFlags; readonly signal?: AbortSignal | undefined },
) => Promise<FetchedSession>;

export interface ExportCliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Relative paths are resolved against this (default: the process's). */
  readonly cwd?: string;
  /** Where the connection settings and credentials are read (default: none). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Cancels the export (Ctrl+C); the destination is left as it was. */
  readonly signal?: AbortSignal | undefined;
  /** Fetches a session given by id (default: the API or the sandbox, as `bcv fetch` does). */
  readonly fetchSession?: SessionFetcher;
}

export const EXPORT_USAGE = `Usage:
  bcv export <session-id | FILE> -o FILE.xlsx [--account ID] [--all-fields]
FILE is a .bcsession or a JSON file with a subscribed_data response (optionally with the
session_status response beside it, as bcv fetch writes them); a session id is fetched.
Options:
  -o, --out FILE.xlsx   where to write the workbook (an existing file is replaced only
                        once the new one is complete)
  --account ID          export this account only (default: all accounts)
  --all-fields          add a "Transactions (all fields)" sheet with every API field
${CONNECTION_HELP}`;

class CliError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

const usage = (message: string) => new CliError('USAGE', `${message} (bcv export --help)`, 2);

function firstLine(text: string): string {
  return text.split('\n')[0]!.slice(0, 500);
}

function describe(error: unknown): { code: string; message: string; exitCode: number } {
  if (error instanceof CliError) {
    return { code: error.code, message: error.message, exitCode: error.exitCode };
  }
  if (error instanceof UsageError) {
    return { code: 'USAGE', message: firstLine(error.message), exitCode: 2 };
  }
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,60}$/.test(code) ? code : 'FAILED',
    message: firstLine(message),
    exitCode: 1,
  };
}

/** The default fetcher: the API (credentials from the environment) or the sandbox. */
function connectionFetcher(io: ExportCliIo): SessionFetcher {
  return async (sessionId, { flags, signal }) => {
    const connection = await openConnection(flags, io.env ?? {}, retryReporter(ioForProgress(io)));
    try {
      const sessionStatus = await connection.client.sessionStatus(sessionId, signal);
      const subscribedData = await connection.client.subscribedData(sessionId, signal);
      return {
        subscribedData,
        sessionStatus,
        meta: {
          fetchedAt: new Date().toISOString(),
          source: connection.sandbox ? 'sandbox' : `BankConnect API (${connection.host})`,
          sandbox: connection.sandbox,
        },
      };
    } finally {
      await connection.close();
    }
  };
}

function ioForProgress(io: ExportCliIo) {
  return { ...io, env: io.env ?? {}, cwd: io.cwd ?? process.cwd(), appVersion: '' };
}

function looksLikePath(arg: string): boolean {
  return /[/\\]/.test(arg) || /\.(json|bcsession)$/i.test(arg);
}

/** `bcv fetch` writes when and where it fetched at the top of its file; read just that. */
async function fetchNoteOf(path: string): Promise<{ fetchedAt: string; source: string } | null> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const text = head.subarray(0, bytesRead).toString('utf8');
    const match =
      /^\{\s*"session_id":\s*"[^"\\]*",\s*"fetched_at":\s*"([^"\\]{1,40})",\s*"source":\s*"([^"\\]{0,300})"/.exec(
        text,
      );
    return match ? { fetchedAt: match[1]!, source: match[2]! } : null;
  } finally {
    await handle.close();
  }
}

async function fromFile(path: string): Promise<FetchedSession> {
  const input = await readSessionInput(path);
  const name = basename(path);
  let meta: ExportMeta;
  if (input.meta) {
    const host = input.meta.source.host;
    meta = {
      fetchedAt: input.meta.fetchedAt,
      source: `saved file ${name}${host ? ` (fetched from ${host})` : ''}`,
      sandbox: input.meta.source.sandbox,
    };
  } else {
    const note = await fetchNoteOf(path);
    meta = {
      fetchedAt: note?.fetchedAt ?? '',
      source: `saved file ${name}${note ? ` (fetched from ${note.source})` : ''}`,
      sandbox: note?.source === 'sandbox',
    };
  }
  return { subscribedData: input.subscribedData, sessionStatus: input.sessionStatus, meta };
}

/** Runs `bcv export ...` (argv after "export"); answers the exit code. */
export async function runExportCommand(argv: readonly string[], io: ExportCliIo): Promise<number> {
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args: [...argv],
        allowPositionals: true,
        options: {
          out: { type: 'string', short: 'o' },
          output: { type: 'string' },
          account: { type: 'string' },
          'all-fields': { type: 'boolean' },
          ...CONNECTION_OPTIONS,
          help: { type: 'boolean', short: 'h' },
        },
      });
    } catch (error) {
      throw usage(firstLine((error as Error).message));
    }
    const { values, positionals } = parsed;
    if (values.help) {
      io.stdout(`${EXPORT_USAGE}\n`);
      return 0;
    }
    if (positionals.length !== 1) throw usage('give one session id or file');
    const out = values.out ?? values.output;
    if (!out) throw usage('give the workbook to write with -o FILE.xlsx');
    if (!/\.xlsx$/i.test(out)) throw usage(`${out}: the workbook's name must end in .xlsx`);
    if (values.account === '') throw usage('--account needs an account id');

    const cwd = io.cwd ?? process.cwd();
    const source = positionals[0]!;
    const path = resolve(cwd, source);
    const destination = resolve(cwd, out);
    let session: FetchedSession;
    if (existsSync(path) && statSync(path).isFile()) {
      session = await fromFile(path);
    } else if (looksLikePath(source) || existsSync(path)) {
      throw new CliError('FILE_NOT_FOUND', `${source}: no such file`);
    } else {
      const fetcher = io.fetchSession ?? connectionFetcher(io);
      session = await fetcher(source, { flags: values, signal: io.signal });
    }

    const view = normalizeSession(session.subscribedData, session.sessionStatus);
    const result = await exportWorkbook(view, session.meta, {
      destination,
      accountId: values.account,
      allFields: values['all-fields'] === true,
      signal: io.signal,
    });
    const transactions = view.accounts
      .filter((a) => !values.account || a.accountId === values.account)
      .reduce((n, a) => n + a.transactions.length, 0);
    io.stdout(
      `Wrote ${result.path}: ${result.sheets.length} sheets, ` +
        `${transactions.toLocaleString('en-IN')} transactions\n`,
    );
    return 0;
  } catch (error) {
    const { code, message, exitCode } = describe(error);
    io.stderr(`${code}: ${message}\n`);
    return exitCode;
  }
}
