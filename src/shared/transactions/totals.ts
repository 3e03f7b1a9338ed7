// An account's totals, apart from the normaliser: the renderer sums what a filter shows
// without loading the response readers (and zod) they would bring.
import { fromPaise, toPaise } from '../model/money';
import type { AccountTotals, TransactionView } from '../model/view-model';

/** Debit and credit sums (exact, in paise) and counts of a list of transactions. */
export function transactionTotals(transactions: readonly TransactionView[]): AccountTotals {
  let credits = 0;
  let debits = 0;
  let creditCount = 0;
  let debitCount = 0;
  for (const t of transactions) {
    const paise = toPaise(t.amount);
    if (t.type === 'credit') {
      credits += paise;
      creditCount++;
    } else {
      debits += paise;
      debitCount++;
    }
  }
  return { credits: fromPaise(credits), debits: fromPaise(debits), creditCount, debitCount };
}
