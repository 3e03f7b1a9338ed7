// The month's last day and a period in words, with the dates worked out by hand.
import { describe, expect, it } from 'vitest';
import { formatDateRange, lastDayOf } from '../../../src/shared/model/calendar';

describe('lastDayOf', () => {
  it('ends each month on its own length, February by the leap-year rule', () => {
    expect(lastDayOf('2023-10')).toBe('2023-10-31');
    expect(lastDayOf('2023-11')).toBe('2023-11-30');
    // 2024 divides by 4: leap. 1900 divides by 100 but not 400: not. 2000 divides by 400: leap.
    expect(lastDayOf('2024-02')).toBe('2024-02-29');
    expect(lastDayOf('1900-02')).toBe('1900-02-28');
    expect(lastDayOf('2000-02')).toBe('2000-02-29');
  });
});

describe('formatDateRange', () => {
  it('says a period by its two days, an unknown end as a dash', () => {
    expect(formatDateRange('2023-10-23', '2024-02-21')).toBe('23 Oct 2023 to 21 Feb 2024');
    expect(formatDateRange('2024-03-01', null)).toBe('01 Mar 2024 to —');
  });
});
