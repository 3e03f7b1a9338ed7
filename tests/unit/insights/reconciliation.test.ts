// Our figures beside FinBox's, with each difference's reason: expected values by hand.
import { describe, expect, it } from 'vitest';
import { computeAccountInsights } from '../../../src/shared/insights';
import {
  reconcileAccount,
  reconciliationLine,
  runningEod,
} from '../../../src/shared/insights/reconciliation';
import { accountBlock, sessionOf, type Tx } from './helpers';

// Opening 10,000. Running balances: 60,000; 51,358; 60,000; 51,358; 46,358.
const txs: Tx[] = [
  { date: '2023-10-02', type: 'credit', amount: 50000, note: 'NEFT-ACME LTD-PAYMENT' },
  { date: '2023-10-05', type: 'debit', amount: 8642, note: 'ACH D- BAJAJ FINANCE LTD-1' },
  { date: '2023-10-09', type: 'credit', amount: 8642, note: 'ACH RTN BAJAJ FINANCE LTD' },
  { date: '2023-10-20', type: 'debit', amount: 8642, note: 'ACH D- BAJAJ FINANCE LTD-1' },
  {
    date: '2023-10-25',
    type: 'debit',
    amount: 5000,
    note: 'ATM WDL 1234',
    channel: 'cash_withdrawal',
  },
];

/** FinBox's EOD for October: null on the 1st, the running balances after, one day wrong. */
function octoberEod(): (number | null)[] {
  const days: (number | null)[] = [];
  for (let d = 1; d <= 31; d++) {
    if (d === 1) days.push(null);
    else if (d < 5) days.push(60000);
    else if (d < 9) days.push(51358);
    else if (d < 20) days.push(60000);
    else if (d < 25) days.push(d === 21 ? 51000 : 51358);
    else days.push(46358);
  }
  return days;
}

function account() {
  const block = accountBlock('acc', txs, {
    opening: 10000,
    eod: { 'Oct-23': octoberEod() },
    monthly: {
      // 50,000 + 8,642 = 58,642 in 2 credits: as ours.
      amt_credit: { 'Oct-2023': 58642 },
      cnt_credit: { 'Oct-2023': 2 },
      // Ours: 8,642 + 8,642 + 5,000 = 22,284 in 3 debits; FinBox saw a 4th of 1,000.
      amt_debit: { 'Oct-2023': 23284 },
      cnt_debit: { 'Oct-2023': 4 },
      // FinBox: both presentments, 2 x 8,642 = 17,284; ours: only the one that stood.
      amt_emi_debit: { 'Oct-2023': 17284 },
      amt_cash_withdrawl_debit: { 'Oct-2023': 5000 },
      opening_balance: { 'Oct-2023': 10000 },
      closing_balance: { 'Oct-2023': 46358 },
    },
  });
  return sessionOf({
    acc: {
      ...block,
      predictors: { fixed_obligation_to_income_ratio: 25, adjusted_abb: 40000 },
      score: 720,
    } as never,
  }).accounts[0]!;
}

describe('reconciliation with FinBox (hand-worked)', () => {
  const view = account();
  const r = reconcileAccount(view, computeAccountInsights(view), {
    foir: 0.25,
    abb: 41000,
    abbOverEmi: null,
    eligibleMonthly: null,
  });
  const item = (key: string) => r.items.find((x) => x.finboxKey === key)!;

  it('agrees where both sides read the same transactions', () => {
    expect(item('monthly_analysis.amt_credit')).toMatchObject({
      finbox: 58642,
      ours: 58642,
      agrees: true,
    });
    expect(item('monthly_analysis.cnt_credit')).toMatchObject({ finbox: 2, ours: 2, agrees: true });
    expect(item('monthly_analysis.amt_cash_withdrawl_debit')).toMatchObject({
      ours: 5000,
      agrees: true,
    });
    // Before the first transaction: 60,000 - 50,000 = 10,000; after the last: 46,358.
    expect(item('monthly_analysis.opening_balance')).toMatchObject({ ours: 10000, agrees: true });
    expect(item('monthly_analysis.closing_balance')).toMatchObject({ ours: 46358, agrees: true });
    // FinBox's 25 is a percentage: 0.25 as ours.
    expect(item('predictors.fixed_obligation_to_income_ratio')).toMatchObject({
      finbox: 0.25,
      agrees: true,
    });
  });

  it('marks a debit FinBox counted and the response lacks as FinBox data', () => {
    expect(item('monthly_analysis.amt_debit')).toMatchObject({
      finbox: 23284,
      ours: 22284,
      agrees: false,
      reason: 'finbox_data',
    });
    expect(item('monthly_analysis.cnt_debit')).toMatchObject({ ours: 3, reason: 'finbox_data' });
  });

  it("explains FinBox's EMI debits as counting the returned presentment", () => {
    expect(item('monthly_analysis.amt_emi_debit')).toMatchObject({
      finbox: 17284,
      ours: 8642,
      reason: 'definition',
    });
  });

  it('checks the EOD series against the running balances day by day', () => {
    // 30 days with a FinBox value (2..31 Oct); 21 Oct is 51,000 against 51,358.
    const eod = item('eod_balances');
    expect(eod).toMatchObject({ finbox: 30, ours: 29, agrees: false, reason: 'disagreement' });
    expect(eod.note).toContain('21 Oct 2023');
  });

  it('lists the score without counting it, and sums up in one line', () => {
    expect(item('score')).toMatchObject({ finbox: 720, ours: null, agrees: null });
    // Compared: credits, credit count, debits, debit count, EMI, cash, opening, closing,
    // EOD, FOIR, ABB = 11. Agree: credits, credit count, cash, opening, closing, FOIR = 6.
    // Differ: debits and debit count (FinBox data), EMI and ABB (definition), EOD.
    expect(reconciliationLine(r)).toBe(
      "6 of 11 of FinBox's figures agree; 5 differ (2 by definition, 2 from data FinBox has, 1 disagreement)",
    );
  });
});

describe('running end-of-day balances', () => {
  it("take each day's last balance, whichever way the list runs", () => {
    // Oldest first: 1 Oct 100 then 80 (the day ends at 80); 2 Oct 95.
    const oldestFirst = accountBlock('a', [
      { date: '2023-10-01', type: 'credit', amount: 100 },
      { date: '2023-10-01', type: 'debit', amount: 20 },
      { date: '2023-10-02', type: 'credit', amount: 15 },
    ]);
    // Newest first, as some banks list: the same day's first entry is its last.
    const newestFirst = { ...oldestFirst, transactions: [...oldestFirst.transactions].reverse() };
    for (const block of [oldestFirst, newestFirst]) {
      const view = sessionOf({ a: block }).accounts[0]!;
      expect([...runningEod(view)]).toEqual([
        ['2023-10-01', 80],
        ['2023-10-02', 95],
      ]);
    }
  });
});
