import { describe, expect, it } from 'vitest';
import { computeSessionInsights } from '../../../src/shared/insights';
import { toPaise } from '../../../src/shared/model/money';
import { adjustedAbb, eligibleCredits } from '../../../src/shared/review/adjustments';
import { adjustmentLine } from '../../../src/shared/review/resolve';
import { accountBlock, sessionOf } from '../insights/helpers';
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

  it('with nothing excluded, the adjusted period ABB is the ABB: both weigh the months exactly', () => {
    // November (30 days) and December (31), wholly covered by FinBox's EOD series: every day
    // 0 except 5 November, ₹1.00. November's ABB is 100 / 6 = 16.67 paise (shown ₹0.17),
    // December's 0; the period ABB (16.67 + 0) / 2 = 8.33 paise = ₹0.08 (from the rounded
    // months it would be 8.5 paise = ₹0.09).
    const nov = Array.from({ length: 30 }, (_, i) => (i === 4 ? 1 : 0));
    const dec = Array.from({ length: 31 }, () => 0);
    const small = sessionOf({
      acc: accountBlock('acc', [], { eod: { 'Nov-23': nov, 'Dec-23': dec } }),
    });
    const abb = adjustedAbb(small, computeSessionInsights(small))[0]!;
    expect(abb.unadjusted).toBe(0.08);
    expect(abb.adjusted).toBe(0.08);
    // 5/15/25: November 100 / 3 = 33.33 paise; the period 16.67 paise = ₹0.17.
    expect(abb.adjustedThree).toBe(0.17);
    expect(abb.months.map((m) => m.adjusted)).toEqual([0.17, 0]);
  });
});
