import { describe, expect, it } from 'vitest';
import { computeSessionInsights } from '../../../src/shared/insights';
import { toPaise } from '../../../src/shared/model/money';
import { adjustedAbb, eligibleCredits } from '../../../src/shared/review/adjustments';
import { adjustmentLine } from '../../../src/shared/review/resolve';
import { demo } from './helpers';

describe('reviewer adjustments', () => {
  const { view } = demo('demo-business');
  const insights = computeSessionInsights(view);
  const icici = view.accounts[0]!;
  const base = eligibleCredits(view, insights)[0]!;

  it('eligible credits leave out own transfers in, loan disbursals and returned items', () => {
    const credits = icici.transactions.filter((t) => t.type === 'credit');
    expect(base.unadjusted.count).toBeLessThan(credits.length);
    expect(base.excluded.count).toBe(0);
    expect(base.adjusted).toEqual(base.unadjusted);
    const loans = insights.accounts[0]!.obligations.items.filter(
      (i) => i.kind === 'loan_disbursal',
    );
    expect(loans.length).toBeGreaterThan(0);
    for (const l of loans) expect(base.unadjusted.indices).not.toContain(l.index);
    // Excluding a credit the rules already leave out changes nothing (it is not counted twice).
    const loan = icici.transactions[loans[0]!.index]!;
    const again = eligibleCredits(view, insights, { excludedKeys: new Set([loan.hash]) })[0]!;
    expect(again.excluded.count).toBe(0);
    expect(again.adjusted.amount).toBe(base.unadjusted.amount);
  });

  it('adjusted = unadjusted minus the excluded amounts, to the paisa', () => {
    // Three eligible credits with paise in them, and one debit (no effect on credits).
    const picked = base.unadjusted.indices
      .map((i) => icici.transactions[i]!)
      .filter((t) => toPaise(t.amount) % 100 !== 0)
      .slice(0, 3);
    expect(picked).toHaveLength(3);
    const debit = icici.transactions.find((t) => t.type === 'debit')!;
    const keys = new Set([...picked.map((t) => t.hash), debit.hash]);
    const adjusted = eligibleCredits(view, insights, { excludedKeys: keys })[0]!;
    const excludedPaise = picked.reduce((n, t) => n + toPaise(t.amount), 0);
    expect(adjusted.excluded.count).toBe(3);
    expect(toPaise(adjusted.excluded.amount)).toBe(excludedPaise);
    expect(toPaise(adjusted.adjusted.amount)).toBe(toPaise(base.unadjusted.amount) - excludedPaise);
    expect(adjusted.adjusted.count).toBe(base.unadjusted.count - 3);
    expect(adjustmentLine(adjusted.excluded)).toMatch(
      /^adjusted by the reviewer: 3 transactions, ₹[\d,]+\.\d\d$/,
    );
    // The other account is not touched.
    expect(eligibleCredits(view, insights, { excludedKeys: keys })[1]).toEqual(
      eligibleCredits(view, insights)[1],
    );
  });

  it('ABB without an excluded credit: the balance on each ABB date after it is lower by its amount', () => {
    const none = adjustedAbb(view, insights)[0]!;
    expect(none.adjusted).toBe(none.unadjusted);
    const months = insights.accounts[0]!.balances.months;
    // A credit early in the second month, so the month's later ABB dates all follow it.
    const month = months[1]!;
    const credit = icici.transactions.find(
      (t) => t.type === 'credit' && t.date.startsWith(month.month) && Number(t.date.slice(8)) < 5,
    )!;
    const abb = adjustedAbb(view, insights, { excludedKeys: new Set([credit.hash]) })[0]!;
    const m = abb.months.find((x) => x.month === month.month)!;
    const points = month.abbPoints.filter((p) => p.balance);
    const expected = Math.round(
      points.reduce((n, p) => n + toPaise(p.balance!.balance) - toPaise(credit.amount), 0) /
        points.length,
    );
    expect(toPaise(m.adjusted!)).toBe(expected);
    expect(abb.excluded).toMatchObject({ count: 1, amount: credit.amount });
    // Months before the credit are as they were.
    expect(abb.months[0]!.adjusted).toBe(abb.months[0]!.unadjusted);
  });
});
