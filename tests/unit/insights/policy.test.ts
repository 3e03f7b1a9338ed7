import { describe, expect, it } from 'vitest';
import { abbDaysOf, DEFAULT_POLICY, policyFrom } from '../../../src/shared/insights/policy';
import { creditPolicySchema } from '../../../src/shared/insights/policy-schema';

describe('credit policy', () => {
  it('defaults to the six-day ABB, pro-rated partial months, cash eligible, FOIR 50% of eligible credits', () => {
    expect(DEFAULT_POLICY).toEqual({
      name: 'Default policy',
      abbDays: 'six',
      partialMonths: 'prorate',
      cashDepositsEligible: true,
      foirLimit: 0.5,
      foirIncomeBasis: 'eligible_credits',
    });
  });

  it('fills what a file leaves out from the defaults', () => {
    const input = creditPolicySchema.parse({ name: 'LAP', abbDays: 'three', foirLimit: 0.6 });
    expect(policyFrom(input)).toEqual({
      ...DEFAULT_POLICY,
      name: 'LAP',
      abbDays: 'three',
      foirLimit: 0.6,
    });
  });

  it('refuses unknown settings and out-of-range values', () => {
    expect(creditPolicySchema.safeParse({ abbDay: 'six' }).success).toBe(false);
    expect(creditPolicySchema.safeParse({ abbDays: 'four' }).success).toBe(false);
    expect(creditPolicySchema.safeParse({ foirLimit: 50 }).success).toBe(false);
    expect(creditPolicySchema.safeParse({ foirLimit: 0 }).success).toBe(false);
    expect(creditPolicySchema.safeParse({ name: '  ' }).success).toBe(false);
  });

  it('names the ABB days of a month', () => {
    // February 2024 has 29 days: the six-day set ends on the 29th.
    expect(abbDaysOf('six', 29)).toEqual([5, 10, 15, 20, 25, 29]);
    expect(abbDaysOf('three', 31)).toEqual([5, 15, 25]);
    expect(abbDaysOf('every', 30)).toHaveLength(30);
  });
});
