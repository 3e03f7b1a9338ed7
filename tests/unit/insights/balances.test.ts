import { describe, expect, it } from 'vitest';
import { computeAccountInsights } from '../../../src/shared/insights';
import { accountOf } from './helpers';

// November 2023 has 30 days. Balances chosen so every figure is easy to work out by hand.
const nov = Array.from({ length: 30 }, (_, i) => {
  const day = i + 1;
  if (day <= 2) return null; // before the statement starts
  if (day >= 10 && day <= 12) return -500; // three days negative
  if (day === 13) return -2500; // beyond a 2,000 overdraft
  return day * 100;
});

describe('balances from the EOD series', () => {
  const account = accountOf(
    [
      { date: '2023-11-03', type: 'credit', amount: 300, balance: 300 },
      { date: '2023-11-10', type: 'debit', amount: 1200, balance: -500 },
      { date: '2023-11-13', type: 'debit', amount: 2000, balance: -2500 },
      { date: '2023-11-14', type: 'credit', amount: 3900, balance: 1400 },
      { date: '2023-12-05', type: 'credit', amount: 100, balance: 1500 },
      { date: '2023-12-20', type: 'debit', amount: 1000, balance: 500 },
    ],
    { eod: { 'Nov-23': nov }, odLimit: '2000' },
  );
  const { balances } = computeAccountInsights(account);
  const m = balances.months[0]!;

  it('averages, medians and extremes over the days that have a balance', () => {
    const values = nov.filter((b): b is number => b !== null);
    expect(m.month).toBe('2023-11');
    expect(m.source).toBe('eod');
    expect(m.days).toBe(28);
    const sum = values.reduce((a, b) => a + b, 0);
    expect(m.average).toBe(Math.round((sum / 28) * 100) / 100);
    const sorted = [...values].sort((a, b) => a - b);
    expect(m.median).toBe((sorted[13]! + sorted[14]!) / 2);
    expect(m.min).toEqual({ date: '2023-11-13', balance: -2500, index: 2 });
    expect(m.max).toEqual({ date: '2023-11-30', balance: 3000, index: 3 });
  });

  it('counts negative and overdrawn days, each traced to its transaction', () => {
    expect(m.negativeDays.map((d) => d.date)).toEqual([
      '2023-11-10',
      '2023-11-11',
      '2023-11-12',
      '2023-11-13',
    ]);
    expect(m.negativeDays.map((d) => d.index)).toEqual([1, 1, 1, 2]);
    expect(balances.odLimit).toBe(2000);
    expect(m.overdrawnDays).toEqual([{ date: '2023-11-13', balance: -2500, index: 2 }]);
  });

  it('takes ABB on the 5th, 10th, 15th, 20th, 25th and last day, and on the 5th/15th/25th', () => {
    expect(m.abbPoints.map((p) => [p.day, p.balance?.balance ?? null])).toEqual([
      [5, 500],
      [10, -500],
      [15, 1500],
      [20, 2000],
      [25, 2500],
      ['last', 3000],
    ]);
    expect(m.abb).toBe(1500); // (500 - 500 + 1500 + 2000 + 2500 + 3000) / 6
    expect(m.abbThree).toBe(1500); // (500 + 1500 + 2500) / 3
  });

  it('rebuilds a month the EOD series lacks from the running balances', () => {
    const dec = balances.months[1]!;
    expect(dec.source).toBe('transactions');
    // 1 Dec - 19 Dec: 1,400 then 1,500 from the 5th; 20 Dec: 500; nothing after the last transaction.
    expect(dec.days).toBe(20);
    expect(dec.abbPoints.map((p) => p.balance?.balance ?? null)).toEqual([
      1500,
      1500,
      1500,
      500,
      null,
      null,
    ]);
    expect(dec.abb).toBe(1250);
    expect(dec.min).toEqual({ date: '2023-12-20', balance: 500, index: 5 });
    expect(dec.abbPoints[0]!.balance!.index).toBe(4);
  });

  it('averages the months for the period', () => {
    expect(balances.period.days).toBe(48);
    // The statements cover 3-30 Nov (28 of 30 days) and 1-20 Dec (20 of 31): each month's
    // ABB weighs its covered share (pro-rated, the default policy).
    // (1,500 x 28/30 + 1,250 x 20/31) / (28/30 + 20/31) = (1,400 + 806.4516) / 1.578495
    // = 1,397.82.
    expect(balances.period.abb).toBe(1397.82);
    expect(balances.period.min!.balance).toBe(-2500);
    expect(balances.period.negativeDays).toHaveLength(4);
  });
});

describe('a month of FinBox EOD balances, by hand', () => {
  it('averages, bounds and takes the ABB over the days that have a balance', () => {
    // April: 30 days; balance = day number, except day 10 missing and day 30 negative.
    const series = Array.from({ length: 30 }, (_, i) => (i === 9 ? null : i === 29 ? -30 : i + 1));
    const [m] = computeAccountInsights(accountOf([], { eod: { 'Apr-24': series } })).balances
      .months;
    expect(m!.days).toBe(29);
    expect(m!.min!.balance).toBe(-30);
    expect(m!.max!.balance).toBe(29);
    // sum(1..29) - 10 - 30 = 395 over 29 days
    expect(m!.average).toBe(13.62);
    // 5, 15, 20, 25, -30 (day 10 missing) over 5 days
    expect(m!.abb).toBe(7);
    expect(m!.abbPoints.filter((p) => p.balance)).toHaveLength(5);
    expect(m!.daily).toEqual(series);
  });

  it('takes the last day of the month, 29 February in a leap year', () => {
    const series = Array.from({ length: 31 }, (_, i) => (i === 28 ? 290 : i === 30 ? 999 : null));
    const [m] = computeAccountInsights(accountOf([], { eod: { 'Feb-24': series } })).balances
      .months;
    expect(m!.abb).toBe(290);
    // Entries past the month's length are not days of that month.
    expect(m!.max!.balance).toBe(290);
    expect(m!.daily).toHaveLength(29);
  });
});

describe('the period ABB weighs the months exactly', () => {
  // November (30 days) and December (31 days), both wholly covered by FinBox's EOD series:
  // every day 0 except 5 November, ₹1.00. FinBox's published example gives the same kind
  // of month: six ABB days whose mean is not a whole paisa.
  const nov = Array.from({ length: 30 }, (_, i) => (i === 4 ? 1 : 0));
  const dec = Array.from({ length: 31 }, () => 0);
  const { balances } = computeAccountInsights(
    accountOf([], { eod: { 'Nov-23': nov, 'Dec-23': dec } }),
  );

  it('from each month’s ABB as it is, not rounded to the paisa first', () => {
    // November's ABB: (100 + 0 + 0 + 0 + 0 + 0) / 6 = 16.67 paise, shown ₹0.17; December's: 0.
    expect(balances.months.map((m) => m.abb)).toEqual([0.17, 0]);
    // Period (both months whole): (16.67 + 0) / 2 = 8.33 paise = ₹0.08. From the rounded
    // months it would be (17 + 0) / 2 = 8.5 paise = ₹0.09.
    expect(balances.period.abb).toBe(0.08);
    // 5/15/25: November (100 + 0 + 0) / 3 = 33.33 paise (₹0.33); period 33.33 / 2 = 16.67
    // paise = ₹0.17.
    expect(balances.months.map((m) => m.abbThree)).toEqual([0.33, 0]);
    expect(balances.period.abbThree).toBe(0.17);
  });
});

describe('a negative half paisa rounds away from zero, as every money figure does', () => {
  // April, FinBox's EOD series: -₹0.01 on the 5th, -₹0.02 on the 10th, no balance elsewhere.
  const series = Array.from({ length: 30 }, (_, i) => (i === 4 ? -0.01 : i === 9 ? -0.02 : null));
  const [m] = computeAccountInsights(accountOf([], { eod: { 'Apr-24': series } })).balances.months;

  it('in the month’s average, median and ABB', () => {
    // (-1 + -2) / 2 = -1.5 paise: -2 paise, -₹0.02 (rounding half up would give -₹0.01).
    expect(m!.average).toBe(-0.02);
    expect(m!.median).toBe(-0.02);
    expect(m!.abb).toBe(-0.02);
    // The 5/15/25 ABB has only the 5th: -₹0.01.
    expect(m!.abbThree).toBe(-0.01);
  });
});
