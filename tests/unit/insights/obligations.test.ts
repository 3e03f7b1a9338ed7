import { describe, expect, it } from 'vitest';
import { computeAccountInsights } from '../../../src/shared/insights';
import { accountOf, type Tx } from './helpers';

const txs: Tx[] = [
  { date: '2023-10-05', type: 'debit', amount: 12500, note: 'ACH D- BAJAJ FINANCE LTD-4455667' },
  { date: '2023-10-07', type: 'debit', amount: 8000, note: 'EMI 5/24 HOUSING LOAN 1234' },
  { date: '2023-10-10', type: 'debit', amount: 2000, note: 'NACH DR ICICI PRU LIFE 99' },
  { date: '2023-10-11', type: 'debit', amount: 1000, channel: 'auto_debit_payment', note: 'SIP' },
  { date: '2023-10-12', type: 'credit', amount: 300000, note: 'LOAN DISB 556677 TATA CAPITAL' },
  // A credit from a lender below the disbursal minimum: a refund, not a loan.
  { date: '2023-10-13', type: 'credit', amount: 5000, note: 'NEFT-HDFC0000001-BAJAJ FINANCE-1' },
  // A returned EMI is a bounce, not an EMI paid.
  { date: '2023-10-14', type: 'credit', amount: 12500, note: 'ACH RTN BAJAJ FINANCE LTD' },
  { date: '2023-11-05', type: 'debit', amount: 12500, note: 'ACH D- BAJAJ FINANCE LTD-4455668' },
  { date: '2023-11-06', type: 'debit', amount: 700, note: 'UPI-GROCER-groc@ybl-77' },
];

describe('obligations', () => {
  const { obligations } = computeAccountInsights(accountOf(txs, { opening: 100000 }));

  it('recognises EMI, mandate debits and loan disbursals, each with its rule', () => {
    expect(obligations.items.map((o) => [o.index, o.kind, o.rule, o.counterparty])).toEqual([
      [0, 'emi', 'narration:BAJAJ FINANCE', 'BAJAJ FINANCE LTD'],
      // The narration names no party: its first words stand in.
      [1, 'emi', 'narration:EMI', 'EMI'],
      [2, 'mandate_debit', 'narration:NACH', 'ICICI PRU LIFE'],
      [3, 'mandate_debit', 'channel:auto_debit_payment', 'SIP'],
      [4, 'loan_disbursal', 'narration:DISB', 'LOAN DISB TATA CAPITAL'],
      [7, 'emi', 'narration:BAJAJ FINANCE', 'BAJAJ FINANCE LTD'],
    ]);
  });

  it('totals them per month and for the period', () => {
    const [oct, nov] = obligations.months;
    // The 5 Oct EMI came back on 14 Oct: bounced, linked to its return, not honoured.
    expect(oct!.emi).toEqual({ amount: 8000, count: 1, indices: [1] });
    expect(oct!.emiBounced).toEqual({ amount: 12500, count: 1, indices: [0] });
    expect(obligations.items[0]!.returnedBy).toBe(6);
    expect(oct!.mandateDebits).toEqual({ amount: 3000, count: 2, indices: [2, 3] });
    expect(oct!.loanDisbursals).toEqual({ amount: 300000, count: 1, indices: [4] });
    expect(nov!.emi).toEqual({ amount: 12500, count: 1, indices: [7] });
    expect(obligations.period.emi.amount).toBe(20500);
    expect(obligations.period.emiBounced.count).toBe(1);
  });
});
