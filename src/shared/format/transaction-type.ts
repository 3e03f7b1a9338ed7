// A transaction's type as a reader sees it: the API's `credit`/`debit` is never shown bare.
import type { TransactionType } from '../model/view-model';

export function transactionTypeLabel(type: TransactionType): string {
  return type === 'credit' ? 'Credit' : 'Debit';
}
