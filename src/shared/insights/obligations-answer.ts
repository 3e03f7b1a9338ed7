// The obligations answer of one account under a credit policy: the schedule, its monthly
// total, FOIR against the policy's limit, ABB over EMI, and the reconciliation of these
// and the other figures with FinBox's own. The Summary (tab, sheet, memo) leads with it.
import type { AccountView } from '../model/view-model';
import { abbOverEmi, foirOf, type FoirFigure } from './foir';
import { obligationSchedule, type ObligationSchedule } from './obligation-schedule';
import type { CreditPolicy } from './policy';
import { reconcileAccount, type Reconciliation } from './reconciliation';
import type { AccountInsights } from './types';

export interface ObligationsAnswer {
  readonly policy: string;
  readonly schedule: ObligationSchedule;
  readonly foir: FoirFigure;
  /** The policy ABB: the headline balance figure FOIR's neighbour ABB/EMI divides. */
  readonly abb: number | null;
  readonly abbOverEmi: number | null;
  readonly reconciliation: Reconciliation;
}

export function obligationsAnswer(
  account: AccountView,
  a: AccountInsights,
  policy: CreditPolicy,
): ObligationsAnswer {
  const schedule = obligationSchedule(account, a);
  const foir = foirOf(
    schedule.monthlyTotal,
    { eligibleMonthly: a.eligible.averageMonthly, salaryMonthly: a.salary.averageMonthly },
    policy,
  );
  // The insights were made with the policy: their ABB is on its days.
  const abb = a.balances.period.abb;
  const ratio = abbOverEmi(abb, schedule.monthlyTotal);
  return {
    policy: policy.name,
    schedule,
    foir,
    abb,
    abbOverEmi: ratio,
    reconciliation: reconcileAccount(account, a, {
      foir: foir.ratio,
      abb,
      abbOverEmi: ratio,
      eligibleMonthly: a.eligible.averageMonthly,
    }),
  };
}
