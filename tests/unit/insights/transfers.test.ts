import { describe, expect, it } from 'vitest';
import { computeSessionInsights } from '../../../src/shared/insights';
import { accountBlock, sessionOf } from './helpers';

describe('own-account transfers and circular flows', () => {
  const session = sessionOf({
    sav: accountBlock(
      'sav',
      [
        // 0: to the current account, arrives next day.
        {
          date: '2023-10-05',
          type: 'debit',
          amount: 25000,
          note: 'NEFT-ICIC0000001-SELF-XXXX4321',
        },
        // 1: same amount, same account: cannot be a transfer between accounts.
        { date: '2023-10-05', type: 'credit', amount: 25000, note: 'UPI-FRIEND-friend@ybl-1' },
        // 2: a small equal amount: left out as chance.
        { date: '2023-10-08', type: 'debit', amount: 500, note: 'UPI-X-x@ybl-1' },
        // 3: 40,000 in from the current account two days after it left.
        {
          date: '2023-10-12',
          type: 'credit',
          amount: 40000,
          note: 'IMPS-11223344-R K SHARMA-ICICI',
        },
        // 4 and 5: out to a party and back (less a charge) within a week: circular.
        {
          date: '2023-11-01',
          type: 'debit',
          amount: 100000,
          note: 'RTGS-HDFC0000001-MEHTA TRADING-1',
        },
        {
          date: '2023-11-06',
          type: 'credit',
          amount: 99500,
          note: 'RTGS-HDFC0000002-MEHTA TRADING-2',
        },
        // 6: 70,000 out and, on the current account, back three days later: too far apart
        // to be one transfer.
        { date: '2023-11-10', type: 'debit', amount: 70000, note: 'NEFT-ICIC0000001-RK-1' },
        // 7 and 8: 98% back is not the same money.
        {
          date: '2023-11-20',
          type: 'debit',
          amount: 50000,
          note: 'NEFT-SBIN0000001-PATEL AGENCIES-1',
        },
        {
          date: '2023-11-22',
          type: 'credit',
          amount: 49000,
          note: 'NEFT-SBIN0000002-PATEL AGENCIES-2',
        },
      ],
      { opening: 500000, accountNumber: '50100199734567', holder: 'R K SHARMA' },
    ),
    cur: accountBlock(
      'cur',
      [
        {
          date: '2023-10-06',
          type: 'credit',
          amount: 25000,
          note: 'NEFT CR-HDFC0000001-R K SHARMA-1',
        },
        { date: '2023-10-08', type: 'credit', amount: 500, note: 'UPI-Y-y@ybl-1' },
        { date: '2023-10-10', type: 'debit', amount: 40000, note: 'TO OWN A/C 50100199734567' },
        {
          date: '2023-11-13',
          type: 'credit',
          amount: 70000,
          note: 'NEFT-HDFC0000001-R K SHARMA-2',
        },
        { date: '2023-11-14', type: 'debit', amount: 30000, note: 'NEFT-HDFC0000001-R K SHARMA-3' },
      ],
      { opening: 10000, accountNumber: '001234564321', holder: 'R K SHARMA' },
    ),
  });
  const insights = computeSessionInsights(session);

  it('pairs a debit with a same-amount credit in another account within two days', () => {
    expect(
      insights.ownTransfers.map((t) => [t.from, t.to, t.amount, t.dayGap, t.evidence]),
    ).toEqual([
      [
        { accountId: 'sav', index: 0 },
        { accountId: 'cur', index: 0 },
        25000,
        1,
        ['self-words', 'account-number', 'holder-name'],
      ],
      [
        { accountId: 'cur', index: 2 },
        { accountId: 'sav', index: 3 },
        40000,
        2,
        ['self-words', 'account-number', 'holder-name'],
      ],
    ]);
  });

  it('finds money out to a party and back within a week', () => {
    expect(insights.circularFlows.filter((c) => c.via === 'counterparty')).toEqual([
      {
        first: { accountId: 'sav', index: 4 },
        second: { accountId: 'sav', index: 5 },
        firstType: 'debit',
        counterparty: 'MEHTA TRADING',
        firstAmount: 100000,
        secondAmount: 99500,
        days: 5,
        via: 'counterparty',
      },
    ]);
  });

  it('does not call transfers of different amounts a round trip', () => {
    // 25,000 went to the current account and 40,000 came back: not the same money.
    expect(insights.circularFlows.filter((c) => c.via === 'own-accounts')).toEqual([]);
  });

  it('takes own transfers out of the session totals', () => {
    const oct = insights.months.find((m) => m.month === '2023-10')!;
    expect(oct.credits.amount).toBe(25000 + 40000 + 25000 + 500);
    expect(oct.ownTransferCredits.amount).toBe(65000);
    expect(oct.externalCredits.amount).toBe(25500);
    expect(oct.externalCredits.byAccount).toEqual([
      { accountId: 'sav', indices: [1] },
      { accountId: 'cur', indices: [1] },
    ]);
    expect(oct.ownTransferDebits.amount).toBe(65000);
    expect(
      insights.topPayers.some((p) =>
        p.total.byAccount.some((a) => a.accountId === 'cur' && a.indices.includes(0)),
      ),
    ).toBe(false);
  });
});

describe('round trips between own accounts', () => {
  const session = sessionOf({
    a: accountBlock(
      'a',
      [
        { date: '2024-02-01', type: 'debit', amount: 200000, note: 'NEFT-X0000000001-SELF-1' },
        { date: '2024-02-05', type: 'credit', amount: 200000, note: 'NEFT-X0000000001-SELF-2' },
      ],
      { opening: 300000 },
    ),
    b: accountBlock(
      'b',
      [
        { date: '2024-02-02', type: 'credit', amount: 200000, note: 'NEFT-X0000000001-SELF-3' },
        { date: '2024-02-04', type: 'debit', amount: 200000, note: 'NEFT-X0000000001-SELF-4' },
      ],
      { opening: 0 },
    ),
  });
  const insights = computeSessionInsights(session);

  it('pairs both transfers and reports the round trip once', () => {
    expect(insights.ownTransfers).toHaveLength(2);
    expect(insights.circularFlows).toEqual([
      {
        first: { accountId: 'a', index: 0 },
        second: { accountId: 'a', index: 1 },
        firstType: 'debit',
        counterparty: 'Own account b',
        firstAmount: 200000,
        secondAmount: 200000,
        days: 4,
        via: 'own-accounts',
      },
    ]);
  });
});

describe('pairs with nothing but amount and date', () => {
  const session = sessionOf({
    a: accountBlock(
      'a',
      [
        { date: '2024-03-01', type: 'debit', amount: 2744, note: 'UPI-BESCOM-bescom@hdfcbank-1' },
        { date: '2024-03-02', type: 'debit', amount: 30000, note: 'UPI-MERCHANT-m@ybl-2' },
      ],
      { opening: 100000 },
    ),
    b: accountBlock(
      'b',
      [
        { date: '2024-03-01', type: 'credit', amount: 2744, note: 'UPI-AMIT PATEL-a@paytm-3' },
        { date: '2024-03-03', type: 'credit', amount: 30000, note: 'UPI-SOMEONE-s@ybl-4' },
      ],
      { opening: 0 },
    ),
  });

  it('counts only large amounts, where chance equality is rare', () => {
    expect(computeSessionInsights(session).ownTransfers).toEqual([
      {
        from: { accountId: 'a', index: 1 },
        to: { accountId: 'b', index: 1 },
        amount: 30000,
        fromDate: '2024-03-02',
        toDate: '2024-03-03',
        dayGap: 1,
        evidence: [],
      },
    ]);
  });
});
