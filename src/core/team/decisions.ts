// Maker-checker on a team case: an underwriter's recommendation with a reason from the
// team's list (the case is then locked for them), deviations from the team's policy that an
// approver must approve first, and an approver's decision. The rules are the server's (see
// migrations.ts, MAKER_CHECKER); these are the statements that ask for each step.
import type { TeamDb } from './connect';
import { TeamError } from './team-errors';
import {
  TEAM_RECOMMENDATIONS,
  type TeamDeviation,
  type TeamRecommendation,
} from '@shared/team/types';

export type Recommendation = TeamRecommendation;

export function parseRecommendation(text: string | undefined): Recommendation | null {
  return (TEAM_RECOMMENDATIONS as readonly string[]).includes(text ?? '')
    ? (text as Recommendation)
    : null;
}

export interface Reason {
  readonly team: string;
  readonly recommendation: Recommendation;
  readonly reason: string;
  readonly subReason: string;
}

export async function addReason(db: TeamDb, reason: Reason): Promise<void> {
  await db.query(
    `INSERT INTO bcv.reasons (team, recommendation, reason, sub_reason) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING`,
    [reason.team, reason.recommendation, reason.reason, reason.subReason],
  );
}

export async function listReasons(db: TeamDb, team: string): Promise<Reason[]> {
  const rows = await db.query<{
    recommendation: Recommendation;
    reason: string;
    sub_reason: string;
  }>(
    `SELECT recommendation, reason, sub_reason FROM bcv.reasons WHERE team = $1
     ORDER BY recommendation, reason, sub_reason`,
    [team],
  );
  return rows.map((r) => ({
    team,
    recommendation: r.recommendation,
    reason: r.reason,
    subReason: r.sub_reason,
  }));
}

export interface PolicyLimit {
  readonly team: string;
  /** A figure's name as a submission gives it, e.g. foir_pct. */
  readonly rule: string;
  readonly maxValue: string;
  readonly label: string;
}

export async function setPolicyLimit(db: TeamDb, limit: PolicyLimit): Promise<void> {
  await db.query(
    `INSERT INTO bcv.policy_limits (team, rule, max_value, label) VALUES ($1, $2, $3, $4)
     ON CONFLICT (team, rule) DO UPDATE SET max_value = EXCLUDED.max_value, label = EXCLUDED.label`,
    [limit.team, limit.rule, limit.maxValue, limit.label],
  );
}

/** A team's policy limits (what a submission's figures are checked against). */
export async function listPolicyLimits(db: TeamDb, team: string): Promise<PolicyLimit[]> {
  const rows = await db.query<{ rule: string; max_value: string; label: string }>(
    'SELECT rule, max_value::text, label FROM bcv.policy_limits WHERE team = $1 ORDER BY rule',
    [team],
  );
  return rows.map((r) => ({ team, rule: r.rule, maxValue: r.max_value, label: r.label }));
}

export interface SubmissionInput {
  readonly recommendation: Recommendation;
  readonly reason: string;
  readonly subReason: string;
  readonly note: string;
  /** The figures the team's policy limits are checked against, by rule. */
  readonly figures: Readonly<Record<string, number>>;
}

export type Deviation = TeamDeviation;

interface DeviationRow {
  id: string;
  rule: string;
  label: string;
  value: string;
  max_value: string;
  raised_by: string;
  approved_by: string | null;
  approval_reason: string | null;
}

const deviationOf = (r: DeviationRow): Deviation => ({
  id: Number(r.id),
  rule: r.rule,
  label: r.label,
  value: r.value,
  maxValue: r.max_value,
  raisedBy: r.raised_by,
  approvedBy: r.approved_by,
  approvalReason: r.approval_reason,
});

/** Submits the recommendation; answers its id and the deviations the server raised. */
export async function submit(
  db: TeamDb,
  sessionId: string,
  input: SubmissionInput,
): Promise<{ submissionId: number; deviations: Deviation[] }> {
  return db.transaction(async (tx) => {
    const [teamRow] = await tx.query<{ team: string; state: string }>(
      'SELECT team, state FROM bcv.cases WHERE session_id = $1',
      [sessionId],
    );
    if (!teamRow) {
      throw new TeamError(
        'TEAM_NOT_FOUND',
        `The team library has no case ${sessionId} that you may read`,
      );
    }
    const reasons = await tx.query(
      `SELECT 1 FROM bcv.reasons WHERE team = $1 AND recommendation = $2 AND reason = $3 AND sub_reason = $4`,
      [teamRow.team, input.recommendation, input.reason, input.subReason],
    );
    if (reasons.length === 0) {
      const listed = (await listReasons(tx, teamRow.team)).filter(
        (r) => r.recommendation === input.recommendation,
      );
      throw new TeamError(
        'TEAM_REFUSED',
        `"${input.reason}${input.subReason ? ` / ${input.subReason}` : ''}" is not one of team ${teamRow.team}'s reasons to ${input.recommendation}` +
          (listed.length > 0
            ? ` (${listed.map((r) => (r.subReason ? `${r.reason} / ${r.subReason}` : r.reason)).join('; ')})`
            : ' (it has none yet: an admin adds them)'),
      );
    }
    // The id comes first: the new row is the submitter's to insert, and the server's own
    // trigger raises the deviations.
    const [{ id }] = (await tx.query<{ id: string }>(
      "SELECT nextval('bcv.submissions_id_seq')::text AS id",
    )) as [{ id: string }];
    await tx
      .query(
        `INSERT INTO bcv.submissions (id, session_id, team, recommendation, reason, sub_reason, note, figures)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          id,
          sessionId,
          teamRow.team,
          input.recommendation,
          input.reason,
          input.subReason,
          input.note,
          JSON.stringify(input.figures),
        ],
      )
      .catch((error: unknown) => {
        if (
          error instanceof TeamError &&
          /row-level security/.test(error.message) &&
          teamRow.state !== 'open'
        ) {
          throw new TeamError(
            'TEAM_REFUSED',
            `Case ${sessionId} is ${teamRow.state}: it is locked for a new submission (${error.message})`,
          );
        }
        throw error;
      });
    const deviations = await tx.query<DeviationRow>(
      `SELECT id::text, rule, label, value::text, max_value::text, raised_by, approved_by, approval_reason
       FROM bcv.deviations WHERE submission_id = $1 ORDER BY id`,
      [id],
    );
    return { submissionId: Number(id), deviations: deviations.map(deviationOf) };
  });
}

export async function approveDeviation(db: TeamDb, id: number, reason: string): Promise<Deviation> {
  const changed = await db.execute(
    'UPDATE bcv.deviations SET approved_by = current_user, approval_reason = $2, approved_at = now() WHERE id = $1 AND approved_by IS NULL',
    [id, reason],
  );
  const [row] = await db.query<DeviationRow>(
    `SELECT id::text, rule, label, value::text, max_value::text, raised_by, approved_by, approval_reason
     FROM bcv.deviations WHERE id = $1`,
    [id],
  );
  if (!row) throw new TeamError('TEAM_NOT_FOUND', `No deviation ${id} that you may read`);
  if (changed === 0) {
    throw new TeamError(
      'TEAM_REFUSED',
      row.approved_by
        ? `Deviation ${id} was approved already, by ${row.approved_by}`
        : `Deviation ${id} is not one you may approve (its team is not one you approve for)`,
    );
  }
  return deviationOf(row);
}

export interface CaseDecisionState {
  readonly state: string;
  readonly submission: {
    readonly id: number;
    readonly by: string;
    readonly recommendation: Recommendation;
    readonly reason: string;
    readonly subReason: string;
    readonly note: string;
    readonly at: string;
  } | null;
  readonly deviations: readonly Deviation[];
  readonly decision: {
    readonly by: string;
    readonly decision: Recommendation;
    readonly reason: string;
    readonly at: string;
  } | null;
}

/** A submission as read back: the columns, and their row. */
export const SUBMISSION_COLUMNS =
  'id::text, submitted_by, recommendation, reason, sub_reason, note, submitted_at';
export interface SubmissionRow {
  readonly id: string;
  readonly submitted_by: string;
  readonly recommendation: Recommendation;
  readonly reason: string;
  readonly sub_reason: string;
  readonly note: string;
  readonly submitted_at: Date;
}

/** Where a case is in maker-checker: its latest submission, deviations and decision. */
export async function decisionState(db: TeamDb, sessionId: string): Promise<CaseDecisionState> {
  const [c] = await db.query<{ state: string }>(
    'SELECT state FROM bcv.cases WHERE session_id = $1',
    [sessionId],
  );
  if (!c)
    throw new TeamError(
      'TEAM_NOT_FOUND',
      `The team library has no case ${sessionId} that you may read`,
    );
  const [s] = await db.query<SubmissionRow>(
    `SELECT ${SUBMISSION_COLUMNS} FROM bcv.submissions WHERE session_id = $1
     ORDER BY id DESC LIMIT 1`,
    [sessionId],
  );
  const deviations = s
    ? await db.query<DeviationRow>(
        `SELECT id::text, rule, label, value::text, max_value::text, raised_by, approved_by, approval_reason
         FROM bcv.deviations WHERE submission_id = $1 ORDER BY id`,
        [s.id],
      )
    : [];
  const [d] = await db.query<{
    decided_by: string;
    decision: Recommendation;
    reason: string;
    decided_at: Date;
  }>('SELECT decided_by, decision, reason, decided_at FROM bcv.decisions WHERE session_id = $1', [
    sessionId,
  ]);
  return {
    state: c.state,
    submission: s
      ? {
          id: Number(s.id),
          by: s.submitted_by,
          recommendation: s.recommendation,
          reason: s.reason,
          subReason: s.sub_reason,
          note: s.note,
          at: s.submitted_at.toISOString(),
        }
      : null,
    deviations: deviations.map(deviationOf),
    decision: d
      ? { by: d.decided_by, decision: d.decision, reason: d.reason, at: d.decided_at.toISOString() }
      : null,
  };
}

/** The approver's decision on the case's latest submission. */
export async function decide(
  db: TeamDb,
  sessionId: string,
  decision: Recommendation,
  reason: string,
): Promise<void> {
  const state = await decisionState(db, sessionId);
  if (!state.submission) {
    throw new TeamError('TEAM_REFUSED', `Case ${sessionId} has no submission to decide on`);
  }
  await db.query(
    `INSERT INTO bcv.decisions (session_id, submission_id, submitted_by, decision, reason)
     VALUES ($1, $2, $3, $4, $5)`,
    [sessionId, state.submission.id, state.submission.by, decision, reason],
  );
}

export async function assignCase(db: TeamDb, sessionId: string, login: string): Promise<void> {
  await db.query('SELECT bcv.assign_case($1, $2)', [sessionId, login]);
}
