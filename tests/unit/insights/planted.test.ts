// Sessions from the sandbox generator, which reports what it planted: the insights must
// find exactly those salary credits, EMIs, bounces and charges, loan disbursals, balance
// breaks and own-account transfers, no more and no fewer.
import { describe, expect, it } from 'vitest';
import type { SessionPlan } from '../../../src/sandbox/plan';
import { DEMO_BUSINESS_PLAN, DEMO_RETAIL_PLAN, largePlan } from '../../../src/sandbox/sessions';
import { generatedSession } from './helpers';

const PLANS: SessionPlan[] = [
  DEMO_RETAIL_PLAN,
  DEMO_BUSINESS_PLAN,
  { ...DEMO_BUSINESS_PLAN, seed: 'insights seed 2' },
  { ...DEMO_BUSINESS_PLAN, seed: 'insights seed 3' },
  { ...DEMO_BUSINESS_PLAN, seed: 'insights seed 4' },
  { ...DEMO_BUSINESS_PLAN, seed: 'insights seed 5' },
  { ...DEMO_BUSINESS_PLAN, seed: 'insights seed 6' },
  { ...DEMO_RETAIL_PLAN, seed: 'insights retail 2' },
  largePlan(20_000),
];

const sorted = (list: Iterable<string>) => [...list].sort();

describe.each(PLANS.map((p) => [`${p.sessionId} (${p.seed})`, p] as const))('%s', (_, plan) => {
  const { generated, view: session, insights } = generatedSession(plan);

  session.accounts.forEach((account, k) => {
    const planted = generated.planted.accounts.find((a) => a.accountId === account.accountId)!;
    const found = insights.accounts[k]!;
    const hashes = (indices: readonly number[]) =>
      sorted(indices.map((i) => account.transactions[i]!.hash));

    describe(`account ${k + 1}`, () => {
      it('finds the planted salary credits', () => {
        expect(hashes(found.salary.total.indices)).toEqual(sorted(planted.salary));
        if (planted.salary.length > 0) {
          expect(found.salary.source).toBe('salary_transactions');
          expect(found.salary.regular).toBe(true);
        }
      });

      it('finds the planted EMIs', () => {
        const emis = found.obligations.items.filter((o) => o.kind === 'emi');
        expect(hashes(emis.map((o) => o.index))).toEqual(sorted(planted.emis));
      });

      it('finds the planted loan disbursals', () => {
        const loans = found.obligations.items.filter((o) => o.kind === 'loan_disbursal');
        expect(hashes(loans.map((o) => o.index))).toEqual(sorted(planted.loanDisbursals));
      });

      it('finds each planted bounce and its charge, and nothing else', () => {
        const byHash = new Map(
          found.bounces.items.map((b) => [account.transactions[b.index]!.hash, b]),
        );
        expect(sorted(byHash.keys())).toEqual(
          sorted(planted.bounces.flatMap((b) => [b.returnHash, b.chargeHash])),
        );
        for (const b of planted.bounces) {
          expect(byHash.get(b.returnHash)).toMatchObject({
            kind: b.kind === 'inward_cheque' ? 'cheque_return' : 'auto_debit_return',
            direction: 'inward',
          });
          expect(byHash.get(b.chargeHash)!.kind).toBe('bounce_charge');
        }
      });

      it('finds the planted balance breaks with their expected and found balances', () => {
        expect(
          found.integrity.balanceBreaks.map((b) => ({
            hash: account.transactions[b.index]!.hash,
            expected: b.expected,
            found: b.found,
          })),
        ).toEqual(planted.balanceBreaks);
        expect(found.integrity.duplicates).toEqual([]);
      });

      it('explains every gap longer than the rule by missing_data', () => {
        for (const gap of found.integrity.gaps.filter((g) => g.declared === null))
          expect(gap.days).toBeGreaterThanOrEqual(10);
        for (const range of account.details.missingData)
          expect(
            found.integrity.gaps.some((g) => g.declared === range) || range.to < range.from,
          ).toBe(true);
      });
    });
  });

  it('pairs exactly the planted own-account transfers', () => {
    const key = (from: string, fromHash: string, to: string, toHash: string) =>
      `${from}:${fromHash}>${to}:${toHash}`;
    const hashOf = (ref: { accountId: string; index: number }) =>
      session.accounts.find((a) => a.accountId === ref.accountId)!.transactions[ref.index]!.hash;
    expect(
      sorted(
        insights.ownTransfers.map((t) =>
          key(t.from.accountId, hashOf(t.from), t.to.accountId, hashOf(t.to)),
        ),
      ),
    ).toEqual(
      sorted(
        generated.planted.ownTransfers.map((t) =>
          key(t.debitAccountId, t.debitHash, t.creditAccountId, t.creditHash),
        ),
      ),
    );
  });
});
