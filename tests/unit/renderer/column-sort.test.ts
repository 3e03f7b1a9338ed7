// A click on a column heading, for the transaction table's and the library's columns: the
// same column flips, another starts in its own first direction; the heading says which.
import { describe, expect, it } from 'vitest';
import { ariaSort, nextSort, sortArrow } from '../../../src/renderer/src/app/column-sort';
import { firstDirection as libraryFirst } from '../../../src/shared/library/search';
import {
  DEFAULT_SORT,
  firstDirection,
  type TransactionColumn,
} from '../../../src/shared/transactions/sort';

describe('nextSort', () => {
  it('flips the same column and starts amounts largest first', () => {
    const next = (sort: typeof DEFAULT_SORT, column: TransactionColumn) =>
      nextSort(sort, column, firstDirection);
    expect(next(DEFAULT_SORT, 'date')).toEqual({ column: 'date', direction: 'desc' });
    expect(next(DEFAULT_SORT, 'debit')).toEqual({ column: 'debit', direction: 'desc' });
    expect(next(DEFAULT_SORT, 'narration')).toEqual({ column: 'narration', direction: 'asc' });
    expect(next({ column: 'credit', direction: 'desc' }, 'credit')).toEqual({
      column: 'credit',
      direction: 'asc',
    });
  });

  it("starts the library's names A to Z and its dates newest first", () => {
    const byDate = { column: 'fetchedAt', direction: 'desc' } as const;
    expect(nextSort(byDate, 'holders', libraryFirst)).toEqual({
      column: 'holders',
      direction: 'asc',
    });
    expect(nextSort({ column: 'holders', direction: 'asc' }, 'fetchedAt', libraryFirst)).toEqual({
      column: 'fetchedAt',
      direction: 'desc',
    });
    expect(nextSort(byDate, 'fetchedAt', libraryFirst)).toEqual({
      column: 'fetchedAt',
      direction: 'asc',
    });
  });
});

describe('the heading', () => {
  it('says the sort: aria-sort and the arrow', () => {
    const sort = { column: 'debit', direction: 'desc' } as const;
    expect(ariaSort(sort, 'debit')).toBe('descending');
    expect(sortArrow(sort, 'debit')).toBe('▼');
    expect(ariaSort(sort, 'date')).toBe('none');
    expect(sortArrow(sort, 'date')).toBe('');
    expect(sortArrow({ column: 'date', direction: 'asc' }, 'date')).toBe('▲');
  });
});
