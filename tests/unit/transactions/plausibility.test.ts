// An amount implausible for its account: over 10,000 times the larger of its median
// transaction, its median absolute balance and its limits (at least ₹10,000).
import { describe, expect, it } from 'vitest';
import {
  isImplausible,
  plausibilityOf,
  upperMedian,
} from '../../../src/shared/transactions/plausibility';
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

describe('upperMedian', () => {
  /** The independent answer: sort a copy, take the middle (the upper one of an even count). */
  const bySorting = (values: number[]) =>
    values.length === 0 ? 0 : [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const check = (values: number[]) =>
    expect(upperMedian(Float64Array.from(values), values.length), String(values.slice(0, 8))).toBe(
      bySorting(values),
    );

  it('is the middle value a sort gives, for small and awkward orders', () => {
    // [] -> 0; [7] -> 7; [1, 9] -> 9 (upper); [5, 1, 3] -> 3; [2, 2, 1, 2] -> 2.
    for (const values of [[], [7], [1, 9], [5, 1, 3], [2, 2, 1, 2], [0, 0, 0], [3, 3, 3, 1, 1]])
      check(values);
    const n = 1001;
    const ascending = Array.from({ length: n }, (_, i) => i * 0.01);
    check(ascending);
    check([...ascending].reverse());
    // Organ pipe and sawtooth, two orders that trouble a middle-of-three pivot.
    check(Array.from({ length: n }, (_, i) => Math.min(i, n - 1 - i)));
    check(Array.from({ length: n }, (_, i) => i % 17));
  });

  it('is the middle value a sort gives, for 300 seeded random lists with many repeats', () => {
    let seed = 20_261_207;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 300; round++) {
      const length = Math.floor(next() * 2000);
      // Few distinct amounts in some rounds (repeats), paise-exact rupees in others.
      const distinct = round % 3 === 0 ? 5 : 1_000_000;
      check(Array.from({ length }, () => Math.floor(next() * distinct) / 100));
    }
  });

  it('reads only the first `length` values', () => {
    // The median of [4, 8, 6] is 6; the 100s after them are not counted.
    expect(upperMedian(Float64Array.of(4, 8, 6, 100, 100, 100), 3)).toBe(6);
  });
});
