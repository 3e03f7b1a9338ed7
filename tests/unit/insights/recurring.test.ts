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
