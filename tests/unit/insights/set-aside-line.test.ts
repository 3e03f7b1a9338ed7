// The sentence that reports items set aside, in the singular and the plural, and as the
// Summary's data-trust reason says it.
import { describe, expect, it } from 'vitest';
import { computeSessionInsights, summarizeSession } from '../../../src/shared/insights';
import { setAsideLine } from '../../../src/shared/model/unreadable';
import { demo } from '../review/helpers';

describe('setAsideLine', () => {
  it('agrees with its count', () => {
    expect(setAsideLine(1)).toBe('1 item could not be read and was set aside');
    expect(setAsideLine(3, 'of the response')).toBe(
      '3 items of the response could not be read and were set aside',
    );
  });

  it("is the Summary's trust reason for one item set aside (was, not were)", () => {
    const { view } = demo('demo-business');
    const oneUnread = {
      ...view,
      unreadable: [
        { path: '$.accounts["a"].transactions[3].amount', value: '"n/a"', reason: 'a number' },
      ],
    };
    const summary = summarizeSession(oneUnread, computeSessionInsights(oneUnread));
    expect(summary.trust.reasons.map((r) => r.text)).toContain(
      '1 item in the response could not be read and was set aside.',
    );
  });
});
