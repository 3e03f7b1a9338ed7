import { describe, expect, it } from 'vitest';
import { computeAccountInsights } from '../../../src/shared/insights';
import { accountOf, type Tx } from './helpers';

const txs: Tx[] = [
  // 0: the holder's cheque came back unpaid: the bank credits back what it took.
  { date: '2023-10-03', type: 'credit', amount: 25000, note: 'I/W CHQ RTN 000123 INSUFF FUNDS' },
  // 1: its charge.
  { date: '2023-10-03', type: 'debit', amount: 590, note: 'CHQ RTN CHGS INCL GST 000123' },
  // 2: a cheque the holder deposited came back: the bank takes the credit back.
  { date: '2023-10-06', type: 'debit', amount: 12000, note: 'O/W RTN CHQ 554433 REFER TO DRAWER' },
  // 3: the charge for an EMI mandate returned, told by FinBox's channel.
  {
    date: '2023-10-07',
    type: 'debit',
    amount: 500,
    note: 'NACH FAIL CHARGES',
    channel: 'auto_debit_payment_bounce',
  },
  // 4: FinBox's description for an inward bounce on insufficient funds.
  {
    date: '2023-11-02',
    type: 'credit',
    amount: 8000,
    note: 'CLG REVERSAL 778899',
    description: 'chq_bounce_insuff_funds',
  },
  // 5: a penal charge.
  { date: '2023-11-15', type: 'debit', amount: 236, note: 'MIN BAL CHGS OCT-23' },
  // 6: a shop refund is not a bounce: RETURN without an instrument.
  { date: '2023-11-16', type: 'credit', amount: 999, note: 'AMAZON RETURN REFUND 123' },
  // 7: an ECS return by narration alone.
  { date: '2023-11-20', type: 'credit', amount: 4100, note: 'ECS RTN BAJAJ FINANCE 4455' },
  // 8: penalty_charge description.
  { date: '2023-11-21', type: 'debit', amount: 100, description: 'penalty_charge', note: 'CHG' },
  // 9: an ordinary payment.
  { date: '2023-11-22', type: 'debit', amount: 100, note: 'UPI-TEA STALL-tea@ybl-1' },
];

describe('bounces and penalties', () => {
  const { bounces } = computeAccountInsights(accountOf(txs, { opening: 50000 }));

  it('lists each with its transaction, kind, direction and the rule that caught it', () => {
    expect(bounces.items.map((b) => [b.index, b.kind, b.direction, b.rule])).toEqual([
      [0, 'cheque_return', 'inward', 'narration:INSUFF'],
      [1, 'bounce_charge', null, 'narration:RTN'],
      [2, 'cheque_return', 'outward', 'narration:RTN'],
      [3, 'bounce_charge', 'inward', 'channel:auto_debit_payment_bounce'],
      [4, 'cheque_return', 'inward', 'description:chq_bounce_insuff_funds'],
      [5, 'penalty_charge', null, 'narration:MIN BAL'],
      [7, 'auto_debit_return', 'inward', 'narration:RTN'],
      [8, 'penalty_charge', null, 'description:penalty_charge'],
    ]);
  });

  it('totals them per month', () => {
    const [oct, nov] = bounces.months;
    expect(oct!.inwardReturns).toEqual({ amount: 25000, count: 1, indices: [0] });
    expect(oct!.outwardReturns).toEqual({ amount: 12000, count: 1, indices: [2] });
    expect(oct!.charges).toEqual({ amount: 1090, count: 2, indices: [1, 3] });
    expect(nov!.inwardReturns).toEqual({ amount: 12100, count: 2, indices: [4, 7] });
    expect(nov!.penalties).toEqual({ amount: 336, count: 2, indices: [5, 8] });
    expect(bounces.period.inwardReturns.count).toBe(3);
    expect(bounces.period.otherReturns.count).toBe(0);
  });
});
