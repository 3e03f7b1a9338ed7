// Which transactions the table shows: one filter object, one pure function. The renderer
// keeps the filter in its state and calls this; the tests call it directly.
import { channelName } from '../format/channel-names';
import type { CalendarDate } from '../model/calendar';
import { toPaise } from '../model/money';
import type { TransactionType, TransactionView } from '../model/view-model';

export interface TransactionFilter {
  /**
   * Words matched, ignoring case, in narration, ref, counterparty fields, channel (as sent
   * and by its name), category and description.
   */
  readonly text: string;
  /** Inclusive calendar dates; null = open-ended. */
  readonly from: CalendarDate | null;
  readonly to: CalendarDate | null;
  readonly type: TransactionType | null;
  /** Exact channel / category as the API spells them; null = any. */
  readonly channel: string | null;
  readonly category: string | null;
  /** Inclusive bounds on the (positive) amount; null = open-ended. */
  readonly minAmount: number | null;
  readonly maxAmount: number | null;
  /** Only transactions named by a fraud item. */
  readonly fraudOnly: boolean;
}

export const EMPTY_FILTER: TransactionFilter = {
  text: '',
  from: null,
  to: null,
  type: null,
  channel: null,
  category: null,
  minAmount: null,
  maxAmount: null,
  fraudOnly: false,
};

export function isFilterActive(filter: TransactionFilter): boolean {
  return (
    filter.text.trim() !== '' ||
    filter.from !== null ||
    filter.to !== null ||
    filter.type !== null ||
    filter.channel !== null ||
    filter.category !== null ||
    filter.minAmount !== null ||
    filter.maxAmount !== null ||
    filter.fraudOnly
  );
}

/**
 * Fields of `extra` that name the other side of a transaction. The API's own spelling is
 * kept (`reciever_account_number`); the corrected spelling is read too in case it is fixed.
 */
export const COUNTERPARTY_FIELDS = [
  'creditor_name',
  'creditor_upi_handle',
  'creditor_account_number',
  'creditor_bank',
  'receiver_name',
  'receiver_upi_handle',
  'reciever_account_number',
  'receiver_account_number',
  'receiver_bank',
  'merchant_name',
  'merchant_upi_handle',
  'employer_name',
] as const;

// Lower-cased search text per transaction, built once: filtering 200,000 rows on every
// keystroke must not lower-case every narration again.
const haystacks = new WeakMap<TransactionView, string>();

export function searchText(t: TransactionView): string {
  let text = haystacks.get(t);
  if (text === undefined) {
    // The channel also by its name, so "cheque" finds `chq` and "net banking" finds
    // `net_banking_transfer`; the category, so "emi" finds debits categorised "Loan EMI".
    const parts = [t.narration, t.ref, t.channel, channelName(t.channel), t.category];
    if (t.description) parts.push(t.description);
    for (const field of COUNTERPARTY_FIELDS) {
      const value = t.extra[field];
      if (typeof value === 'string' || typeof value === 'number') parts.push(String(value));
    }
    // A separator no query word can contain, so words never match across two fields.
    text = parts.join('\u0000').toLowerCase();
    haystacks.set(t, text);
  }
  return text;
}

function words(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter(Boolean);
}

/** A predicate for one filter; build it once and apply it to every row. */
export function transactionMatcher(filter: TransactionFilter): (t: TransactionView) => boolean {
  const query = words(filter.text);
  const min = filter.minAmount === null ? null : toPaise(filter.minAmount);
  const max = filter.maxAmount === null ? null : toPaise(filter.maxAmount);
  const { from, to, type, channel, category, fraudOnly } = filter;
  return (t) => {
    if (type !== null && t.type !== type) return false;
    if (from !== null && t.date < from) return false;
    if (to !== null && t.date > to) return false;
    if (channel !== null && t.channel !== channel) return false;
    if (category !== null && t.category !== category) return false;
    if (fraudOnly && t.fraudTypes.length === 0) return false;
    if (min !== null || max !== null) {
      const paise = toPaise(t.amount);
      if (min !== null && paise < min) return false;
      if (max !== null && paise > max) return false;
    }
    if (query.length > 0) {
      const haystack = searchText(t);
      for (const word of query) if (!haystack.includes(word)) return false;
    }
    return true;
  };
}

// The search texts of a list of rows, by position. A keystroke then reads an array slot
// per row instead of a WeakMap entry (a third of the time at 200,000 rows). Lists are
// readonly: the table derives a new list whenever its rows or sort change.
const haystackLists = new WeakMap<readonly TransactionView[], readonly string[]>();

function haystacksOf(rows: readonly TransactionView[]): readonly string[] {
  let list = haystackLists.get(rows);
  if (list === undefined) {
    list = rows.map(searchText);
    haystackLists.set(rows, list);
  }
  return list;
}

/** The transactions the filter lets through, in their given order. */
export function filterTransactions(
  transactions: readonly TransactionView[],
  filter: TransactionFilter,
): readonly TransactionView[] {
  if (!isFilterActive(filter)) return transactions;
  const query = words(filter.text);
  if (query.length === 0) return transactions.filter(transactionMatcher(filter));
  // The same test as transactionMatcher(filter), the text part read from haystacksOf.
  const others = transactionMatcher({ ...filter, text: '' });
  const haystacks = haystacksOf(transactions);
  const shown: TransactionView[] = [];
  rows: for (let i = 0; i < transactions.length; i++) {
    const t = transactions[i]!;
    if (!others(t)) continue;
    const haystack = haystacks[i]!;
    for (const word of query) if (!haystack.includes(word)) continue rows;
    shown.push(t);
  }
  return shown;
}
