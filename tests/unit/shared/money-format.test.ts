// Money as the screen and the workbook show it: Indian grouping at every size and sign,
// half a paisa away from zero. Expected texts are written out by hand.
import { describe, expect, it } from 'vitest';
import { moneyFormatFor } from '../../../src/core/export/number-formats';
import { formatAmount, formatRupees, toPaise } from '../../../src/shared/model/money';
import { formatCount } from '../../../src/shared/format/value';

describe('Indian grouping on screen', () => {
  it('groups past a hundred crore, both signs', () => {
    // 1,00,00,59,833.82 = 100 crore 59 thousand; the next pairs go on past the crore.
    expect(formatAmount(1000059833.82)).toBe('1,00,00,59,833.82');
    expect(formatAmount(-1000059833.82)).toBe('-1,00,00,59,833.82');
    expect(formatRupees(10000000059833.82)).toBe('₹1,00,00,00,00,59,833.82');
    expect(formatRupees(-961563.86)).toBe('-₹9,61,563.86');
    expect(formatAmount(0)).toBe('0.00');
    expect(formatAmount(999.5)).toBe('999.50');
    expect(formatCount(-1234567)).toBe('-12,34,567');
  });

  it('rounds half a paisa away from zero whatever the sign', () => {
    expect(toPaise(-0.005)).toBe(-1);
    expect(toPaise(0.005)).toBe(1);
    // 1.005 is stored a hair below; as written it is half a paisa: 1.01.
    expect(toPaise(1.005)).toBe(101);
    expect(toPaise(-1.005)).toBe(-101);
    expect(formatAmount(-0.005)).toBe('-0.01');
    expect(formatRupees(-2.675)).toBe('-₹2.68');
    expect(toPaise(-0.004)).toBe(0);
    expect(Object.is(toPaise(-0.004), -0)).toBe(false);
  });
});

describe('Excel money formats', () => {
  it('use one section, so a negative amount groups as its positive', () => {
    for (const v of [5, 99_999.99, 1_00_000, 9_61_563.86, 12_34_56_789.5]) {
      expect(moneyFormatFor(-v)).toBe(moneyFormatFor(v));
      expect(moneyFormatFor(v)).not.toContain(';');
    }
  });

  it('spell out the lakh and crore groups by size', () => {
    expect(moneyFormatFor(-9_61_563.86)).toBe('##\\,##\\,##0.00');
    expect(moneyFormatFor(1_00_00_000)).toBe('##\\,##\\,##\\,##0.00');
    // 99,999.995 shows as 1,00,000.00: a lakh format.
    expect(moneyFormatFor(99_999.995)).toBe('##\\,##\\,##0.00');
    expect(moneyFormatFor(-12.5)).toBe('#,##0.00');
    // 99,99,999.995 shows as 1,00,00,000.00 (half a paisa up, as written): eight digits,
    // three pairs after the last three, a crore format as the screen's 1,00,00,000.00.
    expect(formatAmount(99_99_999.995)).toBe('1,00,00,000.00');
    expect(moneyFormatFor(99_99_999.995)).toBe('##\\,##\\,##\\,##0.00');
  });
});
