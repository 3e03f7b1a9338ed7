// A team case's decision chain, kept with its local copy: every submission, each deviation it
// raised and who approved it, and the decision, as the team server holds them. Read when the
// case is opened or synced and written beside it (`team-decisions.json` in the session's
// folder), so the workbook and the memo carry it offline too.
import { join } from 'node:path';
import { z } from 'zod';
import { realFs, writeFileAtomic } from '../io/safe-write';
import { readRegularText } from '../io/regular-file';
import { folderNameOf } from '../library/ids';
import type { TeamDb } from './connect';
import { SUBMISSION_COLUMNS, type SubmissionRow } from './decisions';
import { TEAM_RECOMMENDATIONS } from '@shared/team/types';
import type { TeamDecisionChain, TeamDecisionStep } from '@shared/team/decision-chain';

export const DECISIONS_FILE = 'team-decisions.json';

/**
 * One step of the chain. `role` is the role the step is taken in, which the server enforces
 * (only an underwriter submits; only an approver approves a deviation or decides).
 */
const stepSchema = z.object({
  kind: z.enum(['submission', 'deviation', 'decision']),
  by: z.string(),
  role: z.enum(['underwriter', 'approver']),
  /** When (an ISO instant); null for a deviation not yet approved. */
  at: z.string().nullable(),
  /** A recommendation or decision (approve, decline, refer); for a deviation, null. */
  outcome: z.enum(TEAM_RECOMMENDATIONS).nullable(),
  reason: z.string(),
  subReason: z.string(),
  /** A submission's note; a deviation's rule, value and limit. */
  detail: z.string(),
  /** The submission this step belongs to. */
  submissionId: z.number().int(),
});

const chainSchema = z.object({
  format: z.literal('bankconnect-viewer/team-decisions'),
  sessionId: z.string().min(1),
  /** The case's state on the server when the chain was read. */
  state: z.string(),
  /** When it was read from the server. */
  readAt: z.string(),
  steps: z.array(stepSchema),
});

export type DecisionStep = TeamDecisionStep;
export type DecisionChain = TeamDecisionChain;
/** The schema as the shared shape (a change to one and not the other fails to compile). */
const chainFile: z.ZodType<TeamDecisionChain> = chainSchema;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The case's whole chain as the server holds it, oldest first. */
export async function readDecisionChain(
  db: TeamDb,
  sessionId: string,
  readAt: Date = new Date(),
): Promise<DecisionChain> {
  const [c] = await db.query<{ state: string }>(
    'SELECT state FROM bcv.cases WHERE session_id = $1',
    [sessionId],
  );
  const submissions = await db.query<SubmissionRow>(
    `SELECT ${SUBMISSION_COLUMNS} FROM bcv.submissions WHERE session_id = $1 ORDER BY id`,
    [sessionId],
  );
  const deviations = await db.query<{
    submission_id: string;
    label: string;
    value: string;
    max_value: string;
    approved_by: string | null;
    approval_reason: string | null;
    approved_at: Date | null;
  }>(
    `SELECT submission_id::text, label, value::text, max_value::text, approved_by, approval_reason, approved_at
     FROM bcv.deviations WHERE session_id = $1 ORDER BY id`,
    [sessionId],
  );
  const decisions = await db.query<{
    submission_id: string;
    decided_by: string;
    decision: DecisionStep['outcome'];
    reason: string;
    decided_at: Date;
  }>(
    'SELECT submission_id::text, decided_by, decision, reason, decided_at FROM bcv.decisions WHERE session_id = $1',
    [sessionId],
  );
  const steps: DecisionStep[] = [];
  for (const s of submissions) {
    const submissionId = Number(s.id);
    steps.push({
      kind: 'submission',
      by: s.submitted_by,
      role: 'underwriter',
      at: iso(s.submitted_at),
      outcome: s.recommendation,
      reason: s.reason,
      subReason: s.sub_reason,
      detail: s.note,
      submissionId,
    });
    for (const d of deviations.filter((x) => x.submission_id === s.id)) {
      steps.push({
        kind: 'deviation',
        by: d.approved_by ?? '',
        role: 'approver',
        at: iso(d.approved_at),
        outcome: null,
        reason: d.approval_reason ?? '',
        subReason: '',
        detail: `${d.label} ${d.value}, over the limit ${d.max_value}`,
        submissionId,
      });
    }
    for (const d of decisions.filter((x) => x.submission_id === s.id)) {
      steps.push({
        kind: 'decision',
        by: d.decided_by,
        role: 'approver',
        at: iso(d.decided_at),
        outcome: d.decision,
        reason: d.reason,
        subReason: '',
        detail: '',
        submissionId,
      });
    }
  }
  return {
    format: 'bankconnect-viewer/team-decisions',
    sessionId,
    state: c?.state ?? 'unknown',
    readAt: readAt.toISOString(),
    steps,
  };
}

export async function writeLocalDecisionChain(
  libraryDir: string,
  chain: DecisionChain,
): Promise<void> {
  const folder = join(libraryDir, folderNameOf(chain.sessionId));
  await writeFileAtomic(
    realFs,
    folder,
    DECISIONS_FILE,
    Buffer.from(JSON.stringify(chain, null, 1)),
  );
}

/** The chain kept with a local team case (null: none kept, or it does not read). */
export async function localDecisionChain(
  libraryDir: string,
  sessionId: string,
): Promise<DecisionChain | null> {
  try {
    const text = await readRegularText(join(libraryDir, folderNameOf(sessionId), DECISIONS_FILE));
    const parsed = chainFile.safeParse(JSON.parse(text));
    return parsed.success && parsed.data.sessionId === sessionId ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Reads the case's chain from the server and keeps it with the local copy. */
export async function keepDecisionChain(
  db: TeamDb,
  libraryDir: string,
  sessionId: string,
): Promise<DecisionChain> {
  const chain = await readDecisionChain(db, sessionId);
  await writeLocalDecisionChain(libraryDir, chain);
  return chain;
}
