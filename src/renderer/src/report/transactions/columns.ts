// The transaction table's columns: header text, sort key, width and alignment. Widths are
// fixed so that a 40,000-character narration is clipped, never widening the table.
import type { TransactionColumn } from '@shared/transactions/sort';

export interface ColumnInfo {
  readonly id: TransactionColumn;
  readonly label: string;
  /** CSS width; the narration column takes what is left. */
  readonly width: string | null;
  readonly numeric: boolean;
}

export const COLUMNS: readonly ColumnInfo[] = [
  { id: 'date', label: 'Date', width: '112px', numeric: false },
  { id: 'narration', label: 'Narration', width: null, numeric: false },
  { id: 'ref', label: 'Ref', width: '116px', numeric: false },
  { id: 'debit', label: 'Debit (₹)', width: '110px', numeric: true },
  { id: 'credit', label: 'Credit (₹)', width: '110px', numeric: true },
  { id: 'balance', label: 'Balance (₹)', width: '128px', numeric: true },
  { id: 'channel', label: 'Channel', width: '148px', numeric: false },
  { id: 'category', label: 'Category', width: '148px', numeric: false },
];

/** Row height in pixels: fixed, so the virtualiser never has to measure. */
export const ROW_HEIGHT = 24;
/** The sticky header's height, which the virtualiser counts as padding before row 0. */
export const HEADER_HEIGHT = 34;
