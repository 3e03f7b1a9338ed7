import { describe, expect, it } from 'vitest';
import { computeAccountInsights } from '../../../src/shared/insights';
import { accountOf, type Tx } from './helpers';

const rent = (date: string, amount: number): Tx => ({
  date,
  type: 'debit',
  amount,
  note: `NEFT-HDFC0000001-RAJ PROPERTIES-${date.replace(/-/g, '')}`,
});
const wage = (date: string): Tx => ({
  date,
  type: 'debit',
  amount: 3500,
  note: `UPI-RAMESH HELPER-ramesh@ybl-${date.replace(/-/g, '')}`,
});

describe('recurring debits and credits', () => {
  const txs: Tx[] = [
    rent('2023-10-05', 15000),
    rent('2023-11-06', 15000),
    rent('2023-12-04', 15500),
    rent('2024-01-05', 15000),
    wage('2023-10-07'),
    wage('2023-10-14'),
    wage('2023-10-21'),
    wage('2023-10-28'),
    // Same party, irregular dates: not a series.
    { date: '2023-10-02', type: 'credit', amount: 900, note: 'UPI-SHYAM-shyam@ybl-1' },
    { date: '2023-10-03', type: 'credit', amount: 900, note: 'UPI-SHYAM-shyam@ybl-2' },
    { date: '2023-12-20', type: 'credit', amount: 900, note: 'UPI-SHYAM-shyam@ybl-3' },
    // Crore-sized quarterly amounts (paise beyond 32-bit integers).
    {
      date: '2023-10-15',
      type: 'credit',
      amount: 25000000.5,
      note: 'RTGS-HDFC0000001-MEGA CORP-1',
    },
    {
      date: '2024-01-14',
      type: 'credit',
      amount: 25000000.5,
      note: 'RTGS-HDFC0000001-MEGA CORP-2',
    },
    { date: '2024-04-15', type: 'credit', amount: 24000000, note: 'RTGS-HDFC0000001-MEGA CORP-3' },
    // Same party and dates, amounts far apart: no series either.
    { date: '2023-10-10', type: 'credit', amount: 1000, note: 'IMPS-123456789-KIRAN-SBI' },
    { date: '2023-11-10', type: 'credit', amount: 5000, note: 'IMPS-123456790-KIRAN-SBI' },
    { date: '2023-12-10', type: 'credit', amount: 20000, note: 'IMPS-123456791-KIRAN-SBI' },
  ];
  const { recurring } = computeAccountInsights(accountOf(txs, { opening: 100000 }));

  it('finds a monthly and a weekly series with their cadence and typical amount', () => {
    expect(recurring).toHaveLength(3);
    const [quarterly, monthly, weekly] = recurring;
    expect(quarterly).toMatchObject({
      counterparty: 'MEGA CORP',
      cadence: 'quarterly',
      intervalDays: 91.5,
      typicalAmount: 25000000.5,
    });
    expect(quarterly!.total).toEqual({ amount: 74000001, count: 3, indices: [11, 12, 13] });
    expect(monthly).toMatchObject({
      counterparty: 'RAJ PROPERTIES',
      type: 'debit',
      cadence: 'monthly',
      intervalDays: 32,
      typicalAmount: 15000,
      first: '2023-10-05',
      last: '2024-01-05',
    });
    expect(monthly!.total).toEqual({ amount: 60500, count: 4, indices: [0, 1, 2, 3] });
    expect(weekly).toMatchObject({
      counterparty: 'RAMESH HELPER',
      cadence: 'weekly',
      intervalDays: 7,
    });
    expect(weekly!.total.indices).toEqual([4, 5, 6, 7]);
  });
});

describe('a returned EMI in a recurring series', () => {
  it('is not counted as a payment', () => {
    // Six monthly EMIs of 45,000 to the same lender; May's came back on 7 May.
    const txs: Tx[] = [];
    for (const m of ['01', '02', '03', '04', '05', '06'])
      txs.push({
        date: `2024-${m}-05`,
        type: 'debit',
        amount: 45000,
        channel: 'auto_debit_payment',
        description: 'lender_transaction',
        note: 'ACH D- KISETSU SAISON FIN-77',
      });
    txs.push({
      date: '2024-05-07',
      type: 'credit',
      amount: 45000,
      channel: 'auto_debit_payment_bounce',
      note: 'ACH RTN KISETSU SAISON FIN',
    });
    txs.sort((a, b) => (a.date < b.date ? -1 : 1));
    const { recurring } = computeAccountInsights(accountOf(txs, { opening: 500000 }));
    const debits = recurring.filter((r) => r.type === 'debit');
    expect(debits).toHaveLength(1);
    // 5 paid x 45,000 = 2,25,000 (not 6 x 45,000 = 2,70,000).
    expect(debits[0]!.total).toMatchObject({ amount: 225000, count: 5 });
  });
});
