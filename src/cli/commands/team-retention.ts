// `bcv team retention set --days N` and `bcv team purge [--dry-run]`: the team's retention
// policy (an admin's), applied to decided cases.
import type { TeamConnection } from '../../core/team/connect';
import { dueForPurge, purgeDue, retentionDays, setRetentionDays } from '../../core/team/retention';
import { formatLocalTime } from '@shared/format/local-time';
import type { CliIo } from '../io';
import { shown } from '../terminal-safe';
import { UsageError } from '../usage';

export const RETENTION_FLAGS = {
  days: { type: 'string', arg: 'N', help: "days after a case's decision its data is kept" },
  'dry-run': { type: 'boolean', help: 'list what would be purged; purge nothing' },
} as const;

export const RETENTION_SUBCOMMANDS = [
  {
    name: 'retention',
    args: 'set | show',
    summary: "the team's retention policy (an admin sets it)",
    flags: ['days', 'team'],
  },
  {
    name: 'purge',
    args: '',
    summary:
      "purge decided cases' data past the retention policy (an admin); decisions and the audit trail stay",
    flags: ['dry-run', 'team'],
  },
] as const;

export async function retentionCommand(
  db: TeamConnection,
  io: CliIo,
  action: 'retention' | 'purge',
  rest: readonly string[],
  values: { readonly days?: string | undefined; readonly 'dry-run'?: boolean | undefined },
): Promise<number> {
  if (action === 'retention') {
    if (rest[0] === 'set') {
      if (!values.days || !/^\d+$/.test(values.days))
        throw new UsageError('retention set: give --days N');
      await setRetentionDays(db, Number(values.days));
      io.stdout(`A decided case's data is purged ${Number(values.days)} days after its decision\n`);
      return 0;
    }
    if (rest[0] !== 'show') throw new UsageError('retention: give set --days N, or show');
    const days = await retentionDays(db);
    io.stdout(
      days === null
        ? 'No retention policy: nothing is purged\n'
        : `Decided cases' data is kept ${days} days after the decision\n`,
    );
    return 0;
  }
  if (rest.length > 0) throw new UsageError(`purge: unexpected "${rest[0]}"`);
  if (values['dry-run']) {
    const due = await dueForPurge(db);
    io.stdout(`${due.length} case${due.length === 1 ? '' : 's'} would be purged\n`);
    for (const d of due) {
      io.stdout(
        `${shown(d.sessionId)}  ${shown(d.owner)}, team ${shown(d.team)}  decided ${formatLocalTime(d.decidedAt)}  ${d.snapshots} snapshot${d.snapshots === 1 ? '' : 's'}\n`,
      );
    }
    return 0;
  }
  const purged = await purgeDue(db);
  io.stdout(
    `Purged ${purged.length} case${purged.length === 1 ? '' : 's'} (their decisions and audit trail kept)\n`,
  );
  for (const p of purged)
    io.stdout(`${shown(p.sessionId)}  ${p.snapshots} snapshot${p.snapshots === 1 ? '' : 's'}\n`);
  return 0;
}
