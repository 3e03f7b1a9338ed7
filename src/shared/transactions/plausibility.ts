// An amount no account of this size can hold: more than IMPLAUSIBLE_FACTOR times the
// account's usual scale (the larger of its median transaction, its median absolute
// balance and its overdraft or credit limit, at least ₹10,000). Such an amount is shown,
// never hidden or changed, and marked so the reader asks where it came from.
import type { AccountView, TransactionView } from '../model/view-model';
import { formatRupees } from '../model/money';
import { formatCount } from '../format/value';

/** Four orders of magnitude: a ₹50,000 account showing ₹500 crore. */
export const IMPLAUSIBLE_FACTOR = 10_000;
const FLOOR = 10_000;

export interface Plausibility {
  /** Amounts (either sign) above this are implausible for the account. */
  readonly ceiling: number;
  /** Why, in a line for a tooltip. */
  readonly reason: string;
}

/**
 * The upper median of the first `length` values (finite, not negative), reordering them:
 * the value a sort would put at `length / 2`, found by selection in linear time (sorting
 * an account's 200,000 amounts and 200,000 balances took 40 to 80 ms of opening its
 * Transactions tab). A selection that does not converge (an adversarial order) sorts.
 */
export function upperMedian(values: Float64Array, length: number): number {
  if (length === 0) return 0;
  const k = Math.floor(length / 2);
  let lo = 0;
  let hi = length - 1;
  for (let rounds = 0; lo < hi; rounds++) {
    if (rounds > 64) return values.subarray(lo, hi + 1).sort()[k - lo]!;
    // Hoare's partition around the middle of three: values <= pivot left, >= pivot right.
    const mid = (lo + hi) >>> 1;
    const a = values[lo]!;
    const b = values[mid]!;
    const c = values[hi]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i++] = values[j]!;
        values[j--] = swap;
      }
    }
    // [lo, j] <= pivot, (j, i) == pivot, [i, hi] >= pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k]!;
  }
  return values[k]!;
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
  const scale = Math.max(upperMedian(amounts, a), upperMedian(balances, b));
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
      `Implausible for this account: over ${formatCount(IMPLAUSIBLE_FACTOR)} times ` +
      `its usual scale of ${formatRupees(scale)} (median transaction and balance, limits). ` +
      'Shown as BankConnect sent it.',
  };
}

export function isImplausible(value: number | null, plausibility: Plausibility): boolean {
  return value !== null && Number.isFinite(value) && Math.abs(value) > plausibility.ceiling;
}
