// The data-trust verdict on negative balances, and per-account counts across a session.
// Balances chosen so each day count is worked out by hand.
import { describe, expect, it } from 'vitest';
import {
  computeAccountInsights,
  computeSessionInsights,
  summarizeAccount,
  summarizeSession,
} from '../../../src/shared/insights';
import { accountBlock, accountOf, sessionOf, type Tx } from './helpers';

// Opening 10,000; 2 Oct pays 4,00,000 out (balance -3,90,000) until 5 Oct brings 4,00,000
// back (10,000). End of day below zero: 2, 3 and 4 Oct = 3 days.
const dip: Tx[] = [
  { date: '2023-10-01', type: 'credit', amount: 1000, note: 'NEFT-ACME' },
  { date: '2023-10-02', type: 'debit', amount: 401000, note: 'RTGS-SUPPLIER' },
  { date: '2023-10-05', type: 'credit', amount: 400000, note: 'NEFT-CUSTOMER' },
  { date: '2023-10-14', type: 'credit', amount: 50, note: 'UPI-FRIEND' },
  { date: '2023-10-23', type: 'credit', amount: 50, note: 'UPI-FRIEND' },
  { date: '2023-10-31', type: 'debit', amount: 100, note: 'CHG' },
];

describe('negative balances and the trust verdict', () => {
  it('warns when an account with no limit runs negative', () => {
    const account = accountOf(dip, { opening: 10000, category: 'SAVINGS' });
    const s = summarizeAccount(account, computeAccountInsights(account));
    expect(s.trust.level).toBe('caution');
    const reason = s.trust.reasons.find((r) => /no overdraft limit/.test(r.text))!;
    expect(reason.severity).toBe('warn');
    // -3,90,000 is the lowest, on 2 Oct; 3 days.
    expect(reason.text).toContain('3 days');
    expect(reason.text).toContain('-₹3,90,000.00');
  });

  it('does not distrust an overdraft used within its limit, FinBox flag or not', () => {
    const block = accountBlock('od', dip, { opening: 10000, odLimit: '500000' });
    const flagged = {
      ...block,
      account_details: [{ ...block.account_details[0]!, statements: ['st-1'] }],
      fraud: {
        fraudulent_statements: ['st-1'],
        fraud_type: [
          {
            statement_id: 'st-1',
            account_id: 'od',
            fraud_type: 'negative_balance',
            fraud_category: 'transaction',
            transaction_hash: null,
          },
        ],
      },
    } as unknown as typeof block;
    const session = sessionOf({ od: flagged });
    const account = session.accounts[0]!;
    const s = summarizeAccount(account, computeAccountInsights(account));
    expect(s.trust.level).toBe('reliable');
    expect(s.statements[0]!.flagged).toBe(false);
  });
});

describe('session counts that belong to each account', () => {
  it('lists days negative per account, never added up', () => {
    // Account a: the 3 days above. Account b: opening 100, 10 Oct pays 300 (-200) until
    // 12 Oct brings 500: 10 and 11 Oct = 2 days.
    const session = sessionOf({
      a: accountBlock('a', dip, { opening: 10000, accountNumber: '111111111111' }),
      b: accountBlock(
        'b',
        [
          { date: '2023-10-01', type: 'credit', amount: 1, note: 'INT' },
          { date: '2023-10-10', type: 'debit', amount: 301, note: 'UPI-SHOP' },
          { date: '2023-10-12', type: 'credit', amount: 500, note: 'UPI-FRIEND' },
        ],
        { opening: 100, accountNumber: '222222222222' },
      ),
    });
    const summary = summarizeSession(session, computeSessionInsights(session));
    const f = summary.figures.find((x) => x.key === 'negativeDays')!;
    expect(f.value).toBe('3 (XXXXXXXX1111) · 2 (XXXXXXXX2222)');
    expect(f.value).not.toBe(5);
  });
});
