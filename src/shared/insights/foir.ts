// FOIR and ABB over EMI: the two ratios a credit officer reads beside the obligations.
// FOIR divides the monthly obligations by the monthly income the policy names; ABB over
// EMI says how many months of obligations the average balance would pay.
import { toPaise } from '../model/money';
import type { CreditPolicy, FoirIncomeBasis } from './policy';

export interface FoirFigure {
  /** Monthly obligations over monthly income; null without income. */
  readonly ratio: number | null;
  readonly obligations: number;
  /** The monthly income divided by, as the policy names it; null when there is none. */
  readonly income: number | null;
  readonly basis: FoirIncomeBasis;
  readonly limit: number;
  /** Above the policy's limit; null when there is no ratio. */
  readonly over: boolean | null;
}

export const FOIR_BASIS_LABEL: Readonly<Record<FoirIncomeBasis, string>> = {
  eligible_credits: 'eligible credits a month',
  salary: 'salary a month',
};

/** Monthly obligations over monthly income (eligible credits or salary, as the policy says). */
export function foirOf(
  monthlyObligations: number,
  income: { readonly eligibleMonthly: number | null; readonly salaryMonthly: number | null },
  policy: CreditPolicy,
): FoirFigure {
  const basis = policy.foirIncomeBasis;
  const monthly = basis === 'salary' ? income.salaryMonthly : income.eligibleMonthly;
  const incomePaise = monthly === null ? 0 : toPaise(monthly);
  const ratio = incomePaise > 0 ? toPaise(monthlyObligations) / incomePaise : null;
  return {
    ratio,
    obligations: monthlyObligations,
    income: monthly,
    basis,
    limit: policy.foirLimit,
    over: ratio === null ? null : ratio > policy.foirLimit,
  };
}

/** The policy ABB over the monthly obligations (times); null without obligations or ABB. */
export function abbOverEmi(abb: number | null, monthlyObligations: number): number | null {
  const emi = toPaise(monthlyObligations);
  if (abb === null || emi <= 0) return null;
  return toPaise(abb) / emi;
}
