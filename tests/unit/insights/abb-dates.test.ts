// The ABB dates table's columns and headings, with the days counted from the calendar.
import { describe, expect, it } from 'vitest';
import { abbDateColumns, abbDateLabel } from '../../../src/shared/insights/abb-dates';
import type { AbbPoint, MonthBalances } from '../../../src/shared/insights/types';

const monthOf = (days: readonly AbbPoint['day'][]) =>
  ({
    abbPoints: days.map((day) => ({ day, date: '', balance: null })),
  }) as unknown as MonthBalances;
const days = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('abbDateColumns', () => {
  it('takes the longest month: every day of February 2024 (29) and March (31) is 31 columns', () => {
    expect(abbDateColumns([monthOf(days(29)), monthOf(days(31))])).toEqual(days(31));
  });
  it('keeps the six-date set as the policy names it, the last day as `last`', () => {
    expect(abbDateColumns([monthOf([5, 10, 15, 20, 25, 'last'])])).toEqual([
      5,
      10,
      15,
      20,
      25,
      'last',
    ]);
    expect(abbDateColumns([])).toEqual([]);
  });
});

describe('abbDateLabel', () => {
  it('heads a column by its day, never a wrong ordinal (1st, not 1th)', () => {
    expect(abbDateLabel(1)).toBe('Day 1');
    expect(abbDateLabel(22)).toBe('Day 22');
    expect(abbDateLabel('last')).toBe('Last day');
  });
});
