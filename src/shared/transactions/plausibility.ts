// An amount no account of this size can hold: more than IMPLAUSIBLE_FACTOR times the
// account's usual scale (the larger of its median transaction, its median absolute
// balance and its overdraft or credit limit, at least ₹10,000). Such an amount is shown,
// never hidden or changed, and marked so the reader asks where it came from.
import type { AccountView } from '../model/view-model';
import { formatRupees } from '../model/money';

/** Four orders of magnitude: a ₹50,000 account showing ₹500 crore. */
export const IMPLAUSIBLE_FACTOR = 10_000;
const FLOOR = 10_000;

export interface Plausibility {
  /** Amounts (either sign) above this are implausible for the account. */
  readonly ceiling: number;
  /** Why, in a line for a tooltip. */
  readonly reason: string;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)]!;
}

export function plausibilityOf(
  account: Pick<AccountView, 'transactions'> & {
    details: Pick<AccountView['details'], 'odLimit' | 'creditLimit'>;
  },
): Plausibility {
  const amounts: number[] = [];
  const balances: number[] = [];
  for (const t of account.transactions) {
    if (Number.isFinite(t.amount)) amounts.push(Math.abs(t.amount));
    if (t.balance !== null && Number.isFinite(t.balance)) balances.push(Math.abs(t.balance));
  }
  const limit = Math.max(account.details.odLimit ?? 0, account.details.creditLimit ?? 0);
  const scale = Math.max(FLOOR, median(amounts), median(balances), limit);
  return {
    ceiling: scale * IMPLAUSIBLE_FACTOR,
    reason:
      `Implausible for this account: over ${IMPLAUSIBLE_FACTOR.toLocaleString('en-IN')} times ` +
      `its usual scale of ${formatRupees(scale)} (median transaction and balance, limits). ` +
      'Shown as BankConnect sent it.',
  };
}

export function isImplausible(value: number | null, plausibility: Plausibility): boolean {
  return value !== null && Number.isFinite(value) && Math.abs(value) > plausibility.ceiling;
}
