// An amount implausible for its account: over 10,000 times the larger of its median
// transaction, its median absolute balance and its limits (at least ₹10,000).
import { describe, expect, it } from 'vitest';
import { isImplausible, plausibilityOf } from '../../../src/shared/transactions/plausibility';
import { tx } from './helpers';

const account = (amounts: number[], balances: number[], odLimit: number | null = null) => ({
  transactions: amounts.map((amount, i) => tx({ index: i, amount, balance: balances[i] ?? null })),
  details: { odLimit, creditLimit: null },
});

describe('plausibilityOf', () => {
  it('scales with the median transaction and balance, never below ₹10,000', () => {
    // Median amount 2,000 (of 500, 2,000, 9,000); median |balance| 50,000 (of 40,000,
    // 50,000, 60,000): scale 50,000, ceiling 50,000 x 10,000 = 50,00,00,000.
    const p = plausibilityOf(account([500, 2000, 9000], [40000, -50000, 60000]));
    expect(p.ceiling).toBe(500_000_000);
    expect(isImplausible(500_000_000, p)).toBe(false);
    expect(isImplausible(500_000_000.01, p)).toBe(true);
    expect(isImplausible(-9_999_999_999_999.99, p)).toBe(true);
    expect(isImplausible(null, p)).toBe(false);
    // Tiny account: the floor of 10,000 gives a ceiling of 10,00,00,000.
    expect(plausibilityOf(account([10, 20], [5, 6])).ceiling).toBe(100_000_000);
  });

  it('counts an overdraft limit as the account’s scale', () => {
    // OD limit 5,00,000 beats median balance 50,000: ceiling 5,00,000 x 10,000.
    expect(plausibilityOf(account([2000], [50000], 500_000)).ceiling).toBe(5_000_000_000);
  });
});
