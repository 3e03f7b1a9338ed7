// The lender's credit policy: the choices a credit officer makes about how figures are
// counted (which days make the ABB, how partial months weigh, whether cash deposits count
// as income, the FOIR limit). Every figure that depends on one of these takes the policy
// as a parameter and says which policy made it (`name`). Pure: reading a policy file is
// the caller's job; this module only defines and defaults (policy-schema.ts validates).

/**
 * The EOD days whose balances are averaged for the ABB:
 * - `six`: the 5th, 10th, 15th, 20th, 25th and the month's last day (the common ABB);
 * - `three`: the 5th, 15th and 25th;
 * - `every`: every day of the month that has a balance.
 */
export const ABB_DAY_SETS = ['six', 'three', 'every'] as const;
export type AbbDaySet = (typeof ABB_DAY_SETS)[number];

/**
 * How a month the statements cover only in part counts in a monthly average:
 * - `prorate`: it counts as the share of the month covered (10 of 30 days = 1/3 month),
 *   so its flows weigh by the days the statement shows;
 * - `exclude`: it is marked and left out of the average (its figures still shown).
 */
export const PARTIAL_MONTH_RULES = ['prorate', 'exclude'] as const;
export type PartialMonthRule = (typeof PARTIAL_MONTH_RULES)[number];

/** What FOIR divides the monthly obligations by. */
export const FOIR_INCOME_BASES = ['eligible_credits', 'salary'] as const;
export type FoirIncomeBasis = (typeof FOIR_INCOME_BASES)[number];

export interface CreditPolicy {
  /** A short name every figure cites ("Default policy", "Retail LAP 2026"). */
  readonly name: string;
  readonly abbDays: AbbDaySet;
  readonly partialMonths: PartialMonthRule;
  /** Whether cash deposits count in eligible credits (income). */
  readonly cashDepositsEligible: boolean;
  /** The highest FOIR the lender accepts, as a fraction (0.5 = 50%). */
  readonly foirLimit: number;
  readonly foirIncomeBasis: FoirIncomeBasis;
}

export const DEFAULT_POLICY: CreditPolicy = Object.freeze({
  name: 'Default policy',
  abbDays: 'six',
  partialMonths: 'prorate',
  cashDepositsEligible: true,
  foirLimit: 0.5,
  foirIncomeBasis: 'eligible_credits',
});

/** A policy from the settings given (a validated file, a test), the defaults filling the rest. */
export function policyFrom(input: Partial<CreditPolicy>): CreditPolicy {
  const merged: CreditPolicy = { ...DEFAULT_POLICY };
  for (const [key, value] of Object.entries(input))
    if (value !== undefined) Object.assign(merged, { [key]: value });
  return Object.freeze(merged);
}

/** The 5th, 15th and 25th: the three-day ABB, shown beside the policy's. */
export const THREE_DAY_ABB = [5, 15, 25] as const;

/** The days of a month (1-based) whose balances make the ABB. */
export function abbDaysOf(set: AbbDaySet, monthLength: number): readonly number[] {
  if (set === 'three') return THREE_DAY_ABB;
  if (set === 'six') return [5, 10, 15, 20, 25, monthLength];
  return Array.from({ length: monthLength }, (_, i) => i + 1);
}

/** How the policy's ABB days read in a definition or a column heading. */
export const ABB_DAY_SET_LABELS: Readonly<Record<AbbDaySet, string>> = {
  six: '5th, 10th, 15th, 20th, 25th and last day',
  three: '5th, 15th and 25th',
  every: 'every day',
};

/** The ABB's name with its days, as figures are labelled: `ABB (5/10/15/20/25/last)`. */
export function abbLabel(set: AbbDaySet): string {
  return `ABB (${set === 'six' ? '5/10/15/20/25/last' : set === 'three' ? '5/15/25' : 'every day'})`;
}
