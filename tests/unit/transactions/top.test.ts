// The n largest credits and debits of each month from the transactions, worked by hand.
import { describe, expect, it } from 'vitest';
import { topByMonth } from '../../../src/shared/transactions/top';
import { tx } from './helpers';

describe('topByMonth', () => {
  it('ranks each month and type by amount, as many as asked, ties in the API order', () => {
    const rows = [
      ...[100, 700, 300, 700, 50, 900, 10].map((amount, i) =>
        tx({ index: i, date: '2023-10-0' + (i + 1), type: 'credit', amount }),
      ),
      tx({ index: 7, date: '2023-10-09', type: 'debit', amount: 5 }),
      tx({ index: 8, date: '2023-11-01', type: 'credit', amount: 1 }),
    ];
    const top = topByMonth(rows, 6);
    // October credits: 900 (#5), 700 (#1), 700 (#3, after #1), 300, 100, 50; 10 is 7th.
    expect(
      top.filter((e) => e.month === '2023-10' && e.type === 'credit').map((e) => [e.rank, e.index]),
    ).toEqual([
      [1, 5],
      [2, 1],
      [3, 3],
      [4, 2],
      [5, 0],
      [6, 4],
    ]);
    expect(top.filter((e) => e.type === 'debit').map((e) => e.amount)).toEqual([5]);
    expect(top.filter((e) => e.month === '2023-11').map((e) => e.amount)).toEqual([1]);
  });
});
