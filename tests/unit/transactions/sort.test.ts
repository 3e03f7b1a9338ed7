import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SORT,
  sortTransactions,
  type TransactionColumn,
} from '../../../src/shared/transactions/sort';
import { tx } from './helpers';

const rows = [
  tx({
    index: 0,
    date: '2023-10-02',
    narration: 'beta',
    ref: 'R2',
    type: 'debit',
    amount: 500,
    balance: 100,
    channel: 'upi',
    category: 'Food',
  }),
  tx({
    index: 1,
    date: '2023-10-01',
    narration: 'Alpha',
    ref: '',
    type: 'credit',
    amount: 900,
    balance: -50,
    channel: 'Cash',
    category: '',
  }),
  tx({
    index: 2,
    date: '2023-10-02',
    narration: 'gamma',
    ref: 'r1',
    type: 'debit',
    amount: 20,
    balance: null,
    channel: 'upi',
    category: 'bills',
  }),
  tx({
    index: 3,
    date: '2023-10-01',
    narration: '',
    ref: 'R3',
    type: 'credit',
    amount: 10,
    balance: 400,
    channel: '',
    category: 'Food',
  }),
];

const order = (column: TransactionColumn, direction: 'asc' | 'desc') =>
  sortTransactions(rows, { column, direction }).map((t) => t.index);

describe('sortTransactions', () => {
  it('sorts by date keeping the API order within a day, in both directions', () => {
    expect(order('date', 'asc')).toEqual([1, 3, 0, 2]);
    expect(order('date', 'desc')).toEqual([0, 2, 1, 3]);
    expect(sortTransactions(rows, DEFAULT_SORT).map((t) => t.index)).toEqual([1, 3, 0, 2]);
  });

  it('sorts text ignoring case, empty text last either way', () => {
    expect(order('narration', 'asc')).toEqual([1, 0, 2, 3]);
    expect(order('narration', 'desc')).toEqual([2, 0, 1, 3]);
    expect(order('ref', 'asc')).toEqual([2, 0, 3, 1]);
    expect(order('channel', 'asc')).toEqual([1, 0, 2, 3]);
    expect(order('category', 'asc')).toEqual([2, 0, 3, 1]);
  });

  it('sorts the debit and credit columns by amount, the other type last', () => {
    expect(order('debit', 'desc')).toEqual([0, 2, 1, 3]);
    expect(order('debit', 'asc')).toEqual([2, 0, 1, 3]);
    expect(order('credit', 'desc')).toEqual([1, 3, 0, 2]);
  });

  it('sorts balances numerically (negatives first ascending), missing balance last', () => {
    expect(order('balance', 'asc')).toEqual([1, 0, 3, 2]);
    expect(order('balance', 'desc')).toEqual([3, 0, 1, 2]);
  });

  it('does not change its input', () => {
    const before = rows.map((t) => t.index);
    order('balance', 'desc');
    order('narration', 'desc');
    expect(rows.map((t) => t.index)).toEqual(before);
  });

  it('sorts 200,000 rows by narration', () => {
    const many = Array.from({ length: 200_000 }, (_, i) =>
      tx({ index: i, narration: `N${(i * 7919) % 200_000}` }),
    );
    const sorted = sortTransactions(many, { column: 'narration', direction: 'asc' });
    let outOfOrder = 0;
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i - 1]!.narration.toLowerCase() > sorted[i]!.narration.toLowerCase()) outOfOrder++;
    }
    expect(sorted).toHaveLength(200_000);
    expect(outOfOrder).toBe(0);
  });
});
