// What the table says about the rows it shows: count and debit/credit totals (exact, in
// paise), and the channels and categories the filter can choose from.
import { transactionTotals } from './totals';
import type { TransactionView } from '../model/view-model';

export interface ShownTotals {
  readonly count: number;
  readonly debitCount: number;
  readonly creditCount: number;
  readonly debits: number;
  readonly credits: number;
}

export function totalsOf(rows: readonly TransactionView[]): ShownTotals {
  return { count: rows.length, ...transactionTotals(rows) };
}

export interface FilterChoices {
  readonly channels: readonly string[];
  readonly categories: readonly string[];
  /** First and last transaction dates, for the date inputs' bounds. */
  readonly firstDate: string | null;
  readonly lastDate: string | null;
}

/** Distinct non-empty channels and categories, sorted ignoring case. */
export function filterChoices(rows: readonly TransactionView[]): FilterChoices {
  const channels = new Set<string>();
  const categories = new Set<string>();
  let firstDate: string | null = null;
  let lastDate: string | null = null;
  for (const t of rows) {
    if (t.channel) channels.add(t.channel);
    if (t.category) categories.add(t.category);
    if (firstDate === null || t.date < firstDate) firstDate = t.date;
    if (lastDate === null || t.date > lastDate) lastDate = t.date;
  }
  const byName = (a: string, b: string) => a.toLowerCase().localeCompare(b.toLowerCase());
  return {
    channels: [...channels].sort(byName),
    categories: [...categories].sort(byName),
    firstDate,
    lastDate,
  };
}
