// `bcv status <session-id> [--json]`: each account and statement with its status and the
// message for its error code.
import { formatLocalTime } from '@shared/format/local-time';
import { maskedNumber, plural } from '@shared/format/value';
import { readApiInstant } from '@shared/model/api-instant';
import type { SessionStatusView } from '@shared/model/view-model';
import { openSession } from '../../core/session/open-session';
import { CONNECTION_NOTES, CONNECTION_OPTIONS, openConnection } from '../connection';
import { shown } from '../terminal-safe';
import { parseCommand, UsageError, type CommandSpec } from '../usage';
import type { CliIo } from '../io';
import { retryReporter } from './progress';

/** When the statement was created, in this computer's zone; a time of no known form as given. */
function createdAt(text: string | null): string {
  const instant = readApiInstant(text);
  return instant ? formatLocalTime(instant) : (text ?? '');
}

export function formatStatus(view: SessionStatusView): string {
  const lines = [`Session ${view.sessionId}: ${plural(view.accounts.length, 'account')}`];
  for (const account of view.accounts) {
    const number = account.accountNumber
      ? maskedNumber(account.accountNumber)
      : '(no account number)';
    const problem = account.errorCode ? `  ${account.errorCode}: ${account.message ?? ''}` : '';
    lines.push(`${account.bankName ?? '?'} ${number}  ${account.status ?? 'unknown'}${problem}`);
    for (const s of account.statements) {
      const error = s.errorCode ? `  ${s.errorCode}: ${s.message ?? ''}` : '';
      lines.push(
        `  statement ${s.statementId}  ${s.status ?? 'unknown'}  ${s.source ?? ''}  ${createdAt(s.createdAt)}${error}`.replace(
          / {3,}/g,
          '  ',
        ),
      );
    }
  }
  // Each line holds data from the server: any control character in it is shown escaped.
  return `${lines.map(shown).join('\n')}\n`;
}

export const STATUS_SPEC = {
  name: 'status',
  args: '<session-id>',
  summary:
    'Each account and statement of the session with its status, and the message for an error code.',
  flags: {
    json: { type: 'boolean', help: 'print the raw session_status response as JSON' },
    ...CONNECTION_OPTIONS,
  },
  notes: CONNECTION_NOTES,
} as const satisfies CommandSpec;

export async function runStatusCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommand(argv, STATUS_SPEC);
  if (positionals.length !== 1)
    throw new UsageError('bcv status: give exactly one session id (bcv status --help)');
  const connection = await openConnection(values, io.env, retryReporter(io));
  try {
    const opened = await openSession(connection, positionals[0]!, { statusOnly: true });
    io.stdout(
      values.json
        ? `${JSON.stringify(opened.raw.sessionStatus?.value ?? null, null, 2)}\n`
        : formatStatus(opened.status),
    );
    return 0;
  } finally {
    await connection.close();
  }
}
