// The obligations schedule, FOIR and ABB over EMI, against values worked out by hand.
import { describe, expect, it } from 'vitest';
import { computeAccountInsights } from '../../../src/shared/insights';
import { abbOverEmi, foirOf } from '../../../src/shared/insights/foir';
import { obligationSchedule } from '../../../src/shared/insights/obligation-schedule';
import { DEFAULT_POLICY, policyFrom } from '../../../src/shared/insights/policy';
import { accountOf, type Tx } from './helpers';

const txs: Tx[] = [
  { date: '2023-10-01', type: 'credit', amount: 60000, note: 'NEFT-INFOSYS LIMITED-SALARY OCT' },
  // Bajaj: presented 5 Oct and returned 14 Oct, presented again 20 Oct and paid.
  { date: '2023-10-05', type: 'debit', amount: 12500, note: 'ACH D- BAJAJ FINANCE LTD-4455667' },
  {
    date: '2023-10-08',
    type: 'debit',
    amount: 8642,
    hash: 'lt1',
    note: 'NACH DR XYZ CREDIT PVT-88',
    channel: 'auto_debit_payment',
    description: 'lender_transaction',
  },
  { date: '2023-10-14', type: 'credit', amount: 12500, note: 'ACH RTN BAJAJ FINANCE LTD' },
  { date: '2023-10-15', type: 'debit', amount: 4000, note: 'CREDIT CARD PAYMENT HDFC CC 1234' },
  { date: '2023-10-20', type: 'debit', amount: 12500, note: 'ACH D- BAJAJ FINANCE LTD-4455667' },
  { date: '2023-11-01', type: 'credit', amount: 60000, note: 'NEFT-INFOSYS LIMITED-SALARY NOV' },
  { date: '2023-11-05', type: 'debit', amount: 12500, note: 'ACH D- BAJAJ FINANCE LTD-4455667' },
  // XYZ Credit: a lender no names list knows; FinBox lists its debits as lender transactions.
  {
    date: '2023-11-08',
    type: 'debit',
    amount: 8642,
    hash: 'lt2',
    note: 'NACH DR XYZ CREDIT PVT-88',
    channel: 'auto_debit_payment',
    description: 'lender_transaction',
  },
  {
    date: '2023-11-10',
    type: 'credit',
    amount: 8642,
    note: 'NACH RTN XYZ CREDIT PVT-88',
    channel: 'auto_debit_payment_bounce',
  },
  { date: '2023-12-01', type: 'credit', amount: 60000, note: 'NEFT-INFOSYS LIMITED-SALARY DEC' },
  { date: '2023-12-05', type: 'debit', amount: 12500, note: 'ACH D- BAJAJ FINANCE LTD-4455667' },
  {
    date: '2023-12-08',
    type: 'debit',
    amount: 8642,
    hash: 'lt3',
    note: 'NACH DR XYZ CREDIT PVT-88',
    channel: 'auto_debit_payment',
    description: 'lender_transaction',
  },
  { date: '2023-12-20', type: 'debit', amount: 3000, note: 'LAZYPAY PAYLATER DUE' },
];

function account() {
  return accountOf(txs, {
    opening: 200000,
    lenderTransactions: ['lt1', 'lt2', 'lt3'],
    monthly: {
      // FinBox's loan_emi: a Bajaj EMI it also saw, and a Home Credit EMI no debit of
      // this response matches.
      loan_emi: {
        'Nov-2023': { 'HOME CREDIT': [{ date: '2023-11-25 00:00:00', amount: 2100 }] },
        'Dec-2023': { 'BAJAJ FINANCE': [{ date: '2023-12-05 00:00:00', amount: 12500 }] },
      },
    },
  });
}

describe('obligations schedule (hand-worked)', () => {
  const view = account();
  const schedule = obligationSchedule(view, computeAccountInsights(view));
  const stream = (word: string) => schedule.streams.find((s) => s.lender.includes(word))!;

  it('lists the Bajaj EMI once, its returned presentment as returned, not paid', () => {
    const s = stream('BAJAJ');
    expect(s.kind).toBe('loan');
    // Paid: 20 Oct 12,500 (5 Oct came back), 5 Nov 12,500, 5 Dec 12,500: three months of
    // 12,500, median 12,500.
    expect(s.monthlyAmount).toBe(12500);
    expect(s.monthsPaid).toBe(3);
    expect(s.returned).toBe(1);
    expect(s.lastPaid).toBe('2023-12-05');
    expect(s.payments.map((p) => [p.index, p.returned])).toEqual([
      [1, true],
      [5, false],
      [7, false],
      [11, false],
    ]);
    // Found by us, and FinBox's loan_emi names its 5 Dec debit.
    expect(s.sources).toEqual(['loan_emi', 'detected']);
    expect(s.active).toBe(true);
  });

  it('counts a lender FinBox lists in lender_transactions, whoever it is', () => {
    const s = stream('XYZ');
    expect(s.sources).toContain('lender_transactions');
    // 8 Oct paid, 8 Nov returned on 10 Nov, 8 Dec paid: 2 months paid of 8,642.
    expect(s.monthlyAmount).toBe(8642);
    expect(s.monthsPaid).toBe(2);
    expect(s.returned).toBe(1);
    expect(s.lastPaid).toBe('2023-12-08');
  });

  it('keeps a FinBox loan_emi entry no debit matches, without a transaction', () => {
    const s = stream('HOME CREDIT');
    expect(s.sources).toEqual(['loan_emi']);
    expect(s.payments).toEqual([
      { index: null, date: '2023-11-25', amount: 2100, returned: false },
    ]);
    expect(s.monthlyAmount).toBe(2100);
  });

  it('finds card and BNPL repayments; one not paid in the last two months is not counted', () => {
    const card = schedule.streams.find((s) => s.kind === 'credit_card')!;
    expect(card.monthlyAmount).toBe(4000);
    // Paid only in October: the account's last two months are November and December.
    expect(card.active).toBe(false);
    const bnpl = schedule.streams.find((s) => s.kind === 'bnpl')!;
    expect(bnpl.monthlyAmount).toBe(3000);
    expect(bnpl.active).toBe(true);
  });

  it('totals the active streams', () => {
    // 12,500 (Bajaj) + 8,642 (XYZ) + 3,000 (BNPL) + 2,100 (Home Credit) = 26,242; the
    // card (4,000, October only) is not active.
    expect(schedule.monthlyTotal).toBe(26242);
    // Paid debits behind it: Bajaj 20 Oct, 5 Nov, 5 Dec; XYZ 8 Oct, 8 Dec; BNPL 20 Dec.
    expect(schedule.trace).toEqual([2, 5, 7, 11, 12, 13]);
  });
});

describe('FOIR and ABB over EMI (hand-worked)', () => {
  it('divides obligations by eligible monthly income by default', () => {
    const f = foirOf(26242, { eligibleMonthly: 60000, salaryMonthly: 55000 }, DEFAULT_POLICY);
    // 26,242 / 60,000 = 0.437366...; the default limit is 0.5: not over.
    expect(f.ratio).toBeCloseTo(0.4373667, 7);
    expect(f.basis).toBe('eligible_credits');
    expect(f.over).toBe(false);
  });

  it('divides by salary with the limit the policy sets', () => {
    const policy = policyFrom({ foirIncomeBasis: 'salary', foirLimit: 0.4 });
    const f = foirOf(26242, { eligibleMonthly: 60000, salaryMonthly: 55000 }, policy);
    // 26,242 / 55,000 = 0.477127...; above the 0.4 limit.
    expect(f.ratio).toBeCloseTo(0.4771273, 7);
    expect(f.income).toBe(55000);
    expect(f.over).toBe(true);
  });

  it('has no ratio without income', () => {
    const f = foirOf(
      26242,
      { eligibleMonthly: null, salaryMonthly: 0 },
      policyFrom({ foirIncomeBasis: 'salary' }),
    );
    expect(f.ratio).toBeNull();
    expect(f.over).toBeNull();
  });

  it('ABB over EMI is the ABB in months of obligations', () => {
    // 52,484 / 26,242 = 2 exactly; 10,000.50 / 3,333.50 = 3.0000...
    expect(abbOverEmi(52484, 26242)).toBe(2);
    expect(abbOverEmi(10000.5, 3333.5)).toBeCloseTo(3.0, 4);
    expect(abbOverEmi(52484, 0)).toBeNull();
    expect(abbOverEmi(null, 26242)).toBeNull();
  });
});
