// The team's policy limits (bcv.policy_limits, by rule name) that the app's own figures
// answer: a submission from the app sends the session's figure as the Summary shows it under
// the chosen credit policy, so a deviation is raised from the figure the underwriter signs.
// A limit not in this table (or whose figure the report has none of) is typed in.
import type { SessionSummary } from '../insights/summary-types';
import type { TeamLimitFigure, TeamPolicyLimitView } from './types';

interface AppFigure {
  /** The session figure's key on the Summary (summarizeSession's `figures`). */
  readonly key: string;
  /** How the limit states it: a share as a percentage (62.5), a count as it is. */
  readonly unit: 'percent' | 'count';
}

export const LIMIT_FIGURES: Readonly<Record<string, AppFigure>> = {
  foir_pct: { key: 'foir', unit: 'percent' },
  emi_bounced: { key: 'emiBounced', unit: 'count' },
  inward_returns: { key: 'inwardReturns', unit: 'count' },
};

/** A share as a percentage to four decimals: 0.625 is 62.5 (never lost under a limit's rounding). */
const percentOf = (share: number) => Math.round(share * 1_000_000) / 10_000;

/** Each of the team's limits with the session's figure for it, or why it is typed in. */
export function limitFigures(
  limits: readonly TeamPolicyLimitView[],
  summary: SessionSummary,
): TeamLimitFigure[] {
  return limits.map((limit) => {
    const app = LIMIT_FIGURES[limit.rule];
    const figure = app && summary.figures.find((f) => f.key === app.key);
    if (!app || !figure) {
      return { ...limit, value: null, source: null, typed: 'The app has no figure for this limit' };
    }
    const source = `Summary: ${figure.label}, whole session, policy “${summary.policy}”`;
    if (typeof figure.value !== 'number') {
      return { ...limit, value: null, source, typed: `The report has no ${figure.label}` };
    }
    const value = app.unit === 'percent' ? percentOf(figure.value) : figure.value;
    return { ...limit, value, source, typed: null };
  });
}
