// What FinBox itself says about a transaction (channel, description, category, its
// `lender_transactions` list) decides what it is, whoever the lender or the other account.
// Shapes as FinBox's processing code writes them (bankconnect-real-responses.md).
import { describe, expect, it } from 'vitest';
import { computeAccountInsights, computeSessionInsights } from '../../../src/shared/insights';
import { accountBlock, accountOf, sessionOf, type Tx } from './helpers';

const EMI = {
  type: 'debit' as const,
  amount: 4321,
  channel: 'auto_debit_payment',
  description: 'lender_transaction',
  category: 'EMI Payment',
  note: 'ACH D- KISETSU SAISON FIN-998877',
};

const txs: Tx[] = [
  { ...EMI, date: '2023-10-05' }, // 0: presented ...
  {
    date: '2023-10-07', // 1: ... and returned
    type: 'credit',
    amount: 4321,
    channel: 'auto_debit_payment_bounce',
    note: 'ACH RTN KISETSU SAISON FIN',
  },
  {
    date: '2023-10-10', // 2: own money from an account not in the session
    type: 'credit',
    amount: 594000,
    channel: 'self_transfer',
    note: 'TRF FROM OWN A/C 00112233',
  },
  {
    date: '2023-10-12', // 3: own money out
    type: 'debit',
    amount: 100000,
    channel: 'net_banking_transfer',
    description: 'self_transfer',
    note: 'NEFT-RAVI KUMAR-OWN',
  },
  {
    date: '2023-10-15',
    type: 'debit',
    amount: 5000,
    channel: 'cash_withdrawl',
    note: 'ATM-CASH-AXIS',
  },
  { date: '2023-10-16', type: 'debit', amount: 2000, note: 'ATM-CASH-AXIS 556677' }, // 5
  { date: '2023-10-20', type: 'credit', amount: 50000, note: 'NEFT-N123-ACME TRADERS' }, // 6
  { ...EMI, date: '2023-11-05' }, // 7: paid
  // 8: a repayment only the category names (channel Other, no EMI word).
  { date: '2023-11-08', type: 'debit', amount: 3000, category: 'Loan EMI', note: 'NACH DR ZX LTD' },
  // 9: a repayment only FinBox's lender_transactions list names.
  { date: '2023-11-09', type: 'debit', amount: 1500, note: 'UPI-QUICKCASH-77', hash: 'lt-9' },
];

function session() {
  return sessionOf({
    acc: accountBlock('acc', txs, { opening: 200000, lenderTransactions: ['lt-9'] }),
  });
}

describe('FinBox marks', () => {
  const a = computeAccountInsights(session().accounts[0]!);

  it('an auto-debit FinBox calls lender_transaction is an EMI, whoever the lender', () => {
    const kinds = a.obligations.items.map((o) => [o.index, o.kind]);
    expect(kinds).toEqual([
      [0, 'emi'],
      [7, 'emi'],
      [8, 'emi'],
      [9, 'emi'],
    ]);
    // Honoured: 4,321 (7 Nov) + 3,000 + 1,500 = 8,821 over 3 debits; bounced: the 5 Oct
    // debit, returned on 7 Oct. FinBox's amt_emi_debit counts both 4,321s: 8,642.
    expect(a.obligations.period.emi).toMatchObject({ amount: 8821, count: 3 });
    expect(a.obligations.period.emiBounced).toMatchObject({ amount: 4321, count: 1, indices: [0] });
    expect(a.obligations.period.mandateDebits.count).toBe(0);
  });

  it('self_transfer credits are not income even with the other account absent', () => {
    // Credits 4,321 + 5,94,000 + 50,000 = 6,48,321; eligible = 50,000 (the reversal and
    // the own transfer out).
    expect(a.eligible.credits.amount).toBe(648321);
    expect(a.eligible.eligible).toMatchObject({ amount: 50000, indices: [6] });
    const own = a.eligible.exclusions.find((x) => x.reason === 'own_transfer')!;
    expect(own.total).toMatchObject({ amount: 594000, indices: [2] });
  });

  it('self_transfer debits and credits are no payees or payers', () => {
    const s = computeSessionInsights(session());
    expect(a.counterparties.payees.flatMap((p) => p.total.indices)).not.toContain(3);
    expect(a.counterparties.payers.flatMap((p) => p.total.indices)).not.toContain(2);
    expect(s.topPayees.flatMap((p) => p.total.byAccount.flatMap((b) => b.indices))).not.toContain(
      3,
    );
    expect(s.topPayers.flatMap((p) => p.total.byAccount.flatMap((b) => b.indices))).not.toContain(
      2,
    );
  });

  it('cash withdrawals under FinBox spelling and ATM narrations', () => {
    // 5,000 (channel cash_withdrawl) + 2,000 (narration ATM-CASH) = 7,000 over 2.
    expect(a.flows.period.cashWithdrawals).toMatchObject({
      amount: 7000,
      count: 2,
      indices: [4, 5],
    });
  });
});

describe("FinBox's monthly loan_emi", () => {
  it('makes the debit of its date and amount an EMI, whatever the narration', () => {
    const view = accountOf(
      [
        { date: '2024-03-05', type: 'debit', amount: 12000, note: 'UPI-ZXCAP-99' },
        { date: '2024-03-06', type: 'debit', amount: 12000, note: 'UPI-GROCER-1' },
      ],
      {
        opening: 50000,
        monthly: {
          loan_emi: {
            'Mar-2024': { 'ZX CAPITAL': [{ date: '2024-03-05 00:00:00', amount: 12000 }] },
          },
        },
      },
    );
    const a = computeAccountInsights(view);
    // Only the 5 Mar debit: 1 EMI of 12,000; the 6 Mar debit of the same amount is not one.
    expect(a.obligations.period.emi).toMatchObject({ amount: 12000, count: 1, indices: [0] });
    expect(a.obligations.items[0]!.rule).toBe('finbox:loan_emi');
  });
});
