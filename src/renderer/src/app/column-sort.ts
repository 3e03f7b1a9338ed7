// Sorting a table by a click on a column's heading, as every sortable table of the app
// does it: the same column again flips the direction, another column starts in its own
// first direction; the heading says which way it sorts (aria-sort) and shows an arrow.
export type SortDirection = 'asc' | 'desc';

export interface ColumnSort<C> {
  readonly column: C;
  readonly direction: SortDirection;
}

export function nextSort<C>(
  current: ColumnSort<C>,
  column: C,
  firstDirection: (column: C) => SortDirection,
): ColumnSort<C> {
  if (current.column === column) {
    return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  }
  return { column, direction: firstDirection(column) };
}

export function ariaSort<C>(
  current: ColumnSort<C>,
  column: C,
): 'ascending' | 'descending' | 'none' {
  if (current.column !== column) return 'none';
  return current.direction === 'asc' ? 'ascending' : 'descending';
}

/** The arrow beside a heading: ▲ ascending, ▼ descending, nothing when not sorted by it. */
export function sortArrow<C>(current: ColumnSort<C>, column: C): string {
  if (current.column !== column) return '';
  return current.direction === 'asc' ? '▲' : '▼';
}
