import type { TransactionView } from '../../../src/shared/model/view-model';

let next = 0;

/** A transaction with sensible defaults; `index` follows creation order unless given. */
export function tx(over: Partial<TransactionView> = {}): TransactionView {
  const index = over.index ?? next++;
  return {
    index,
    accountId: 'acc-1',
    date: '2023-10-23',
    type: 'debit',
    amount: 100,
    balance: 1000,
    narration: `NARRATION ${index}`,
    ref: '',
    channel: 'upi',
    category: 'Others',
    description: '',
    hash: `hash-${index}`,
    hashDerived: false,
    statementId: null,
    fraudTypes: [],
    extra: {},
    ...over,
  };
}
