import { describe, expect, it } from 'vitest';
import { eodMonthStats } from '../../../src/shared/transactions/eod-stats';
import { filterChoices, totalsOf } from '../../../src/shared/transactions/summary';
import { tx } from './helpers';

describe('totalsOf', () => {
  it('counts and sums each side exactly', () => {
    const rows = [
      ...Array.from({ length: 1000 }, () => tx({ type: 'credit', amount: 0.1 })),
      ...Array.from({ length: 3 }, () => tx({ type: 'debit', amount: 0.2 })),
    ];
    expect(totalsOf(rows)).toEqual({
      count: 1003,
      creditCount: 1000,
      debitCount: 3,
      credits: 100,
      debits: 0.6,
    });
  });

  it('is all zero for no rows', () => {
    expect(totalsOf([])).toEqual({
      count: 0,
      creditCount: 0,
      debitCount: 0,
      credits: 0,
      debits: 0,
    });
  });
});

describe('filterChoices', () => {
  it('lists distinct non-empty channels and categories ignoring case, and the date span', () => {
    const choices = filterChoices([
      tx({ channel: 'upi', category: 'Food', date: '2023-11-02' }),
      tx({ channel: 'Cash', category: '', date: '2023-10-02' }),
      tx({ channel: 'upi', category: 'bills', date: '2024-01-31' }),
      tx({ channel: '', category: 'Food', date: '2023-12-01' }),
    ]);
    expect(choices).toEqual({
      channels: ['Cash', 'upi'],
      categories: ['bills', 'Food'],
      firstDate: '2023-10-02',
      lastDate: '2024-01-31',
    });
    expect(filterChoices([])).toEqual({
      channels: [],
      categories: [],
      firstDate: null,
      lastDate: null,
    });
  });
});

describe('eodMonthStats', () => {
  it('averages, bounds and takes the ABB over the days that have a balance', () => {
    // April: 30 days; balance = day number, except day 10 missing and day 30 negative.
    const balances = Array.from({ length: 30 }, (_, i) =>
      i === 9 ? null : i === 29 ? -30 : i + 1,
    );
    const stats = eodMonthStats('2024-04', balances);
    expect(stats.days).toBe(29);
    expect(stats.minimum).toBe(-30);
    expect(stats.maximum).toBe(29);
    // sum(1..29) - 10 - 30 = 395 over 29 days
    expect(stats.average).toBe(13.62);
    // 5, 15, 20, 25, -30 (day 10 missing) over 5 days
    expect(stats.abb).toBe(7);
    expect(stats.abbDays).toBe(5);
  });

  it('takes the last day of the month, 29 February in a leap year', () => {
    const balances = Array.from({ length: 31 }, (_, i) => (i === 28 ? 290 : i === 30 ? 999 : null));
    const stats = eodMonthStats('2024-02', balances);
    expect(stats.abb).toBe(290);
    expect(stats.abbDays).toBe(1);
    // Entries past the month's length are not days of that month.
    expect(stats.maximum).toBe(290);
    expect(eodMonthStats('2023-02', balances).abb).toBeNull();
  });

  it('gives nulls, not NaN, for a month without balances', () => {
    expect(eodMonthStats('2023-10', [])).toEqual({
      month: '2023-10',
      days: 0,
      average: null,
      minimum: null,
      maximum: null,
      abb: null,
      abbDays: 0,
    });
  });

  it('keeps paise exact', () => {
    expect(eodMonthStats('2023-10', [0.1, 0.2]).average).toBe(0.15);
  });
});
