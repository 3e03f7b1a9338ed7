// `bcv export <session-id | FILE> -o report.xlsx [--account ID] [--all-fields] [--sandbox]`:
// the Excel workbook from a terminal. FILE is a .bcsession or API JSON (subscribed_data
// alone, or both responses as `bcv fetch` writes them); a session id is fetched first.
// Any failure prints one line `CODE: message` on stderr and leaves the destination as it was.
import { existsSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { SessionStatusResponse, SubscribedDataResponse } from '@shared/api/schemas';
import { normalizeSession } from '@shared/model/normalize';
import type { ExportMeta } from '../../main/app/deps';
import { createClient, startSandbox } from '../../main/app/integrations';
import { exportWorkbook } from '../../main/export/export-workbook';
import { readSessionInput } from '../../main/library/session-input';

export interface FetchedSession {
  readonly subscribedData: SubscribedDataResponse;
  readonly sessionStatus: SessionStatusResponse | null;
  readonly meta: ExportMeta;
}

export type SessionFetcher = (
  sessionId: string,
  options: { readonly sandbox: boolean; readonly signal?: AbortSignal | undefined },
) => Promise<FetchedSession>;

export interface ExportCliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Relative paths are resolved against this (default: the process's). */
  readonly cwd?: string;
  /** Cancels the export (Ctrl+C); the destination is left as it was. */
  readonly signal?: AbortSignal;
  /**
   * Fetches a session given by id. Without it only `--sandbox` ids can be fetched (from the
   * built-in sandbox); live sessions need the CLI's connection settings.
   */
  readonly fetchSession?: SessionFetcher;
}

export const EXPORT_USAGE = `Usage:
  bcv export <session-id | FILE> -o FILE.xlsx [--account ID] [--all-fields] [--sandbox]
FILE is a .bcsession or a JSON file with a subscribed_data response (optionally with the
session_status response beside it, as bcv fetch writes them).
Options:
  -o, --out FILE.xlsx   where to write the workbook (an existing file is replaced only
                        once the new one is complete)
  --account ID          export this account only (default: all accounts)
  --all-fields          add a "Transactions (all fields)" sheet with every API field
  --sandbox             fetch the session id from the built-in sandbox`;

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
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,60}$/.test(code) ? code : 'FAILED',
    message: firstLine(message),
    exitCode: 1,
  };
}

/** The default fetcher: the built-in sandbox, started for this one export. */
const sandboxFetcher: SessionFetcher = async (sessionId, { sandbox, signal }) => {
  if (!sandbox) {
    throw usage(
      `${sessionId} is not a file; to fetch a live session run bcv fetch first, or add --sandbox for a demo session`,
    );
  }
  const credentials = { apiKey: 'bcv-export-sandbox', serverHash: 'bcv-export-sandbox' };
  const server = await startSandbox(credentials);
  try {
    const client = createClient(
      { baseUrl: server.url, apiVersion: 'v1', ...credentials },
      globalThis.fetch,
    );
    const sessionStatus = await client.sessionStatus(sessionId, signal);
    const subscribedData = await client.subscribedData(sessionId, signal);
    return {
      subscribedData,
      sessionStatus,
      meta: {
        fetchedAt: new Date().toISOString(),
        source: `sandbox (${server.url})`,
        sandbox: true,
      },
    };
  } finally {
    await server.close();
  }
};

function looksLikePath(arg: string): boolean {
  return /[/\\]/.test(arg) || /\.(json|bcsession)$/i.test(arg);
}

async function fromFile(path: string): Promise<FetchedSession> {
  const input = await readSessionInput(path);
  const meta: ExportMeta = input.meta
    ? {
        fetchedAt: input.meta.fetchedAt,
        source:
          `saved file ${basename(path)}` +
          (input.meta.source.host ? ` (fetched from ${input.meta.source.host})` : ''),
        sandbox: input.meta.source.sandbox,
      }
    : { fetchedAt: '', source: `saved file ${basename(path)}`, sandbox: false };
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
          sandbox: { type: 'boolean' },
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
      const fetcher = io.fetchSession ?? sandboxFetcher;
      session = await fetcher(source, { sandbox: values.sandbox === true, signal: io.signal });
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
