// A team case's decision chain as kept with its local copy (core/team/decision-chain.ts
// reads and keeps it; the workbook's Decisions sheet and the memo's section show it).
import type { TeamRecommendation } from './types';

export interface TeamDecisionStep {
  readonly kind: 'submission' | 'deviation' | 'decision';
  /** Who took the step ('' for a deviation no one has approved yet). */
  readonly by: string;
  /** The role the step is taken in, which the server enforces. */
  readonly role: 'underwriter' | 'approver';
  /** When (an ISO instant); null for a deviation not yet approved. */
  readonly at: string | null;
  /** The recommendation or decision; null for a deviation. */
  readonly outcome: TeamRecommendation | null;
  readonly reason: string;
  readonly subReason: string;
  /** A submission's note; a deviation's figure, value and limit. */
  readonly detail: string;
  /** The submission the step belongs to. */
  readonly submissionId: number;
}

export interface TeamDecisionChain {
  readonly format: 'bankconnect-viewer/team-decisions';
  readonly sessionId: string;
  /** The case's state on the server when the chain was read. */
  readonly state: string;
  /** When it was read from the server (an ISO instant). */
  readonly readAt: string;
  readonly steps: readonly TeamDecisionStep[];
}

export const DECISION_STEP_TEXT: Record<TeamDecisionStep['kind'], string> = {
  submission: 'Recommendation',
  deviation: 'Deviation',
  decision: 'Decision',
};

const OUTCOME_TEXT: Record<TeamRecommendation, string> = {
  approve: 'Approve',
  decline: 'Decline',
  refer: 'Refer',
};

/** A step's recommendation or decision in words; for a deviation, whether it is approved. */
export function decisionOutcomeText(step: TeamDecisionStep): string {
  if (step.outcome) return OUTCOME_TEXT[step.outcome];
  return step.at ? 'Deviation approved' : 'Not approved yet';
}
