// The figures the tab and the sheet lay out: one cell per column in order, and each
// figure's transactions add up to it.
import { describe, expect, it } from 'vitest';
import { MONTH_COLUMNS, monthRows, periodFigures, type Figure } from '../../../src/shared/insights';
import { sumMoney } from '../../../src/shared/model/money';
import type { AccountView } from '../../../src/shared/model/view-model';
import { DEMO_BUSINESS_PLAN, DEMO_RETAIL_PLAN } from '../../../src/sandbox/sessions';
import { generatedSession } from './helpers';

/** Figures whose value is the sum (money) or the number (count) of their transactions. */
const SUMMED = new Set([
  'Credits',
  'Debits',
  'Cash deposits',
  'Cash withdrawals',
  'Return charges',
  'Penal charges',
  'EMIs honoured, amount',
  'Eligible credits',
  'Other mandate debits',
  'Loan disbursals',
  'Salary',
  'Total credits',
  'Total debits',
]);
const COUNTED = new Set([
  'Credit count',
  'Debit count',
  'Inward returns',
  'Outward returns',
  'EMIs bounced',
  'EMIs honoured',
]);

function check(account: AccountView, f: Figure) {
  const txs = f.trace.map((i) => account.transactions[i]!);
  expect(txs.every(Boolean)).toBe(true);
  if (SUMMED.has(f.label)) expect(sumMoney(txs.map((t) => t.amount))).toBe(f.value);
  if (COUNTED.has(f.label)) expect(f.trace.length).toBe(f.value);
  if (f.label === 'Net flow')
    expect(sumMoney(txs.map((t) => (t.type === 'credit' ? t.amount : -t.amount)))).toBe(f.value);
  if (f.label.startsWith('Minimum balance') || f.label.startsWith('Maximum balance'))
    if (f.trace.length === 1)
      expect(typeof account.transactions[f.trace[0]!]!.balance).toBe('number');
}

describe.each([DEMO_BUSINESS_PLAN, DEMO_RETAIL_PLAN])('$sessionId', (plan) => {
  const { view, insights } = generatedSession(plan);

  it('lays out one cell per month column, labelled as the column', () => {
    for (const a of insights.accounts)
      for (const row of monthRows(a)) {
        expect(row.cells.map((c) => c.label)).toEqual(MONTH_COLUMNS.map((c) => c.label));
        expect(row.cells.map((c) => c.kind)).toEqual(MONTH_COLUMNS.map((c) => c.kind));
      }
  });

  it('traces every figure to transactions that make it', () => {
    insights.accounts.forEach((a, k) => {
      const account = view.accounts[k]!;
      for (const f of periodFigures(a)) check(account, f);
      for (const row of monthRows(a)) for (const f of row.cells) check(account, f);
    });
  });

  // The generator's EOD series follows from its transactions, so every month's minimum is
  // the running balance of the transaction it is traced to.
  it('traces a month’s minimum balance to the transaction that left it', () => {
    insights.accounts.forEach((a, k) => {
      const account = view.accounts[k]!;
      for (const m of a.balances.months) {
        if (!m.min || m.min.index === null) continue;
        expect(account.transactions[m.min.index]!.balance).toBe(m.min.balance);
      }
    });
  });
});
