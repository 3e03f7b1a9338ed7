// The generator's promises, checked on several seeds: the responses are in the documented
// shape, each balance follows from the previous one, EOD balances, monthly figures, top 5
// and predictors follow from the transactions, and fraud items point at real things.
import { describe, expect, it } from 'vitest';
import { parseSessionStatus, parseSessionData } from '../../../src/shared/api/parse';
import type { AccountBlock, ApiTransaction } from '../../../src/shared/api/schemas';
import { daysInMonth, epochDay, toMonthKey } from '../../../src/shared/model/calendar';
import { toPaise } from '../../../src/shared/model/money';
import { generateSession } from '../../../src/sandbox/generator';
import type { SessionPlan } from '../../../src/sandbox/plan';
import { DEMO_BUSINESS_PLAN, DEMO_RETAIL_PLAN, largePlan } from '../../../src/sandbox/sessions';

const PLANS: SessionPlan[] = [
  DEMO_BUSINESS_PLAN,
  { ...DEMO_BUSINESS_PLAN, seed: 'another seed' },
  { ...DEMO_RETAIL_PLAN, seed: 'retail 2' },
  largePlan(5_000),
];

const signed = (t: ApiTransaction): number =>
  (t.transaction_type === 'credit' ? 1 : -1) * toPaise(t.amount);
const dayOfTxn = (t: ApiTransaction): string => t.date.slice(0, 10);

function blocks(plan: SessionPlan) {
  const generated = generateSession(plan);
  const breaks = new Set(
    generated.planted.accounts.flatMap((a) => a.balanceBreaks.map((b) => b.hash)),
  );
  return {
    generated,
    breaks,
    accounts: Object.entries<AccountBlock>(generated.subscribed.accounts),
  };
}

function openingPaise(block: AccountBlock): number {
  const first = block.transactions![0]!;
  return toPaise(first.balance!) - signed(first);
}

describe.each(PLANS.map((p) => [p.seed, p] as const))(
  'generated session (seed %s)',
  (_seed, plan) => {
    const { generated, breaks, accounts } = blocks(plan);

    it('is in the documented shape and the same every time', () => {
      expect(() => parseSessionData(generated.subscribed)).not.toThrow();
      expect(() => parseSessionStatus(generated.status)).not.toThrow();
      expect(JSON.stringify(generateSession(plan).subscribed)).toBe(
        JSON.stringify(generated.subscribed),
      );
    });

    it('chains every balance from the previous one, except the planted tampering', () => {
      for (const [, block] of accounts) {
        const txns = block.transactions!;
        for (let i = 1; i < txns.length; i++) {
          const expected = toPaise(txns[i - 1]!.balance!) + signed(txns[i]!);
          if (breaks.has(txns[i]!.hash)) expect(toPaise(txns[i]!.balance!)).not.toBe(expected);
          else expect(toPaise(txns[i]!.balance!)).toBe(expected);
        }
        expect(txns.map((t) => t.date)).toEqual([...txns.map((t) => t.date)].sort());
      }
    });

    it('gives each day its closing balance, carried forward, and null outside the statement or in a gap', () => {
      for (const [, block] of accounts) {
        const txns = block.transactions!;
        const closing = new Map<string, number>();
        for (const t of txns) closing.set(dayOfTxn(t), toPaise(t.balance!));
        const gaps = (block.account_details[0]!.missing_data ?? []).map((g) => [
          epochDay(g.from_date),
          epochDay(g.to_date),
        ]);
        const first = epochDay(dayOfTxn(txns[0]!));
        const eod = block.eod_balances!;
        let carried = openingPaise(block);
        for (const label of eod.Months_order) {
          const month = toMonthKey(label)!;
          const values = eod[label] as (number | null)[];
          expect(values).toHaveLength(daysInMonth(month));
          values.forEach((value, i) => {
            const date = `${month}-${String(i + 1).padStart(2, '0')}`;
            const day = epochDay(date);
            carried = closing.get(date) ?? carried;
            const outside = day < first || gaps.some(([from, to]) => day >= from! && day <= to!);
            if (outside) expect(value).toBeNull();
            else if (value !== null) expect(toPaise(value)).toBe(carried);
          });
        }
      }
    });

    it('computes monthly opening, closing and totals from the transactions', () => {
      for (const [, block] of accounts) {
        const byMonth = new Map<string, ApiTransaction[]>();
        for (const t of block.transactions!) {
          const m = t.date.slice(0, 7);
          byMonth.set(m, [...(byMonth.get(m) ?? []), t]);
        }
        const analysis = block.monthly_analysis!;
        let previousClosing = openingPaise(block);
        for (const [label, opening] of Object.entries(analysis.opening_balance!)) {
          const month = toMonthKey(label)!;
          const txns = byMonth.get(month) ?? [];
          expect(toPaise(opening as number)).toBe(previousClosing);
          const closing = txns.length ? toPaise(txns.at(-1)!.balance!) : previousClosing;
          expect(toPaise(analysis.closing_balance![label] as number)).toBe(closing);
          const credits = txns
            .filter((t) => t.transaction_type === 'credit')
            .reduce((s, t) => s + toPaise(t.amount), 0);
          expect(toPaise(analysis.total_credit![label] as number)).toBe(credits);
          previousClosing = closing;
        }
      }
    });

    it('lists as top 5 the five largest amounts of each month and type', () => {
      for (const [, block] of accounts) {
        for (const type of ['credit', 'debit'] as const) {
          const top =
            block.top_credits_debits![type === 'credit' ? 'top_5_credit' : 'top_5_debit']!;
          for (const [label, entries] of Object.entries(top)) {
            const month = toMonthKey(label)!;
            const txns = block.transactions!.filter(
              (t) => t.transaction_type === type && t.date.startsWith(month),
            );
            for (const [narration, amount] of Object.entries(entries)) {
              expect(
                txns.some((t) => t.transaction_note === narration && t.amount === amount),
              ).toBe(true);
            }
            const largest = txns.map((t) => t.amount).sort((a, b) => b - a)[0];
            if (largest !== undefined)
              expect(Math.max(...(Object.values(entries) as number[]))).toBe(largest);
            expect(Object.keys(entries).length).toBe(
              Math.min(5, new Set(txns.map((t) => t.transaction_note)).size),
            );
          }
        }
      }
    });

    it('points fraud items at real transactions and statements', () => {
      for (const [accountId, block] of accounts) {
        const hashes = new Set(block.transactions!.map((t) => t.hash));
        const statements = new Set(block.account_details[0]!.statements);
        for (const item of block.fraud?.fraud_type ?? []) {
          if (item.transaction_hash) expect(hashes.has(item.transaction_hash)).toBe(true);
          if (item.statement_id) expect(statements.has(item.statement_id)).toBe(true);
          expect(item.account_id).toBe(accountId);
        }
        for (const id of block.fraud?.fraudulent_statements ?? [])
          expect(statements.has(id)).toBe(true);
      }
    });

    it('lists the covered months, leaves the missing-data gaps empty and fills predictors from the months', () => {
      for (const [, block] of accounts) {
        const details = block.account_details[0]!;
        const months = [...new Set(block.transactions!.map((t) => t.date.slice(0, 7)))];
        expect(details.months).toEqual(months);
        for (const gap of details.missing_data ?? []) {
          const inGap = block.transactions!.filter(
            (t) => dayOfTxn(t) >= gap.from_date && dayOfTxn(t) <= gap.to_date,
          );
          expect(inGap).toEqual([]);
        }
        const latest = months.at(-1)!;
        const debits = block.transactions!.filter(
          (t) => t.transaction_type === 'debit' && t.date.startsWith(latest),
        );
        expect(toMonthKey(block.predictors!.month_0 as string)).toBe(latest);
        expect(toPaise(block.predictors!.expense_0 as number)).toBe(
          debits.reduce((s, t) => s + toPaise(t.amount), 0),
        );
      }
    });
  },
);

describe('planted events', () => {
  const { generated, accounts } = blocks(DEMO_BUSINESS_PLAN);
  const byHash = new Map(
    accounts.flatMap(([id, b]) => b.transactions!.map((t) => [t.hash, { id, t }] as const)),
  );

  it('plants the own-account transfers as a debit and a credit of the same amount and day', () => {
    expect(generated.planted.ownTransfers).toHaveLength(6);
    for (const transfer of generated.planted.ownTransfers) {
      const debit = byHash.get(transfer.debitHash)!;
      const credit = byHash.get(transfer.creditHash)!;
      expect(debit.id).toBe(transfer.debitAccountId);
      expect(credit.id).toBe(transfer.creditAccountId);
      expect([debit.t.transaction_type, credit.t.transaction_type]).toEqual(['debit', 'credit']);
      expect(debit.t.amount).toBe(transfer.amount);
      expect(credit.t.amount).toBe(transfer.amount);
      expect(dayOfTxn(debit.t)).toBe(transfer.date);
      expect(dayOfTxn(credit.t)).toBe(transfer.date);
    }
  });

  it('plants bounces with their return and charge, EMIs every month and a loan credit', () => {
    const current = generated.planted.accounts[0]!;
    expect(current.bounces.map((b) => b.kind).sort()).toEqual([
      'auto_debit',
      'inward_cheque',
      'inward_cheque',
    ]);
    for (const bounce of current.bounces) {
      expect(byHash.get(bounce.returnHash)!.t.transaction_type).toBe('credit');
      expect(byHash.get(bounce.chargeHash)!.t.description).toBe('penalty_charge');
      expect(byHash.get(bounce.returnHash)!.t.amount).toBe(
        byHash.get(bounce.originalHash)!.t.amount,
      );
    }
    expect(current.emis).toHaveLength(12);
    expect(current.loanDisbursals).toHaveLength(1);
    expect(current.balanceBreaks).toHaveLength(1);
  });

  it('plants a salary credit every month for the salaried demo and lists them as salary transactions', () => {
    const retail = generateSession(DEMO_RETAIL_PLAN);
    const block = Object.values(retail.subscribed.accounts)[0]!;
    expect(retail.planted.accounts[0]!.salary).toHaveLength(6);
    expect(block.salary_transactions!.map((t) => t.hash)).toEqual(
      retail.planted.accounts[0]!.salary,
    );
    expect(new Set(block.salary_transactions!.map((t) => t.amount))).toEqual(new Set([86_450]));
  });
});
