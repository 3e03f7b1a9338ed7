// Monthly averages divide by the months the statements cover, never by calendar months
// without a statement or inside FinBox's missing_data; a partial month counts as the
// policy says. Expected values worked out by hand.
import { describe, expect, it } from 'vitest';
import { computeAccountInsights } from '../../../src/shared/insights';
import { parseSessionData } from '../../../src/shared/api/parse';
import { policyFrom } from '../../../src/shared/insights/policy';
import { normalizeSession } from '../../../src/shared/model/normalize';
import { accountBlock, accountOf, type Tx } from './helpers';

describe('monthly averages over covered months', () => {
  it('leave out months with no statement and missing_data gaps', () => {
    // June to October declared, June to September missing: one month of data, 59,620.
    const a = computeAccountInsights(
      accountOf(
        [
          { date: '2023-10-01', type: 'credit', amount: 30000, note: 'NEFT-ACME TRADERS' },
          { date: '2023-10-31', type: 'credit', amount: 29620, note: 'NEFT-ZETA STORES' },
        ],
        {
          months: ['2023-06', '2023-07', '2023-08', '2023-09', '2023-10'],
          missing: [{ from_date: '2023-06-01', to_date: '2023-09-30' }],
        },
      ),
    );
    // 59,620 / 1 month (not / 5 calendar months = 11,924).
    expect(a.eligible.averageMonthly).toBe(59620);
    expect(a.eligible.average.leftOut).toEqual(['2023-06', '2023-07', '2023-08', '2023-09']);
  });

  const partial: Tx[] = [
    { date: '2023-10-01', type: 'credit', amount: 30000, note: 'NEFT-ACME TRADERS' },
    { date: '2023-10-31', type: 'credit', amount: 30000, note: 'NEFT-ACME TRADERS' },
    // The statement ends on 4 November: 4 of 30 days.
    { date: '2023-11-04', type: 'credit', amount: 10000, note: 'NEFT-ZETA STORES' },
  ];

  it('pro-rate a partial month by its covered days (default policy)', () => {
    const a = computeAccountInsights(accountOf(partial));
    // (60,000 + 10,000) / (1 + 4/30) = 70,000 / 1.13333 = 61,764.705.. = 61,764.71
    expect(a.eligible.averageMonthly).toBe(61764.71);
    expect(a.eligible.average.months).toBeCloseTo(1 + 4 / 30, 10);
  });

  it('or mark it and leave it out, when the policy says so', () => {
    const a = computeAccountInsights(accountOf(partial), policyFrom({ partialMonths: 'exclude' }));
    // October alone: 60,000 / 1.
    expect(a.eligible.averageMonthly).toBe(60000);
    expect(a.eligible.average.leftOut).toEqual(['2023-11']);
  });
});

describe("a statement's own period, where FinBox sent no EOD series", () => {
  // Three credits of 30,000 in September, the last on the 25th; no EOD series.
  const september: Tx[] = [
    { date: '2024-09-02', type: 'credit', amount: 30000, note: 'NEFT-ACME TRADERS' },
    { date: '2024-09-14', type: 'credit', amount: 30000, note: 'NEFT-ACME TRADERS' },
    { date: '2024-09-25', type: 'credit', amount: 30000, note: 'NEFT-ACME TRADERS' },
  ];
  const withStatements = (...statements: [string, string | null][]) =>
    computeAccountInsights(
      normalizeSession(
        parseSessionData({ session_id: 's', accounts: { acc: accountBlock('acc', september) } }),
        {
          session_id: 's',
          accounts: [
            {
              account_id: 'acc',
              account_status: 'completed',
              statements: statements.map(([range, status], i) => ({
                statement_id: `st-${i}`,
                statement_status: status,
                statement_date_range: range,
              })),
            },
          ],
        },
      ).accounts[0]!,
    );

  it('covers the days after its last transaction', () => {
    // The statement runs 01/09/2024 to 30/09/2024: September is whole, 90,000 / 1 month
    // (from the transactions alone, 2 to 25 Sep: 90,000 / (24/30) = 1,12,500).
    const a = withStatements(['01/09/2024 - 30/09/2024', 'completed']);
    expect(a.coverage).toEqual([{ month: '2024-09', days: 30, covered: 30 }]);
    expect(a.eligible.averageMonthly).toBe(90000);
  });

  it('carries the last balance to its last day', () => {
    // Balances 30,000 (2 Sep), 60,000 (14 Sep), 90,000 (25 Sep), then no entry to 30 Sep.
    const a = withStatements(['01/09/2024 - 30/09/2024', 'completed']);
    const september = a.balances.months[0]!;
    expect(september.daily[29]).toBe(90000);
    expect(september.daily[0]).toBeNull(); // before the first transaction: not known
    // ABB on the 5th, 10th, 15th, 20th, 25th and 30th:
    // (30,000 + 30,000 + 60,000 + 60,000 + 90,000 + 90,000) / 6 = 3,60,000 / 6 = 60,000.
    expect(a.balances.period.abb).toBe(60000);
    // Every day from the 2nd: 12 x 30,000 + 11 x 60,000 + 6 x 90,000 = 15,60,000 over 29
    // days = 53,793.1034.. = 53,793.10.
    expect(a.balances.period.average).toBe(53793.1);
  });

  it('counts a month it covers without a single transaction as a month of no income', () => {
    // 01/09/2024 to 31/10/2024: two whole months, 90,000 / 2 = 45,000.
    const a = withStatements(['01/09/2024 - 31/10/2024', 'completed']);
    expect(a.coverage.map((c) => [c.month, c.covered])).toEqual([
      ['2024-09', 30],
      ['2024-10', 31],
    ]);
    expect(a.eligible.averageMonthly).toBe(45000);
  });

  it('takes no period from a failed statement or a range that cannot be read', () => {
    // Only the transactions: 2 to 25 Sep, 24 of 30 days; 90,000 / 0.8 = 1,12,500.
    const a = withStatements(
      ['01/08/2024 - 31/10/2024', 'failed'],
      ['31/10/2024 - 01/08/2024', 'completed'],
      ['sometime in 2024', 'completed'],
    );
    expect(a.coverage).toEqual([{ month: '2024-09', days: 30, covered: 24 }]);
    expect(a.eligible.averageMonthly).toBe(112500);
  });
});

describe('cash deposits under the policy', () => {
  const txs: Tx[] = [
    { date: '2023-10-01', type: 'credit', amount: 40000, note: 'NEFT-ACME TRADERS' },
    { date: '2023-10-15', type: 'credit', amount: 25000, channel: 'cash_deposit', note: 'BY CASH' },
    { date: '2023-10-31', type: 'credit', amount: 5000, note: 'CDM DEPOSIT 1234' },
  ];

  it('count as eligible by default', () => {
    // 40,000 + 25,000 + 5,000 = 70,000.
    expect(computeAccountInsights(accountOf(txs)).eligible.eligible.amount).toBe(70000);
  });

  it('are left out, with their own line, when the policy says so', () => {
    const a = computeAccountInsights(accountOf(txs), policyFrom({ cashDepositsEligible: false }));
    // 70,000 - 25,000 - 5,000 = 40,000.
    expect(a.eligible.eligible.amount).toBe(40000);
    const cash = a.eligible.exclusions.find((x) => x.reason === 'cash_deposit')!;
    expect(cash.total).toMatchObject({ amount: 30000, indices: [1, 2] });
  });
});
