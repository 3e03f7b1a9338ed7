// What an underwriter must know before reading FinBox's own figures (the Monthly and
// Predictors tabs and sheets) beside ours: where FinBox's definition counts something ours
// does not. Each caveat is one sentence, worked out from the account's insights.
import { formatMonth } from '../model/calendar';
import { formatRupees } from '../model/money';
import type { AccountInsights } from './types';

/** FinBox's EMI figures count a presented EMI as paid; ours count it bounced when it came back. */
export function returnedEmiCaveat(a: AccountInsights): string | null {
  const months = a.obligations.months.filter((m) => m.emiBounced.count > 0);
  if (months.length === 0) return null;
  const list = months
    .map((m) => `${formatRupees(m.emiBounced.amount)} in ${formatMonth(m.month)}`)
    .join(', ');
  return `FinBox's EMI figures count EMIs presented: ${list} came back (returned) and was not paid.`;
}

export const FINBOX_INCOME_CAVEAT =
  "FinBox's own figures, as FinBox sent them. Its income estimate is not our eligible credits: loan disbursals, own-account transfers, returns and refunds may be in it (the Summary and Insights show ours).";

export function finboxCaveats(a: AccountInsights | undefined): string[] {
  const emi = a ? returnedEmiCaveat(a) : null;
  return emi ? [FINBOX_INCOME_CAVEAT, emi] : [FINBOX_INCOME_CAVEAT];
}
