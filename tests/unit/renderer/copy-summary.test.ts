// Copy summary with the reviewer's adjustments: an adjusted figure says so in its cell,
// with the figure as computed beside it; an unadjusted one reads as before.
import { describe, expect, it } from 'vitest';
import { computeSessionInsights, summarizeSession } from '../../../src/shared/insights';
import { formatRupees, fromPaise, toPaise } from '../../../src/shared/model/money';
import { emptyReview } from '../../../src/shared/review/document';
import { reviewState } from '../../../src/shared/review/state';
import { adjustSummary } from '../../../src/shared/review/summary-adjustments';
import { summaryTable } from '../../../src/renderer/src/report/summary/copy-summary';
import { demo } from '../review/helpers';

describe('Copy summary', () => {
  it('marks the figures the reviewer adjusted', () => {
    const { view } = demo('demo-retail');
    const insights = computeSessionInsights(view);
    const computed = summarizeSession(view, insights);
    const eligible = computed.accounts[0]!.sections.flatMap((s) => s.figures).find(
      (f) => f.key === 'eligibleCredits',
    )!;
    const credit = view.accounts[0]!.transactions[eligible.trace[0]!]!;
    const state = reviewState({
      ...emptyReview(view.sessionId),
      events: [
        {
          id: 'e1',
          at: '2026-12-01T10:00:00Z',
          reviewer: 'Asha',
          change: {
            kind: 'exclude',
            key: credit.hash,
            derived: false,
            target: 'eligible',
            on: true,
            seen: null,
          },
        },
      ],
    });
    const rowOf = (s: typeof computed, label: string) =>
      summaryTable(s, 'test').rows.find((r) => r[0] === label)![1];
    const adjusted = adjustSummary(computed, view, insights, state);
    expect(rowOf(computed, 'Eligible credits')).toBe(formatRupees(eligible.value as number));
    expect(rowOf(adjusted, 'Eligible credits')).toBe(
      `${formatRupees(fromPaise(toPaise(eligible.value as number) - toPaise(credit.amount)))} (adjusted by the reviewer; unadjusted ${formatRupees(eligible.value as number)})`,
    );
    expect(rowOf(adjusted, 'Total credits')).toBe(rowOf(computed, 'Total credits'));
  });
});
