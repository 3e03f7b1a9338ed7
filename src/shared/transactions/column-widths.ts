// The transaction table's column widths, from the data it holds: each amount column as wide
// as its widest amount (any size and sign), channel (its short name) and category as wide as
// their longest name up to a cap and never narrower than their longest first word, the
// narration taking the rest. Underwriters judge a transaction by its narration, so it is
// given a typical Indian bank narration's width first; Ref shows only where the room is left
// (Indian narrations carry the UTR, RRN or cheque number themselves; Ref stays on hover and
// in the details). Text is measured by the caller (the renderer with the table's font;
// tests count characters).
import { channelShortName } from '../format/channel-names';
import { formatAmount } from '../model/money';
import type { TransactionView } from '../model/view-model';
import type { TransactionColumn } from './sort';

/** Width in CSS pixels of `text` in the table's font (bold: the header's). */
export type Measure = (text: string, bold?: boolean) => number;

/** Cell padding (6 px a side: the table sets its cells' from this) and the sort arrow's room. */
export const CELL_PADDING = 12;
const ARROW = 16;
/** The narration is never squeezed below this: the table scrolls sideways instead. */
export const NARRATION_MIN = 300;
/** Channel and category names longer than this are shortened at a word, in full on hover. */
export const NAME_CAP = 170;
/** A name's first word is never clipped, up to this (past it the data is not a name). */
const WORD_CAP = 260;
const REF_CAP = 150;
/** A typical NEFT/RTGS/IMPS narration (60 characters): the narration's width comes first. */
export const TYPICAL_NARRATION = 'NEFT CR-HDFC0000240-SHREE GANESH TRADING CO-HDFCN52022101234';

/** Widths in CSS pixels, padding included; `narration` is the width it is given first. */
export type ColumnWidths = Readonly<Record<TransactionColumn, number>>;

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
  const widest = (texts: Iterable<string>) => Math.max(0, ...[...texts].map((t) => measure(t)));
  const amounts = widestAmounts(rows);
  const fit = (column: TransactionColumn, content: number, cap = Infinity) =>
    Math.ceil(Math.max(header(column), Math.min(cap, content)) + CELL_PADDING);
  /** Up to the cap, and at least the widest first word with its "…" (never cut inside). */
  const fitNames = (column: 'channel' | 'category', texts: readonly string[]) => {
    const word = widest(texts.map((t) => (firstWord(t) === t ? t : `${firstWord(t)}…`)));
    return Math.max(fit(column, widest(texts), NAME_CAP), fit(column, word, WORD_CAP));
  };
  // Ref and narration are measured on their longest (by characters) texts, to stay cheap
  // at 200,000 rows; the narration is measured up to a typical one's length.
  const typical = TYPICAL_NARRATION.length;
  const longestOf = (texts: (t: TransactionView) => string) => {
    const longest = rows.reduce((n, t) => Math.max(n, texts(t).length), 0);
    const found = new Set<string>();
    for (const t of rows) {
      if (found.size >= 200) break;
      if (texts(t).length >= longest - 3) found.add(texts(t));
    }
    return found;
  };
  const narrations = longestOf((t) => t.narration.slice(0, typical));
  return {
    // Bold: the open row's date is.
    date: fit('date', measure('30 Sep 2023', true)),
    narration: fit('narration', widest(narrations), measure(TYPICAL_NARRATION)),
    ref: fit('ref', widest(longestOf((t) => t.ref)), REF_CAP),
    debit: fit('debit', measure(amounts.debit)),
    credit: fit('credit', measure(amounts.credit)),
    balance: fit('balance', measure(amounts.balance)),
    channel: fitNames('channel', names.channels.map(channelShortName)),
    category: fitNames('category', names.categories),
  };
}

/** What the table shows in a given width: Ref or not, and the width below which it scrolls. */
export interface ColumnPlan {
  /** The narration has its typical width (or its longest) beside every other column but Ref. */
  readonly narrationFits: boolean;
  /** And Ref fits too. */
  readonly ref: boolean;
  /** The table's own minimum width: narrower, it scrolls sideways (NARRATION_MIN kept). */
  readonly minWidth: number;
}

/**
 * The columns for a table `available` px wide; `other` is what the table adds besides these
 * columns (tick, fraud mark, flags). Ref is the column that gives way to the narration.
 */
export function planColumns(widths: ColumnWidths, other: number, available: number): ColumnPlan {
  const rest =
    other +
    widths.date +
    widths.debit +
    widths.credit +
    widths.balance +
    widths.channel +
    widths.category;
  const ref = available >= rest + widths.ref + widths.narration;
  return {
    narrationFits: available >= rest + widths.narration,
    ref,
    minWidth: rest + (ref ? widths.ref : 0) + NARRATION_MIN,
  };
}

/** A name's first word, as fitWords splits it (whitespace only). */
function firstWord(text: string): string {
  return text.split(/\s/, 1)[0] ?? '';
}

/**
 * `text` shortened to whole words that fit `width` (with "…"), or as it is when it fits:
 * a name is never cut inside a word, and a word is what spaces separate ("(NEFT/RTGS/IMPS)"
 * and "Auto-debit" are one each). A first word that does not fit on its own is kept whole
 * (columnWidths makes room for it up to WORD_CAP; the full text is on hover).
 */
export function fitWords(text: string, width: number, measure: Measure): string {
  if (measure(text) <= width) return text;
  const words = text.split(/(?<=\s)/);
  let kept = words[0] ?? '';
  for (const word of words.slice(1)) {
    if (measure(`${kept}${word}`.trimEnd() + '…') > width) break;
    kept += word;
  }
  return `${kept.trimEnd().replace(/[\s/(,-]+$/, '')}…`;
}
