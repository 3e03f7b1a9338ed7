// An amount no account of this size can hold: more than IMPLAUSIBLE_FACTOR times the
// account's usual scale (the larger of its median transaction, its median absolute
// balance and its overdraft or credit limit, at least ₹10,000). Such an amount is shown,
// never hidden or changed, and marked so the reader asks where it came from.
import type { AccountView, TransactionView } from '../model/view-model';
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

/** The upper median of the first `length` values (a typed array sorts numbers natively). */
function median(values: Float64Array, length: number): number {
  if (length === 0) return 0;
  const sorted = values.subarray(0, length).sort();
  return sorted[Math.floor(length / 2)]!;
}

/** The larger median of an account's absolute amounts and balances, once per transaction list. */
const medians = new WeakMap<readonly TransactionView[], number>();

function medianScale(transactions: readonly TransactionView[]): number {
  const known = medians.get(transactions);
  if (known !== undefined) return known;
  const amounts = new Float64Array(transactions.length);
  const balances = new Float64Array(transactions.length);
  let a = 0;
  let b = 0;
  for (const t of transactions) {
    if (Number.isFinite(t.amount)) amounts[a++] = Math.abs(t.amount);
    if (t.balance !== null && Number.isFinite(t.balance)) balances[b++] = Math.abs(t.balance);
  }
  const scale = Math.max(median(amounts, a), median(balances, b));
  medians.set(transactions, scale);
  return scale;
}

export function plausibilityOf(
  account: Pick<AccountView, 'transactions'> & {
    details: Pick<AccountView['details'], 'odLimit' | 'creditLimit'>;
  },
): Plausibility {
  const limit = Math.max(account.details.odLimit ?? 0, account.details.creditLimit ?? 0);
  const scale = Math.max(FLOOR, medianScale(account.transactions), limit);
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
