// Search and sort of the library list: pure functions the list view calls.
import { plural } from '../format/value';
import { formatMonth, type MonthKey } from '../model/calendar';
import type { LibraryEntry } from '../ipc/contract';

export type LibraryColumn =
  | 'sessionId'
  | 'holders'
  | 'banks'
  | 'accountCount'
  | 'months'
  | 'fetchedAt'
  | 'snapshotCount'
  | 'size';

export type SortDirection = 'asc' | 'desc';

/**
 * Every word of the query must match the session id, a holder name or a bank (as a
 * substring, ignoring case), or the last digits of an account number (a digits-only word).
 */
export function matchesQuery(entry: LibraryEntry, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const haystack = [entry.sessionId, ...entry.holderNames, ...entry.banks].map((s) =>
    s.toLowerCase(),
  );
  return words.every(
    (word) =>
      haystack.some((field) => field.includes(word)) ||
      (/^\d+$/.test(word) && entry.accountNumbers.some((n) => n.endsWith(word))),
  );
}

export function filterEntries(entries: readonly LibraryEntry[], query: string): LibraryEntry[] {
  return query.trim() === '' ? [...entries] : entries.filter((e) => matchesQuery(e, query));
}

type Key = string | number;

function keyOf(entry: LibraryEntry, column: LibraryColumn): Key {
  switch (column) {
    case 'sessionId':
      return entry.sessionId.toLowerCase();
    case 'holders':
      return entry.holderNames.join(', ').toLowerCase();
    case 'banks':
      return entry.banks.join(', ').toLowerCase();
    case 'accountCount':
      return entry.accountCount;
    case 'months':
      return entry.months.count;
    case 'fetchedAt':
      return entry.latestFetchedAt;
    case 'snapshotCount':
      return entry.snapshotCount;
    case 'size':
      return entry.sizeBytes;
  }
}

/** The direction a column starts in when first clicked: names A to Z, dates and sizes newest and largest first. */
export function firstDirection(column: LibraryColumn): SortDirection {
  return column === 'sessionId' || column === 'holders' || column === 'banks' ? 'asc' : 'desc';
}

/** A stable sort by one column; ties keep the session id order so the list never jumps. */
export function sortEntries(
  entries: readonly LibraryEntry[],
  column: LibraryColumn,
  direction: SortDirection,
): LibraryEntry[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...entries].sort((a, b) => {
    const ka = keyOf(a, column);
    const kb = keyOf(b, column);
    if (ka !== kb) return (ka < kb ? -1 : 1) * sign;
    return a.sessionId < b.sessionId ? -1 : a.sessionId > b.sessionId ? 1 : 0;
  });
}

/** 1536 -> "1.5 KB": sizes in the list. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** `Oct 2023 to Feb 2024 (5 months)`, or a dash when no month is known. */
export function formatMonths(months: LibraryEntry['months']): string {
  if (!months.first) return '—';
  const n = plural(months.count, 'month');
  return months.first === months.last
    ? `${formatMonth(months.first)} (${n})`
    : `${formatMonth(months.first)} to ${formatMonth(months.last ?? months.first)} (${n})`;
}

/** Months in order (an account's statement months), as formatMonths says them. */
export function formatMonthList(months: readonly MonthKey[]): string {
  return formatMonths({
    first: months[0] ?? null,
    last: months.at(-1) ?? null,
    count: months.length,
  });
}
