// The transaction table's column widths, from the data it holds: each amount column as wide
// as its widest amount (any size and sign), channel and category as wide as their longest
// name up to a cap, the narration taking the rest (never less than NARRATION_MIN). Text is
// measured by the caller (the renderer measures with the table's font; tests count chars).
import { channelName } from '../format/channel-names';
import { formatAmount } from '../model/money';
import type { TransactionView } from '../model/view-model';
import type { TransactionColumn } from './sort';

/** Width in CSS pixels of `text` in the table's font (bold: the header's). */
export type Measure = (text: string, bold?: boolean) => number;

/** Cell padding (8 px a side) and the sort arrow's room beside a header label. */
export const CELL_PADDING = 16;
const ARROW = 16;
/** The narration is never squeezed below this: the table scrolls sideways instead. */
export const NARRATION_MIN = 300;
/** Channel and category names longer than this are shortened at a word, in full on hover. */
export const NAME_CAP = 170;
const REF_CAP = 130;

export type ColumnWidths = Readonly<Record<Exclude<TransactionColumn, 'narration'>, number>>;

/** The longest (by characters) amount text of a column: its largest value and its most negative. */
function widestAmounts(rows: readonly TransactionView[]): {
  debit: string;
  credit: string;
  balance: string;
} {
  let debit = 0;
  let credit = 0;
  let high = 0;
  let low = 0;
  for (const t of rows) {
    if (t.type === 'debit') debit = Math.max(debit, t.amount);
    else credit = Math.max(credit, t.amount);
    if (t.balance !== null && Number.isFinite(t.balance)) {
      high = Math.max(high, t.balance);
      low = Math.min(low, t.balance);
    }
  }
  const longer = (a: string, b: string) => (b.length > a.length ? b : a);
  return {
    debit: formatAmount(debit),
    credit: formatAmount(credit),
    balance: longer(formatAmount(high), formatAmount(low)),
  };
}

export function columnWidths(
  rows: readonly TransactionView[],
  names: { readonly channels: readonly string[]; readonly categories: readonly string[] },
  labels: Readonly<Record<TransactionColumn, string>>,
  measure: Measure,
): ColumnWidths {
  const header = (column: TransactionColumn) => measure(labels[column], true) + ARROW;
  const widest = (texts: readonly string[]) => Math.max(0, ...texts.map((t) => measure(t)));
  const amounts = widestAmounts(rows);
  const fit = (column: TransactionColumn, content: number, cap = Infinity) =>
    Math.ceil(Math.max(header(column), Math.min(cap, content)) + CELL_PADDING);
  // The widest ref, measured on the longest (by characters) to stay cheap at 200,000 rows.
  const longest = rows.reduce((n, t) => Math.max(n, t.ref.length), 0);
  const longRefs = new Set<string>();
  for (const t of rows) {
    if (t.ref.length >= longest - 3 && longRefs.size < 200) longRefs.add(t.ref);
  }
  const refs = widest([...longRefs]);
  return {
    // Bold: the open row's date is.
    date: fit('date', measure('30 Sep 2023', true)),
    ref: fit('ref', refs, REF_CAP),
    debit: fit('debit', measure(amounts.debit)),
    credit: fit('credit', measure(amounts.credit)),
    balance: fit('balance', measure(amounts.balance)),
    channel: fit('channel', widest(names.channels.map(channelName)), NAME_CAP),
    category: fit('category', widest(names.categories), NAME_CAP),
  };
}

/**
 * `text` shortened to whole words that fit `width` (with "…"), or as it is when it fits:
 * a name is never cut inside a word. A first word that does not fit on its own is kept
 * whole (the cell clips it; the full text is on hover).
 */
export function fitWords(text: string, width: number, measure: Measure): string {
  if (measure(text) <= width) return text;
  const words = text.split(/(?<=[\s/(),-])/);
  let kept = words[0] ?? '';
  for (const word of words.slice(1)) {
    if (measure(`${kept}${word}`.trimEnd() + '…') > width) break;
    kept += word;
  }
  return `${kept.trimEnd().replace(/[\s/(,-]+$/, '')}…`;
}
