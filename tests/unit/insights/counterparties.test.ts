import { describe, expect, it } from 'vitest';
import { computeAccountInsights, counterpartyFromNarration } from '../../../src/shared/insights';
import { accountOf, type Tx } from './helpers';

describe('counterparty from the narration', () => {
  it.each([
    [
      'UPI-LEELA SANKAR PRASAD -9160751095@YBL- ICIC0000598-329849477602-PAYMENT FROM PH ONE',
      'LEELA SANKAR PRASAD',
    ],
    ['UPI/DR/329849477602/LEELA SA/YESB/paytmqr28/UPI', 'LEELA SA'],
    ['UPI/329849477602/PAYMENT FROM PH/leela@ybl/ICICI Bank', 'LEELA'],
    ['NEFT-HDFC0000001-RAJA RICE MILLS-N12345', 'RAJA RICE MILLS'],
    ['NEFT CR-YESB0000001-ACME  PVT. LTD.-NEFTINW-123', 'ACME PVT LTD'],
    ['27/10/23 NEFT AGGARWAL AGRO F POD001161362', 'AGGARWAL AGRO F'],
    ['31/10/23 NEFT Rahul batra CBINI23304008785 TRF TO 59466026840', 'RAHUL BATRA'],
    ['IMPS-329912345678-RAJESH KUMAR-HDFC-XXXXXX1234-PAYMENT', 'RAJESH KUMAR'],
    ['MMT/IMPS/329912345678/RAJESH KUMAR/HDFC BANK', 'RAJESH KUMAR'],
    ['23/10/23 BY TRF. IMPS TRF FROM 51190049822', 'AC 51190049822'],
    ['POS 541919XXXXXX1986 BHARATHI FUELS', 'BHARATHI FUELS'],
    ['ACH D- BAJAJ FINANCE LTD-12345678', 'BAJAJ FINANCE LTD'],
    ['NACH DR ICICI PRU LIFE 99', 'ICICI PRU LIFE'],
  ])('%s -> %s', (narration, key) => {
    expect(counterpartyFromNarration(narration)?.key).toBe(key);
  });

  it('reads nothing from a narration of numbers', () => {
    expect(counterpartyFromNarration('0000123 456')).toBeNull();
  });
});

describe('top payers and payees', () => {
  const txs: Tx[] = [
    { date: '2023-10-01', type: 'credit', amount: 1000, note: 'UPI-ALPHA TRADERS-alpha@ybl-1' },
    { date: '2023-10-02', type: 'credit', amount: 3000, note: 'NEFT-HDFC0000001-BETA LTD-1' },
    { date: '2023-10-03', type: 'credit', amount: 1500, note: 'UPI-ALPHA TRADERS-alpha@ybl-2' },
    { date: '2023-10-04', type: 'credit', amount: 500, note: 'BY CASH DEPOSIT' },
    { date: '2023-10-05', type: 'debit', amount: 2000, note: 'IMPS-123456789-GAMMA CO-SBI' },
    {
      date: '2023-10-06',
      type: 'debit',
      amount: 800,
      note: 'TRANSFER 99',
      extra: { receiver_name: 'Delta Stores' },
    },
    { date: '2023-10-07', type: 'debit', amount: 50, note: '0000123' },
  ];
  const { counterparties } = computeAccountInsights(accountOf(txs, { opening: 10000 }));

  it('ranks them by amount with their share and transactions', () => {
    expect(
      counterparties.payers.map((p) => [p.name, p.total.amount, p.total.indices, p.share]),
    ).toEqual([
      ['BETA LTD', 3000, [1], 0.5],
      ['ALPHA TRADERS', 2500, [0, 2], 2500 / 6000],
      ['Cash', 500, [3], 500 / 6000],
    ]);
    expect(counterparties.payees.map((p) => [p.name, p.total.amount])).toEqual([
      ['GAMMA CO', 2000],
      ['Delta Stores', 800],
    ]);
    expect(counterparties.unnamed).toEqual({ amount: 50, count: 1, indices: [6] });
  });
});
