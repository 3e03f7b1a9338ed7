// The team's audit trail: reading a case's history, reporting what only the app sees
// (opening, searching, exporting, logging in), and verifying the hash chain, recomputed here
// from each row's fields apart from the server (see bcv.audit_text in migrations.ts).
import { createHash } from 'node:crypto';
import type { TeamDb } from './connect';
import { AUDIT_GENESIS, type ReportedAction } from './migrations';

export interface AuditRow {
  readonly seq: number;
  /** UTC, to the microsecond, as the hash covers it. */
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly sessionId: string | null;
  /** The detail as the server renders its JSON (the text the hash covers). */
  readonly detail: string;
  readonly prevHash: string;
  readonly hash: string;
}

interface Row {
  seq: string;
  at: string;
  actor: string;
  action: string;
  session_id: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

const SELECT = `SELECT seq::text, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at,
  actor, action, session_id, detail::text AS detail, prev_hash, hash FROM bcv.audit a`;
// (ordered by a.seq, the number: `seq` alone would be the text column selected above)

const rowOf = (r: Row): AuditRow => ({
  seq: Number(r.seq),
  at: r.at,
  actor: r.actor,
  action: r.action,
  sessionId: r.session_id,
  detail: r.detail,
  prevHash: r.prev_hash,
  hash: r.hash,
});

export async function reportAction(
  db: TeamDb,
  action: ReportedAction,
  sessionId: string | null,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await db.query('SELECT bcv.audit_report($1, $2, $3)', [
    action,
    sessionId,
    JSON.stringify(detail),
  ]);
}

export async function caseHistory(db: TeamDb, sessionId: string): Promise<AuditRow[]> {
  const rows = await db.query<Row>(`${SELECT} WHERE a.session_id = $1 ORDER BY a.seq`, [sessionId]);
  return rows.map(rowOf);
}

/** The SHA-256 a row should hold: its fields one a line, then the previous row's hash. */
export function expectedHash(row: Omit<AuditRow, 'hash'>): string {
  const text = [
    row.seq,
    row.at,
    row.actor,
    row.action,
    row.sessionId ?? '',
    row.detail,
    row.prevHash,
  ].join('\n');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export interface ChainVerdict {
  readonly rows: number;
  /** The first row that does not follow, and why; null when the whole chain holds. */
  readonly broken: { readonly seq: number; readonly why: string } | null;
}

const PAGE = 5000;

export async function verifyChain(db: TeamDb): Promise<ChainVerdict> {
  let previous: AuditRow | null = null;
  let count = 0;
  for (;;) {
    const after: number = previous === null ? 0 : previous.seq;
    const page: AuditRow[] = (
      await db.query<Row>(`${SELECT} WHERE a.seq > $1 ORDER BY a.seq LIMIT ${PAGE}`, [after])
    ).map(rowOf);
    for (const row of page) {
      count++;
      const expectedSeq = (previous?.seq ?? 0) + 1;
      if (row.seq !== expectedSeq) {
        return {
          rows: count,
          broken: { seq: row.seq, why: `row ${expectedSeq} before it is missing` },
        };
      }
      const expectedPrev = previous?.hash ?? AUDIT_GENESIS;
      if (row.prevHash !== expectedPrev) {
        return {
          rows: count,
          broken: { seq: row.seq, why: `it does not hold the hash of row ${expectedSeq - 1}` },
        };
      }
      if (expectedHash(row) !== row.hash) {
        return {
          rows: count,
          broken: { seq: row.seq, why: 'its content does not match its hash' },
        };
      }
      previous = row;
    }
    if (page.length < PAGE) return { rows: count, broken: null };
  }
}
