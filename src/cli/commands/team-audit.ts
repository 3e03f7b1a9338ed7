// `bcv team audit verify` and `bcv team audit --case ID`: the team's audit trail.
import { caseHistory, verifyChain } from '../../core/team/audit';
import type { TeamConnection } from '../../core/team/connect';
import { formatLocalTime } from '@shared/format/local-time';
import type { CliIo } from '../io';
import { shown } from '../terminal-safe';
import { UsageError } from '../usage';

export async function auditCommand(
  db: TeamConnection,
  io: CliIo,
  rest: readonly string[],
  caseId: string | undefined,
): Promise<number> {
  if (rest[0] === 'verify' && rest.length === 1 && caseId === undefined) {
    const verdict = await verifyChain(db);
    if (verdict.broken) {
      io.stdout(
        `The audit trail does not verify: row ${verdict.broken.seq} does not follow (${verdict.broken.why})\n`,
      );
      return 1;
    }
    io.stdout(
      `The audit trail verifies: ${verdict.rows} rows, each holding the hash of the one before\n`,
    );
    return 0;
  }
  if (rest.length === 0 && caseId !== undefined) {
    const rows = await caseHistory(db, caseId);
    io.stdout(`${rows.length} audit rows for ${shown(caseId)}\n`);
    for (const r of rows) {
      io.stdout(
        `${String(r.seq).padStart(6)}  ${formatLocalTime(r.at)}  ${shown(r.actor).padEnd(12)}  ${r.action.padEnd(10)}  ${shown(r.detail)}\n`,
      );
    }
    return 0;
  }
  throw new UsageError('audit: give `verify` or `--case ID`');
}
