// Every figure's transactions add up to the figure: what a click lists is what was counted.
import { describe, expect, it } from 'vitest';
import { computeSessionInsights, type Tally } from '../../../src/shared/insights';
import { sumMoney } from '../../../src/shared/model/money';
import type { AccountView } from '../../../src/shared/model/view-model';
import { referenceView } from '../export/helpers';
import { accountBlock, sessionOf, type Tx } from './helpers';

function expectTraced(account: AccountView, tally: Tally, type?: 'credit' | 'debit') {
  expect(tally.count).toBe(tally.indices.length);
  const txs = tally.indices.map((i) => account.transactions[i]!);
  expect(sumMoney(txs.map((t) => t.amount))).toBe(tally.amount);
  if (type) for (const t of txs) expect(t.type).toBe(type);
}

function check(session: ReturnType<typeof sessionOf>) {
  const insights = computeSessionInsights(session);
  insights.accounts.forEach((a, k) => {
    const account = session.accounts[k]!;
    expect(a.accountId).toBe(account.accountId);
    expect(a.flows.period.credits.amount).toBe(account.totals.credits);
    expect(a.flows.period.debits.amount).toBe(account.totals.debits);
    expect(sumMoney(a.flows.months.map((m) => m.credits.amount))).toBe(account.totals.credits);
    for (const m of a.flows.months) {
      expectTraced(account, m.credits, 'credit');
      expectTraced(account, m.debits, 'debit');
      expectTraced(account, m.cashDeposits, 'credit');
      expectTraced(account, m.cashWithdrawals, 'debit');
      for (const i of [...m.credits.indices, ...m.debits.indices])
        expect(account.transactions[i]!.date.slice(0, 7)).toBe(m.month);
    }
    for (const m of a.bounces.months)
      for (const t of [m.inwardReturns, m.outwardReturns, m.otherReturns, m.charges, m.penalties])
        expectTraced(account, t);
    for (const m of a.obligations.months) {
      expectTraced(account, m.emi, 'debit');
      expectTraced(account, m.loanDisbursals, 'credit');
    }
    for (const r of a.recurring) expectTraced(account, r.total, r.type);
    expectTraced(account, a.salary.total, 'credit');
    for (const p of a.counterparties.payers) expectTraced(account, p.total, 'credit');
    for (const p of a.counterparties.payees) expectTraced(account, p.total, 'debit');
    for (const m of a.balances.months)
      for (const d of [m.min, m.max, ...m.negativeDays])
        if (d?.index != null) expect(account.transactions[d.index]!.date <= d.date).toBe(true);
  });
  for (const m of insights.months) {
    const parts = m.credits.byAccount.flatMap((p) =>
      p.indices.map(
        (i) => session.accounts.find((a) => a.accountId === p.accountId)!.transactions[i]!.amount,
      ),
    );
    expect(sumMoney(parts)).toBe(m.credits.amount);
    expect(sumMoney([m.externalCredits.amount, m.ownTransferCredits.amount])).toBe(
      m.credits.amount,
    );
  }
  return insights;
}

describe('traceability', () => {
  it('holds on the reference response', () => {
    const insights = check(referenceView());
    const central = insights.accounts[0]!;
    // The reference monthly_analysis says Oct opened at 10,289.49; the first transaction
    // (a 59.00 debit leaving 10,230.49) agrees.
    expect(central.integrity.monthly[0]).toMatchObject({
      month: '2023-10',
      apiOpening: 10289.49,
      computedOpening: 10289.49,
      openingMatches: true,
    });
    // Nov-23 has an EOD series; its ABB dates are in the reference.
    const nov = central.balances.months.find((m) => m.month === '2023-11')!;
    expect(nov.source).toBe('eod');
    expect(nov.abbPoints.map((p) => p.balance?.balance)).toEqual([
      53401.59, -394202.41, -404202.41, -400481.69, -401087.89, -404187.89,
    ]);
    expect(nov.negativeDays).toHaveLength(24);
  });

  it('holds on a busy made-up account', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const notes = [
      'UPI-A-a@ybl-1',
      'BY CASH DEP',
      'ATM WDL 1',
      'ACH D- BAJAJ FINANCE-1',
      'I/W CHQ RTN',
      'SALARY',
      'NEFT-HDFC0000001-B-2',
    ];
    const txs: Tx[] = Array.from({ length: 2000 }, (_, i) => ({
      date: `2023-${String(1 + Math.floor(i / 200)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      type: rnd() < 0.5 ? 'credit' : 'debit',
      amount: Math.round(rnd() * 1_000_000) / 100,
      note: notes[Math.floor(rnd() * notes.length)]!,
    }));
    check(
      sessionOf({
        x: accountBlock('x', txs, { opening: 1000 }),
        y: accountBlock('y', txs.slice(0, 500)),
      }),
    );
  });
});
