// Each credit-policy setting in words: what it means, what it may be and its default. The
// policy file's error messages, the app's policy line and docs/credit-figures.md read these.
import {
  ABB_DAY_SET_LABELS,
  ABB_DAY_SETS,
  DEFAULT_POLICY,
  FOIR_INCOME_BASES,
  PARTIAL_MONTH_RULES,
  type CreditPolicy,
} from './policy';

export interface PolicySettingText {
  /** What the setting decides. */
  readonly meaning: string;
  /** What it may be, as `must be …` ends. */
  readonly allowed: string;
}

const oneOf = (values: readonly string[]) => `one of ${values.map((v) => `"${v}"`).join(', ')}`;

export const POLICY_SETTINGS: Readonly<Record<keyof CreditPolicy, PolicySettingText>> = {
  name: {
    meaning: 'The name every figure cites as the policy that made it.',
    allowed: 'a name of 1 to 80 characters',
  },
  abbDays: {
    meaning: `The days whose end-of-day balances make the ABB: ${ABB_DAY_SETS.map((s) => `"${s}" (${ABB_DAY_SET_LABELS[s]})`).join(', ')}.`,
    allowed: oneOf(ABB_DAY_SETS),
  },
  partialMonths: {
    meaning:
      'How a month the statements cover only in part counts in a monthly average: "prorate" counts it as the share of the month covered, "exclude" leaves it out (its figures still shown).',
    allowed: oneOf(PARTIAL_MONTH_RULES),
  },
  cashDepositsEligible: {
    meaning: 'Whether cash deposits count in eligible credits (income).',
    allowed: 'true or false',
  },
  foirLimit: {
    meaning: 'The highest FOIR the lender accepts, as a fraction (0.5 is 50%).',
    allowed: 'a number above 0 and at most 1 (0.5 is 50%)',
  },
  foirIncomeBasis: {
    meaning:
      'What FOIR divides the monthly obligations by: "eligible_credits" (eligible credits, average month) or "salary" (salary, average month).',
    allowed: oneOf(FOIR_INCOME_BASES),
  },
};

/** A setting's default as the policy file would spell it. */
export function defaultText(key: keyof CreditPolicy): string {
  return JSON.stringify(DEFAULT_POLICY[key]);
}
