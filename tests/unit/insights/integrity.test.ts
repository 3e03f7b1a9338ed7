import { describe, expect, it } from 'vitest';
import { computeAccountInsights } from '../../../src/shared/insights';
import { accountOf, type Tx } from './helpers';

describe('integrity', () => {
  const txs: Tx[] = [
    { date: '2023-10-02', type: 'credit', amount: 1000, balance: 1000, note: 'OPENING CR' },
    { date: '2023-10-03', type: 'debit', amount: 200, balance: 800, note: 'UPI-A-a@ybl-1' },
    // Break: 800 + 300 should be 1,100.
    { date: '2023-10-03', type: 'credit', amount: 300, balance: 1150, note: 'UPI-B-b@ybl-1' },
    { date: '2023-10-04', type: 'debit', amount: 50, balance: 1100, note: 'UPI-C-c@ybl-1' },
    // The same entry twice (same details and balance): an extraction duplicate.
    { date: '2023-10-04', type: 'debit', amount: 50, balance: 1100, note: 'UPI-C-c@ybl-1' },
    // One hash twice on a day: one entry read twice, whatever the other fields say.
    { date: '2023-10-05', type: 'debit', amount: 100, balance: 1000, note: 'X', hash: 'dup' },
    { date: '2023-10-05', type: 'debit', amount: 100, balance: 900, note: 'Y', hash: 'dup' },
    // 20 days without transactions, inside a declared missing range.
    { date: '2023-10-27', type: 'credit', amount: 100, balance: 1000, note: 'Z' },
    // 14 days without transactions, undeclared.
    { date: '2023-11-11', type: 'credit', amount: 100, balance: 1100, note: 'Z2' },
  ];
  const { integrity } = computeAccountInsights(
    accountOf(txs, {
      months: ['2023-10', '2023-11', '2023-12'],
      missing: [{ from_date: '2023-10-10', to_date: '2023-10-27' }],
      monthly: {
        opening_balance: { 'Oct-2023': 0, 'Nov-2023': 1000, 'Dec-2023': 1000 },
        closing_balance: { 'Oct-2023': 1000, 'Nov-2023': 1100, 'Dec-2023': 1100 },
      },
    }),
  );

  it('re-checks the running balance and lists each break', () => {
    expect(integrity.order).toBe('ascending');
    expect(integrity.checkedLinks).toBe(8);
    expect(integrity.balanceBreaks).toEqual([
      {
        index: 2,
        previousIndex: 1,
        date: '2023-10-03',
        expected: 1100,
        found: 1150,
        difference: 50,
      },
      // The duplicate does not follow from the entry before it either.
      {
        index: 4,
        previousIndex: 3,
        date: '2023-10-04',
        expected: 1050,
        found: 1100,
        difference: 50,
      },
    ]);
  });

  it('finds duplicates by hash and by details', () => {
    expect(integrity.duplicates.map((d) => [d.reason, d.indices])).toEqual([
      ['details', [3, 4]],
      ['hash', [5, 6]],
    ]);
  });

  it('reports gaps and whether missing_data explains them', () => {
    expect(integrity.gaps).toEqual([
      {
        from: '2023-10-05',
        to: '2023-10-27',
        days: 21,
        beforeIndex: 6,
        afterIndex: 7,
        declared: { from: '2023-10-10', to: '2023-10-27' },
      },
      {
        from: '2023-10-27',
        to: '2023-11-11',
        days: 14,
        beforeIndex: 7,
        afterIndex: 8,
        declared: null,
      },
    ]);
    expect(integrity.missingRanges).toEqual([
      { range: { from: '2023-10-10', to: '2023-10-27' }, transactionsInside: [7] },
    ]);
    expect(integrity.monthsWithoutTransactions).toEqual(['2023-12']);
  });

  it('checks monthly_analysis opening and closing balances against the transactions', () => {
    expect(integrity.monthly).toEqual([
      {
        month: '2023-10',
        apiOpening: 0,
        computedOpening: 0,
        openingIndex: 0,
        apiClosing: 1000,
        computedClosing: 1000,
        closingIndex: 7,
        openingMatches: true,
        closingMatches: true,
      },
      {
        month: '2023-11',
        apiOpening: 1000,
        computedOpening: 1000,
        openingIndex: 8,
        apiClosing: 1100,
        computedClosing: 1100,
        closingIndex: 8,
        openingMatches: true,
        closingMatches: true,
      },
      {
        month: '2023-12',
        apiOpening: 1000,
        computedOpening: 1100,
        openingIndex: 8,
        apiClosing: 1100,
        computedClosing: 1100,
        closingIndex: 8,
        openingMatches: false,
        closingMatches: true,
      },
    ]);
  });

  it('checks a newest-first list in date order', () => {
    const reversed = computeAccountInsights(accountOf([...txs].reverse())).integrity;
    expect(reversed.order).toBe('descending');
    // Entries 2 and 4 of the original are entries 6 and 4 of the reversed list.
    expect(reversed.balanceBreaks.map((b) => b.index)).toEqual([6, 4]);
  });
});

describe('balance chain with entries that state no balance', () => {
  it('carries the chain to the next stated balance', () => {
    const a = computeAccountInsights(
      accountOf([
        { date: '2023-10-02', type: 'credit', amount: 1000, balance: 11000 },
        { date: '2023-10-03', type: 'debit', amount: 500, balance: null },
        // 11,000 - 500 - 200 = 10,300: the chain holds across the entry without a balance.
        { date: '2023-10-04', type: 'debit', amount: 200, balance: 10300 },
        { date: '2023-10-05', type: 'credit', amount: 100, balance: null },
        // 10,300 + 100 + 50 = 10,450 expected; 10,500 stated: one break of +50.
        { date: '2023-10-06', type: 'credit', amount: 50, balance: 10500 },
      ]),
    );
    expect(a.integrity.balanceBreaks).toEqual([
      {
        index: 4,
        previousIndex: 2,
        date: '2023-10-06',
        expected: 10450,
        found: 10500,
        difference: 50,
      },
    ]);
  });
});
