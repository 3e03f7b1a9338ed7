// Flags against the snapshot on screen: each flag with its transaction when the snapshot
// has it, or marked as not in it (never dropped), and what a new flag records of what the
// reviewer saw.
import type { SessionView, TransactionView } from '../model/view-model';
import { plural } from '../format/value';
import { formatRupees } from '../model/money';
import type { TransactionSeen } from './document';
import { reviewKey, type AmountList, type KeyOf } from './adjustments';
import type { FlagState, ReviewState } from './state';

export interface ResolvedFlag {
  readonly flag: FlagState;
  /** Null when no transaction of this snapshot has the flag's key. */
  readonly transaction: TransactionView | null;
}

export function transactionIndex(
  view: SessionView,
  keyOf: KeyOf = reviewKey,
): ReadonlyMap<string, TransactionView> {
  const byKey = new Map<string, TransactionView>();
  for (const account of view.accounts) {
    for (const t of account.transactions) {
      const key = keyOf(t);
      if (!byKey.has(key)) byKey.set(key, t);
    }
  }
  return byKey;
}

export function resolveFlags(
  state: ReviewState,
  view: SessionView,
  keyOf: KeyOf = reviewKey,
): ResolvedFlag[] {
  const byKey = transactionIndex(view, keyOf);
  return state.flags.map((flag) => ({ flag, transaction: byKey.get(flag.key) ?? null }));
}

export function seenOf(t: TransactionView): TransactionSeen {
  return {
    accountId: t.accountId,
    date: t.date,
    type: t.type,
    amount: t.amount,
    narration: t.narration.slice(0, 2_000),
  };
}

/** `adjusted by the reviewer: 3 transactions, ₹4,20,000.00` (null when nothing is). */
export function adjustmentLine(excluded: AmountList): string | null {
  if (excluded.count === 0) return null;
  return `adjusted by the reviewer: ${plural(excluded.count, 'transaction')}, ${formatRupees(excluded.amount)}`;
}
