// The team's retention policy: a decided case's data purged N days after its decision,
// its decision and the audit trail kept, each purge recorded. What is due and what a purge
// removes are the server's (bcv.purge_due, bcv.purge_case); optionally FinBox is asked to
// delete the session too, and what it answered goes into the purge's audit row.
import type { TeamDb } from './connect';
import { TeamError } from './team-errors';

export async function setRetentionDays(db: TeamDb, days: number): Promise<void> {
  if (!Number.isInteger(days) || days < 0 || days > 36_500) {
    throw new TeamError(
      'TEAM_REFUSED',
      `Retention: expected whole days from 0 to 36500, got ${days}`,
    );
  }
  await db.query(
    `INSERT INTO bcv.settings (key, value) VALUES ('retention_days', $1)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
    [JSON.stringify(days)],
  );
}

export async function retentionDays(db: TeamDb): Promise<number | null> {
  const [row] = await db.query<{ value: number }>(
    "SELECT value FROM bcv.settings WHERE key = 'retention_days'",
  );
  return row ? Number(row.value) : null;
}

export interface DueCase {
  readonly sessionId: string;
  readonly team: string;
  readonly owner: string;
  readonly decidedAt: string;
  readonly snapshots: number;
}

export async function dueForPurge(db: TeamDb): Promise<DueCase[]> {
  const rows = await db.query<{
    session_id: string;
    team: string;
    owner: string;
    decided_at: Date;
    snapshots: number;
  }>('SELECT session_id, team, owner, decided_at, snapshots FROM bcv.purge_due()');
  return rows.map((r) => ({
    sessionId: r.session_id,
    team: r.team,
    owner: r.owner,
    decidedAt: r.decided_at.toISOString(),
    snapshots: r.snapshots,
  }));
}

/** What FinBox said to a request to delete a session (or why it was not asked). */
export type FinBoxDeletion = 'deleted' | 'already deleted' | { readonly failed: string };

export interface PurgeOptions {
  /** Asks FinBox to delete the session as well (before the purge, which records the answer). */
  readonly deleteAtFinBox?: (sessionId: string) => Promise<FinBoxDeletion>;
}

export interface Purged extends DueCase {
  readonly finbox: FinBoxDeletion | null;
}

export async function purgeDue(db: TeamDb, options: PurgeOptions = {}): Promise<Purged[]> {
  const purged: Purged[] = [];
  for (const due of await dueForPurge(db)) {
    const finbox = options.deleteAtFinBox ? await options.deleteAtFinBox(due.sessionId) : null;
    await db.transaction((tx) =>
      tx.query('SELECT bcv.purge_case($1, $2)', [
        due.sessionId,
        JSON.stringify(
          finbox === null
            ? {}
            : { finbox: typeof finbox === 'string' ? finbox : `failed: ${finbox.failed}` },
        ),
      ]),
    );
    purged.push({ ...due, finbox });
  }
  return purged;
}
