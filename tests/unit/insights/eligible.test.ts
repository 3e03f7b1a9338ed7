// The two figures a credit decision turns on: a returned EMI is a bounce (paired with its
// return), and loan disbursals, reversals, refunds and own transfers are not income.
import { describe, expect, it } from 'vitest';
import { computeSessionInsights, eligibleCredits } from '../../../src/shared/insights';
import { sumMoney } from '../../../src/shared/model/money';
import { transactionKey } from '../../../src/shared/model/transaction-id';
import { DEMO_BUSINESS_PLAN, DEMO_RETAIL_PLAN } from '../../../src/sandbox/sessions';
import { accountBlock, generatedSession, sessionOf } from './helpers';

describe('demo-business', () => {
  const { generated, view, insights } = generatedSession(DEMO_BUSINESS_PLAN);
  const icici = insights.accounts[0]!;
  const txs = view.accounts[0]!.transactions;
  const planted = generated.planted.accounts[0]!;

  it('reads the ICICI account’s 12 EMI debits as 11 honoured and 1 bounced, the pair linked', () => {
    const o = icici.obligations.period;
    expect(o.emi.count + o.emiBounced.count).toBe(12);
    expect(o.emi.count).toBe(11);
    expect(o.emiBounced.count).toBe(1);
    expect(o.emi.amount).toBe(11 * 45_000);
    const bounced = txs[o.emiBounced.indices[0]!]!;
    const auto = planted.bounces.find((b) => b.kind === 'auto_debit')!;
    expect(bounced.hash).toBe(auto.originalHash);
    const item = icici.obligations.items.find((x) => x.index === o.emiBounced.indices[0])!;
    expect(txs[item.returnedBy!]!.hash).toBe(auto.returnHash);
    const ret = icici.bounces.items.find((b) => b.index === item.returnedBy)!;
    expect(ret.original).toBe(item.index);
  });

  it('pairs each planted return with the debit it gives back', () => {
    for (const b of planted.bounces) {
      const ret = icici.bounces.items.find((x) => txs[x.index]!.hash === b.returnHash)!;
      expect(txs[ret.original!]!.hash).toBe(b.originalHash);
    }
  });

  it('keeps eligible credits at least ₹15,00,000 below total credits, each exclusion traced', () => {
    const e = icici.eligible;
    expect(e.credits.amount).toBe(view.accounts[0]!.totals.credits);
    expect(e.credits.amount - e.eligible.amount).toBeGreaterThanOrEqual(1_500_000);
    const line = (r: string) => e.exclusions.find((x) => x.reason === r)!.total;
    expect(line('loan_disbursal').indices.map((i) => txs[i]!.hash)).toEqual(planted.loanDisbursals);
    expect(
      line('reversal')
        .indices.map((i) => txs[i]!.hash)
        .sort(),
    ).toEqual(planted.bounces.map((b) => b.returnHash).sort());
    const ownIn = generated.planted.ownTransfers
      .filter((t) => t.creditAccountId === icici.accountId)
      .map((t) => t.creditHash);
    expect(
      line('own_transfer')
        .indices.map((i) => txs[i]!.hash)
        .sort(),
    ).toEqual(ownIn.sort());
    // Eligible + every exclusion = all credits, to the paisa, and no credit twice.
    const parts = [e.eligible, ...e.exclusions.map((x) => x.total)];
    expect(sumMoney(parts.map((p) => p.amount))).toBe(e.credits.amount);
    expect(new Set(parts.flatMap((p) => p.indices)).size).toBe(e.credits.count);
    expect(sumMoney(e.eligible.indices.map((i) => txs[i]!.amount))).toBe(e.eligible.amount);
  });

  it('lists business counterparties as top payers, not the lender or the returns', () => {
    for (const p of icici.counterparties.payers)
      for (const i of p.total.indices) {
        expect(icici.eligible.items.some((x) => x.index === i)).toBe(false);
      }
    expect(icici.counterparties.payers.some((p) => /TATA/.test(p.name))).toBe(false);
    expect(insights.topPayers.some((p) => /TATA/.test(p.name))).toBe(false);
  });

  it('excludes a reviewer’s credits by key and keeps the automatic ones', () => {
    const first = icici.eligible.eligible.indices[0]!;
    const adjusted = eligibleCredits(insights, view.accounts[0]!, {
      excluded: new Set([transactionKey(txs[first]!)]),
    });
    expect(adjusted.eligible.count).toBe(icici.eligible.eligible.count - 1);
    expect(adjusted.exclusions.find((x) => x.reason === 'reviewer')!.total.indices).toEqual([
      first,
    ]);
    expect(adjusted.exclusions.find((x) => x.reason === 'loan_disbursal')!.total.count).toBe(1);
  });
});

describe('demo-retail', () => {
  const { generated, view, insights } = generatedSession(DEMO_RETAIL_PLAN);
  it('counts the returned EMI as bounced, not paid', () => {
    const a = insights.accounts[0]!;
    const txs = view.accounts[0]!.transactions;
    const auto = generated.planted.accounts[0]!.bounces.find((b) => b.kind === 'auto_debit')!;
    expect(a.obligations.period.emiBounced.indices.map((i) => txs[i]!.hash)).toEqual([
      auto.originalHash,
    ]);
    expect(a.obligations.period.emi.count).toBe(generated.planted.accounts[0]!.emis.length - 1);
    expect(a.eligible.items.map((x) => txs[x.index]!.hash)).toContain(auto.returnHash);
  });
});

describe('refunds and reversals', () => {
  it('excludes a refund and a deposited cheque taken back, not a shop sale', () => {
    const view = sessionOf({
      acc: accountBlock('acc', [
        {
          date: '2024-01-02',
          type: 'credit',
          amount: 5000,
          note: 'CLG CHQ DEP 123456 ABC TRADERS',
        },
        { date: '2024-01-04', type: 'debit', amount: 5000, note: 'O/W CHQ RTN 123456 ABC TRADERS' },
        { date: '2024-01-05', type: 'credit', amount: 799, note: 'UPI-AMAZON REFUND-REF123' },
        { date: '2024-01-06', type: 'credit', amount: 20000, note: 'NEFT-XYZ LTD-INV 77' },
      ]),
    });
    const a = computeSessionInsights(view).accounts[0]!;
    const reasons = a.eligible.items.map((x) => [x.index, x.reason, x.pairedWith]);
    expect(reasons).toEqual([
      [0, 'reversal', 1],
      [2, 'refund', null],
    ]);
    expect(a.eligible.eligible.indices).toEqual([3]);
    expect(a.counterparties.payers.map((p) => p.total.indices)).toEqual([[3]]);
  });
});

describe("FinBox's self_and_sister_transactions list", () => {
  it('keeps a sister concern’s credit out of income as an own transfer', () => {
    const view = sessionOf({
      acc: accountBlock(
        'acc',
        [
          {
            date: '2024-05-03',
            type: 'credit',
            amount: 250000,
            note: 'NEFT-KUMAR AUTO PVT LTD',
            hash: 'sis-1',
          },
          { date: '2024-05-09', type: 'credit', amount: 60000, note: 'NEFT-ACME TRADERS' },
          // A debit in the list is no credit: nothing to leave out of income.
          {
            date: '2024-05-20',
            type: 'debit',
            amount: 15000,
            note: 'NEFT-KUMAR AUTO PVT LTD',
            hash: 'sis-2',
          },
        ],
        { sisterTransactions: ['sis-1', 'sis-2'] },
      ),
    });
    const e = computeSessionInsights(view).accounts[0]!.eligible;
    // 2,50,000 + 60,000 = 3,10,000 credits; less the listed 2,50,000: 60,000 eligible.
    expect(e.credits.amount).toBe(310000);
    expect(e.eligible.amount).toBe(60000);
    const own = e.exclusions.find((x) => x.reason === 'own_transfer')!;
    expect(own.total).toMatchObject({ amount: 250000, indices: [0] });
  });
});
