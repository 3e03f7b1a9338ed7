// The transaction table's columns: header text, sort key and alignment. Widths come from the
// data (@shared/transactions/column-widths) and are fixed, so a 40,000-character narration
// is clipped, never widening the table.
import type { TransactionColumn } from '@shared/transactions/sort';

export interface ColumnInfo {
  readonly id: TransactionColumn;
  readonly label: string;
  readonly numeric: boolean;
}

export const COLUMNS: readonly ColumnInfo[] = [
  { id: 'date', label: 'Date', numeric: false },
  { id: 'narration', label: 'Narration', numeric: false },
  { id: 'ref', label: 'Ref', numeric: false },
  { id: 'debit', label: 'Debit (₹)', numeric: true },
  { id: 'credit', label: 'Credit (₹)', numeric: true },
  { id: 'balance', label: 'Balance (₹)', numeric: true },
  { id: 'channel', label: 'Channel', numeric: false },
  { id: 'category', label: 'Category', numeric: false },
];

export const COLUMN_LABELS = Object.fromEntries(COLUMNS.map((c) => [c.id, c.label])) as Record<
  TransactionColumn,
  string
>;

/** Row height in pixels: fixed, so the virtualiser never has to measure. */
export const ROW_HEIGHT = 24;
/** The sticky header's height, which the virtualiser counts as padding before row 0. */
export const HEADER_HEIGHT = 34;
