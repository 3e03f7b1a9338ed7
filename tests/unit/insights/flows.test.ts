import { describe, expect, it } from 'vitest';
import { computeAccountInsights } from '../../../src/shared/insights';
import { accountOf } from './helpers';

describe('credits and debits', () => {
  const account = accountOf(
    [
      { date: '2023-10-02', type: 'credit', amount: 1000.1, note: 'NEFT-HDFC0000001-ACME LTD-1' },
      { date: '2023-10-05', type: 'debit', amount: 500.05, note: 'UPI-SHOP-shop@ybl-1' },
      { date: '2023-10-09', type: 'credit', amount: 2000.2, note: 'IMPS-123456789012-RAVI-HDFC' },
      { date: '2023-10-20', type: 'debit', amount: 300, note: 'ATM WDL 123456 MG ROAD' },
      { date: '2023-10-21', type: 'credit', amount: 0.1, note: 'INTEREST' },
      { date: '2023-10-22', type: 'credit', amount: 0.2, note: 'INTEREST' },
      { date: '2024-01-03', type: 'credit', amount: 1500, note: 'BY CASH DEPOSIT BRANCH' },
      { date: '2024-01-04', type: 'debit', amount: 1500, note: 'NEFT-SBIN0000001-VENDOR-9' },
    ],
    { opening: 100 },
  );
  const { flows, months } = computeAccountInsights(account);

  it('lists every month from the first to the last, quiet ones too', () => {
    expect(months).toEqual(['2023-10', '2023-11', '2023-12', '2024-01']);
    expect(flows.months.map((m) => m.month)).toEqual(months);
    expect(flows.months[1]!.credits).toEqual({ amount: 0, count: 0, indices: [] });
    expect(flows.months[1]!.cashDepositShare).toBeNull();
  });

  it('sums each month in paise, with counts and the transactions behind them', () => {
    const oct = flows.months[0]!;
    // 1000.10 + 2000.20 + 0.10 + 0.20, exactly.
    expect(oct.credits).toEqual({ amount: 3000.6, count: 4, indices: [0, 2, 4, 5] });
    expect(oct.debits).toEqual({ amount: 800.05, count: 2, indices: [1, 3] });
    expect(oct.netFlow).toBe(2200.55);
    expect(oct.largestCredit).toEqual({ index: 2, date: '2023-10-09', amount: 2000.2 });
    expect(oct.largestDebit).toEqual({ index: 1, date: '2023-10-05', amount: 500.05 });
  });

  it('measures cash against credits and debits', () => {
    const oct = flows.months[0]!;
    expect(oct.cashWithdrawals).toEqual({ amount: 300, count: 1, indices: [3] });
    expect(oct.cashWithdrawalShare).toBeCloseTo(300 / 800.05, 12);
    expect(oct.cashDeposits.count).toBe(0);
    expect(oct.cashDepositShare).toBe(0);
    const jan = flows.months[3]!;
    expect(jan.cashDeposits).toEqual({ amount: 1500, count: 1, indices: [6] });
    expect(jan.cashDepositShare).toBe(1);
    expect(jan.netFlow).toBe(0);
  });

  it('totals the period', () => {
    expect(flows.period.credits.amount).toBe(4500.6);
    expect(flows.period.credits.count).toBe(5);
    expect(flows.period.debits.amount).toBe(2300.05);
    expect(flows.period.netFlow).toBe(2200.55);
    expect(flows.period.largestCredit!.index).toBe(2);
    expect(flows.period.largestDebit!.index).toBe(7);
    expect(flows.period.cashDepositShare).toBeCloseTo(1500 / 4500.6, 12);
  });
});
