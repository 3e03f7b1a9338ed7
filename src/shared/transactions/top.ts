// The largest credits and debits of each month, from the transactions themselves: FinBox's
// top_credits_debits stops at five a month; the reader may ask for more.
import { monthOf } from '../model/calendar';
import type { TopEntryView, TransactionView } from '../model/view-model';

export interface TopTransaction extends TopEntryView {
  /** The transaction's position in the account's list. */
  readonly index: number;
}

/** Per month and type, the `n` largest by amount (ties keep the API's order), rank 1 first. */
export function topByMonth(rows: readonly TransactionView[], n: number): TopTransaction[] {
  const groups = new Map<string, TransactionView[]>();
  for (const t of rows) {
    const key = `${monthOf(t.date)}\u0000${t.type}`;
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(t);
  }
  const out: TopTransaction[] = [];
  for (const list of groups.values()) {
    const largest = [...list].sort((a, b) => b.amount - a.amount || a.index - b.index).slice(0, n);
    largest.forEach((t, i) =>
      out.push({
        month: monthOf(t.date),
        type: t.type,
        rank: i + 1,
        narration: t.narration,
        amount: t.amount,
        date: t.date,
        index: t.index,
      }),
    );
  }
  return out;
}
