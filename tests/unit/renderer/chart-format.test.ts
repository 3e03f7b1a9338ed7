// Chart axis text at every size and sign: lakh and crore, crores themselves grouped.
import { describe, expect, it } from 'vitest';
import { compactRupees } from '../../../src/renderer/src/report/charts/format';

describe('compactRupees', () => {
  it('writes lakh and crore, and groups crores past a hundred', () => {
    expect(compactRupees(1_250_000)).toBe('₹12.5L');
    expect(compactRupees(-25_000_000)).toBe('-₹2.5Cr');
    // ₹99,99,99,99,99,999.99 is 9,99,999.99... crore: 10,00,000 crore rounded.
    expect(compactRupees(9_999_999_999_999.99)).toBe('₹10,00,000Cr');
    expect(compactRupees(-1_234_500_000_000)).toBe('-₹1,23,450Cr');
  });
});
