// The export audit rows a library holds for the team's audit trail (queued while the server
// was out of reach): sent first by every `bcv team` command, as its login, before the
// command's own work (a failure there never fails the command); `bcv team queue` lists
// them with why each is still there, and `bcv team queue set-aside ID --reason TEXT` moves
// one the server refuses out of the send queue into the library's kept folder.
import { formatLocalTime } from '@shared/format/local-time';
import type { TeamQueuedRow } from '@shared/team/types';
import { messageLine } from '../../core/core-error';
import { queuedRowCount, sendQueuedRows, type QueueOutcome } from '../../core/team/audit-queue';
import { listQueuedRows, mayBeSetAside, setAsideRow } from '../../core/team/audit-queue-held';
import type { TeamConnection } from '../../core/team/connect';
import { requireCurrentSchema } from '../../core/team/schema';
import type { CliIo } from '../io';
import { shown } from '../terminal-safe';
import { UsageError } from '../usage';
import { auditRows } from './team-export';

export const QUEUE_SUBCOMMANDS = [
  {
    name: 'queue',
    args: '[set-aside ID]',
    summary:
      'the export audit rows this library holds and why; set-aside keeps one the server refuses out of the queue',
    flags: ['reason', 'json'],
  },
] as const;

/**
 * Sends this login's queued export audit rows (none asked for when the queue is empty);
 * says one line on stderr when some were sent and one when some are held. Never throws:
 * the command it runs before goes on whatever became of the queue.
 */
export async function sendQueueFirst(
  db: TeamConnection,
  io: CliIo,
  libraryDir: string,
): Promise<QueueOutcome | null> {
  try {
    if ((await queuedRowCount(libraryDir)) === 0) return null;
    try {
      await requireCurrentSchema(db);
    } catch (error) {
      // Never written into a schema this bcv does not know (the command says so itself, if
      // it needs the schema); said here only when this login has rows waiting.
      const mine = (await listQueuedRows(libraryDir)).some((r) => r.login === db.login);
      if (mine)
        io.stderr(
          `The export audit rows queued in this library were not sent: ${shown(messageLine(error))}\n`,
        );
      return null;
    }
    const outcome = await sendQueuedRows(db, libraryDir);
    if (outcome.sent > 0) {
      io.stderr(`${auditRows(outcome.sent)} queued without the server sent to the audit trail\n`);
    }
    if (outcome.failed.length > 0) {
      io.stderr(
        `${auditRows(outcome.failed.length)} held in the queue, refused by the team server or unreadable: \`bcv team queue\` lists them and why\n`,
      );
    }
    return outcome;
  } catch (error) {
    io.stderr(
      `The export audit rows queued in this library were not sent: ${shown(messageLine(error))}\n`,
    );
    return null;
  }
}

const exported = (r: TeamQueuedRow): string =>
  `${r.kind ?? '?'} ${shown(r.file ?? '?')} of ${shown(r.sessionId ?? '?')}, exported ${r.exportedAt ? formatLocalTime(r.exportedAt) : '?'} by ${shown(r.login ?? '?')} (${r.program ?? '?'})`;

function why(r: TeamQueuedRow, me: string): string {
  const s = r.state;
  switch (s.kind) {
    case 'refused':
      return `refused by the team server at ${formatLocalTime(s.at)}: ${shown(s.message.replace(/^Refused by the team server: /, ''))}`;
    case 'unreadable':
      return `${shown(s.message)} (damaged)`;
    case 'out-of-reach':
      return `waiting: the team server was out of reach at ${formatLocalTime(s.at)} (${shown(s.message)}); sent at the next connection${r.login !== me ? ` as ${shown(r.login ?? '?')}` : ''}`;
    case 'not-tried':
      return `waiting: not tried yet; sent at the next connection as ${shown(r.login ?? '?')}`;
  }
}

export async function queueCommand(
  io: CliIo,
  libraryDir: string,
  login: string,
  rest: readonly string[],
  values: { readonly reason?: string | undefined; readonly json?: boolean | undefined },
): Promise<number> {
  const [what, id, extra] = rest;
  if (what === undefined || what === 'list') {
    if (id !== undefined) throw new UsageError(`queue: unexpected "${id}"`);
    if (values.reason !== undefined) throw new UsageError('--reason goes with `queue set-aside`');
    const rows = await listQueuedRows(libraryDir);
    if (values.json) {
      io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
      return 0;
    }
    io.stdout(
      rows.length === 0
        ? 'No export audit rows are queued in this library\n'
        : `${auditRows(rows.length)} queued in this library\n`,
    );
    for (const r of rows) {
      io.stdout(`${shown(r.id)}  ${exported(r)}\n    ${why(r, login)}\n`);
      if (mayBeSetAside(r) && (r.login === null || r.login === login)) {
        io.stdout(`    set it aside: bcv team queue set-aside ${shown(r.id)} --reason TEXT\n`);
      }
    }
    return 0;
  }
  if (what !== 'set-aside') {
    throw new UsageError(`queue: give nothing (the list) or \`set-aside ID --reason TEXT\``);
  }
  if (!id)
    throw new UsageError('queue set-aside: give the id of the row (bcv team queue lists them)');
  if (extra !== undefined) throw new UsageError(`queue set-aside: unexpected "${extra}"`);
  if (values.reason === undefined || values.reason.trim() === '') {
    throw new UsageError(
      'queue set-aside: give --reason TEXT, why the row is set aside (it is kept with it)',
    );
  }
  const kept = await setAsideRow(libraryDir, { id, login, reason: values.reason });
  io.stdout(
    `Set aside the export audit row ${shown(kept.id)}: it is no longer sent; kept with your reason in ${shown(kept.keptFile)}\n`,
  );
  return 0;
}
