// The month tables' Total and Average columns against an independent computation: the
// sandbox's raw transactions and monthly_analysis summed as decimal text in BigInt paise.
import { describe, expect, it } from 'vitest';
import { parseSessionData } from '../../../src/shared/api/parse';
import { computeSessionInsights, MONTH_COLUMNS, monthRows } from '../../../src/shared/insights';
import {
  insightsTotalRule,
  monthlyTotalRule,
  rowTotals,
} from '../../../src/shared/model/month-totals';
import { normalizeSession } from '../../../src/shared/model/normalize';
import { generateSession } from '../../../src/sandbox/generator';
import { DEMO_BUSINESS_PLAN } from '../../../src/sandbox/sessions';

/** Rupees as decimal text to paise, never through a float sum. */
function paiseOf(amount: number): bigint {
  const [whole, fraction = ''] = Math.abs(amount).toFixed(2).split('.');
  const paise = BigInt(whole!) * 100n + BigInt(fraction.padEnd(2, '0'));
  return amount < 0 ? -paise : paise;
}
const rupees = (paise: bigint) => Number(paise) / 100;

const generated = generateSession(DEMO_BUSINESS_PLAN);
const view = normalizeSession(parseSessionData(generated.subscribed));
const insights = computeSessionInsights(view);
const rawAccounts = Object.values(generated.subscribed.accounts);

describe('rowTotals', () => {
  it('sums money in paise: 0.10 + 0.20 + 0.30 is 0.60 exactly', () => {
    expect(rowTotals([0.1, 0.2, 0.3], 'sum', true)).toEqual({
      total: 0.6,
      average: 0.2,
      months: 3,
    });
  });
  it('totals each value as its cell shows it, and rounds the average half away from zero', () => {
    // Cells show 1.005 as 1.01 and 2.675 as 2.68 (to the paisa as written): 1.01 + 2.68 =
    // 3.69, averaged over 2 months 1.845, which shows as 1.85.
    expect(rowTotals([1.005, 2.675], 'sum', true)).toEqual({
      total: 3.69,
      average: 1.85,
      months: 2,
    });
    // An overdrawn level: -0.01 and -0.02 average to -0.015, half away from zero -0.02.
    expect(rowTotals([-0.01, -0.02], 'average', true)).toEqual({
      total: null,
      average: -0.02,
      months: 2,
    });
  });
  it('averages over the months with a value, and says how many', () => {
    expect(rowTotals([100, null, 'n/a', 300.01], 'sum', true)).toEqual({
      total: 400.01,
      average: 200.01,
      months: 2,
    });
  });
  it('never sums a level, and gives a share or a largest figure neither', () => {
    expect(rowTotals([1000, 3000], 'average', true)).toEqual({
      total: null,
      average: 2000,
      months: 2,
    });
    expect(rowTotals([0.2, 0.4], 'none', false)).toEqual({ total: null, average: null, months: 2 });
  });
});

describe('Insights month table totals on demo-business', () => {
  it('credits, debits and their counts total the raw transactions of the account', () => {
    insights.accounts.forEach((a, k) => {
      const raw = rawAccounts[k]!.transactions ?? [];
      const rows = monthRows(a);
      const column = (key: string) => {
        const c = MONTH_COLUMNS.findIndex((col) => col.key === key);
        return rowTotals(
          rows.map((r) => r.cells[c]!.value),
          insightsTotalRule(key),
          MONTH_COLUMNS[c]!.kind === 'money',
        );
      };
      for (const type of ['credit', 'debit'] as const) {
        const mine = raw.filter((t) => t.transaction_type === type);
        const expected = mine.reduce((s, t) => s + paiseOf(t.amount), 0n);
        const totals = column(type === 'credit' ? 'credits' : 'debits');
        expect(totals.total).toBe(rupees(expected));
        expect(totals.months).toBe(rows.length);
        expect(totals.average).toBe(Math.round(Number(expected) / rows.length) / 100);
        expect(column(type === 'credit' ? 'creditCount' : 'debitCount').total).toBe(mine.length);
      }
      expect(column('averageBalance').total).toBeNull();
      expect(column('averageBalance').average).not.toBeNull();
      expect(column('largestCredit')).toMatchObject({ total: null, average: null });
    });
  });
});

describe('Monthly tab totals on demo-business', () => {
  it('each summed metric totals its raw monthly_analysis values to the paisa; balances are not summed', () => {
    rawAccounts.forEach((account, k) => {
      const monthly = view.accounts[k]!.monthly;
      const raw = account.monthly_analysis as Record<string, Record<string, unknown>>;
      expect(monthlyTotalRule('total_credit')).toBe('sum');
      expect(monthlyTotalRule('closing_balance')).toBe('average');
      expect(monthlyTotalRule('bal_avgof_6dates')).toBe('average');
      for (const key of ['total_credit', 'total_debit', 'cnt_credit', 'cash_deposits']) {
        const values = Object.values(raw[key] ?? {}).filter(
          (v): v is number => typeof v === 'number',
        );
        expect(values.length).toBeGreaterThan(0);
        const expected = values.reduce((s, v) => s + paiseOf(v), 0n);
        const totals = rowTotals(
          monthly.months.map((m) => monthly.values[key]?.[m]),
          monthlyTotalRule(key),
          !key.startsWith('cnt_'),
        );
        expect(totals.total, key).toBe(rupees(expected));
        expect(totals.months).toBe(values.length);
      }
      const closing = rowTotals(
        monthly.months.map((m) => monthly.values['closing_balance']?.[m]),
        monthlyTotalRule('closing_balance'),
        true,
      );
      expect(closing.total).toBeNull();
    });
  });
});
