// The Summary with the reviewer's adjustments: eligible credits (and their average month)
// less the excluded credits to the paisa, ABB as the review computes it, the figure as
// computed kept beside each, the excluded transactions traceable, and nothing else changed.
import { describe, expect, it } from 'vitest';
import { computeSessionInsights, summarizeSession } from '../../../src/shared/insights';
import type { SessionSummary, SummaryFigure } from '../../../src/shared/insights';
import { toPaise } from '../../../src/shared/model/money';
import { adjustedAbb } from '../../../src/shared/review/adjustments';
import { emptyReview, type ReviewChange } from '../../../src/shared/review/document';
import { reviewState } from '../../../src/shared/review/state';
import { adjustSummary } from '../../../src/shared/review/summary-adjustments';
import { demo } from './helpers';

const { view } = demo('demo-business');
const insights = computeSessionInsights(view);
const computed = summarizeSession(view, insights);
const icici = view.accounts[0]!;

function stateOf(changes: ReviewChange[]) {
  return reviewState({
    ...emptyReview(view.sessionId),
    events: changes.map((change, i) => ({
      id: `e${i}`,
      at: `2026-12-01T10:00:0${i}Z`,
      reviewer: 'Asha',
      change,
    })),
  });
}
const exclude = (key: string, target: 'eligible' | 'abb'): ReviewChange => ({
  kind: 'exclude',
  key,
  derived: false,
  target,
  on: true,
  seen: null,
});
const figure = (s: SessionSummary, account: number, key: string): SummaryFigure =>
  s.accounts[account]!.sections.flatMap((x) => x.figures).find((f) => f.key === key)!;

describe('adjustSummary', () => {
  it('without exclusions is the summary as computed', () => {
    const labelled = stateOf([
      {
        kind: 'label',
        key: icici.transactions[0]!.hash,
        derived: false,
        label: 'loan',
        on: true,
        seen: null,
      },
    ]);
    expect(adjustSummary(computed, view, insights, labelled)).toBe(computed);
  });

  it('eligible credits less the excluded credits, to the paisa; the rest untouched', () => {
    const eligible = figure(computed, 0, 'eligibleCredits');
    const picked = eligible.trace.slice(0, 3).map((i) => icici.transactions[i]!);
    const state = stateOf(picked.map((t) => exclude(t.hash, 'eligible')));
    const adjusted = adjustSummary(computed, view, insights, state);

    const f = figure(adjusted, 0, 'eligibleCredits');
    const out = picked.reduce((n, t) => n + toPaise(t.amount), 0);
    expect(toPaise(f.value as number)).toBe(toPaise(eligible.value as number) - out);
    expect(f.adjustment).toMatchObject({
      unadjusted: eligible.value,
      unadjustedTrace: eligible.trace,
      excluded: { count: 3, indices: picked.map((t) => t.index) },
    });
    expect(toPaise(f.adjustment!.excluded.amount)).toBe(out);
    expect(f.adjustment!.line).toMatch(/^adjusted by the reviewer: 3 transactions, ₹[\d,]+\.\d\d$/);
    expect(f.trace).toHaveLength(eligible.trace.length - 3);
    for (const t of picked) expect(f.trace).not.toContain(t.index);

    const monthly = figure(adjusted, 0, 'eligibleMonthly');
    // Wiring: the adjusted average divides by the same covered months as the unadjusted.
    const months = insights.accounts[0]!.eligible.average.months;
    expect(monthly.value).toBe(Math.round(toPaise(f.value as number) / months) / 100);
    expect(monthly.adjustment?.unadjusted).toBe(figure(computed, 0, 'eligibleMonthly').value);

    // Every other figure of every account is as computed.
    const others = (s: SessionSummary) =>
      s.accounts.map((a) =>
        a.sections.map((x) =>
          x.figures.filter((g) => g.key !== 'eligibleCredits' && g.key !== 'eligibleMonthly'),
        ),
      );
    expect(others(adjusted)).toEqual(others(computed));
    expect(adjusted.accounts[1]).toEqual(computed.accounts[1]);

    // The whole session: the accounts' adjusted figures added up; the excluded ones listed.
    const band = adjusted.figures.find((x) => x.key === 'eligibleCredits')!;
    const before = computed.figures.find((x) => x.key === 'eligibleCredits')!;
    expect(toPaise(band.value as number)).toBe(toPaise(before.value as number) - out);
    expect(band.adjustment).toMatchObject({
      unadjusted: before.value,
      unadjustedParts: before.parts,
      excludedParts: [{ accountId: icici.accountId, indices: picked.map((t) => t.index) }],
    });
    expect(band.adjustment!.line).toBe(f.adjustment!.line);
    expect(adjusted.figures.filter((x) => x.adjustment).map((x) => x.key)).toEqual([
      'eligibleCredits',
      'eligibleMonthly',
    ]);
  });

  it('ABB without the transactions excluded from it, as the review computes it', () => {
    const credit = icici.transactions.find((t) => t.type === 'credit' && t.date.slice(8) < '05')!;
    const state = stateOf([exclude(credit.hash, 'abb')]);
    const adjusted = adjustSummary(computed, view, insights, state);
    const abb = adjustedAbb(view, insights, { excludedKeys: new Set([credit.hash]) })[0]!;
    const f = figure(adjusted, 0, 'abb');
    expect(f.value).toBe(abb.adjusted);
    expect(f.value).not.toBe(figure(computed, 0, 'abb').value);
    expect(f.adjustment).toMatchObject({
      unadjusted: figure(computed, 0, 'abb').value,
      excluded: { count: 1, indices: [credit.index] },
      line: 'adjusted by the reviewer: 1 transaction left out of the balances',
    });
    expect(figure(adjusted, 0, 'abbThree').value).toBe(abb.adjustedThree);
    // Eligible credits are not touched by an ABB exclusion.
    expect(figure(adjusted, 0, 'eligibleCredits')).toEqual(figure(computed, 0, 'eligibleCredits'));
  });
});
