// filterTransactions reads the search text by position from a per-list cache: it must let
// through exactly what the one-row matcher lets through, for any list of the same rows.
import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTER,
  filterTransactions,
  transactionMatcher,
  type TransactionFilter,
} from '../../../src/shared/transactions/filter';
import { sortTransactions } from '../../../src/shared/transactions/sort';
import { normalizeSession } from '../../../src/shared/model/normalize';
import { generateSession } from '../../../src/sandbox/generator';
import { DEMO_BUSINESS_PLAN } from '../../../src/sandbox/sessions';

const rows = normalizeSession(generateSession(DEMO_BUSINESS_PLAN).subscribed).accounts.flatMap(
  (a) => a.transactions,
);

const filters: TransactionFilter[] = [
  { ...EMPTY_FILTER, text: 'upi' },
  { ...EMPTY_FILTER, text: 'UPI  tata' },
  { ...EMPTY_FILTER, text: 'neft', type: 'credit' },
  { ...EMPTY_FILTER, text: 'swiggy', from: rows[100]!.date, to: rows[900]!.date },
  { ...EMPTY_FILTER, text: 'no such words here' },
  { ...EMPTY_FILTER, text: 'a', minAmount: 1000, maxAmount: 50_000 },
  { ...EMPTY_FILTER, text: 'e', fraudOnly: true },
  { ...EMPTY_FILTER, from: rows[10]!.date },
];

describe('filterTransactions', () => {
  it('lets through what transactionMatcher does, in the given order, for any list', () => {
    expect(rows.length).toBeGreaterThan(1000);
    const lists = [
      rows,
      sortTransactions(rows, { column: 'narration', direction: 'asc' }),
      sortTransactions(rows, { column: 'debit', direction: 'desc' }),
      rows.slice(300),
    ];
    let matched = 0;
    for (const list of lists) {
      for (const filter of filters) {
        const expected = list.filter(transactionMatcher(filter));
        expect(filterTransactions(list, filter)).toEqual(expected);
        // Twice: the second call reads the cached search texts.
        expect(filterTransactions(list, filter)).toEqual(expected);
        matched += expected.length;
      }
    }
    expect(matched).toBeGreaterThan(100);
  });
});
