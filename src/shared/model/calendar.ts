// Calendar dates and months as plain strings: no Date objects, so no time zone can
// move a day.

/** `YYYY-MM-DD` */
export type CalendarDate = string;
/** `YYYY-MM` */
export type MonthKey = string;

export const MONTH_ABBREVIATIONS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

const MONTH_INDEX: Readonly<Record<string, number>> = Object.fromEntries(
  MONTH_ABBREVIATIONS.map((m, i) => [m.toLowerCase(), i + 1]),
);

/** `7` -> `07`: a month, a day, an hour as dates and times write them. */
export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(month: MonthKey): number {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  if (m === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** `2024-02` -> `2024-02-29`: the month's last day. */
export function lastDayOf(month: MonthKey): CalendarDate {
  return `${month}-${pad2(daysInMonth(month))}`;
}

/** `2023-10-23 00:00:00` or `2023-10-23` -> `2023-10-23`; null when not a real date. */
export function toCalendarDate(apiDate: string | null | undefined): CalendarDate | null {
  if (!apiDate) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(apiDate);
  if (!match) return null;
  const [, y, m, d] = match;
  const day = Number(d);
  const month = `${y}-${m}`;
  if (Number(m) < 1 || Number(m) > 12 || day < 1 || day > daysInMonth(month)) return null;
  return `${y}-${m}-${d}`;
}

/**
 * The API labels months three ways: `2023-10`, `Oct-2023` and `Oct-23`. All become
 * `2023-10`; anything else gives null.
 */
export function toMonthKey(label: string | null | undefined): MonthKey | null {
  if (!label) return null;
  const iso = /^(\d{4})-(\d{2})$/.exec(label);
  if (iso) {
    const m = Number(iso[2]);
    return m >= 1 && m <= 12 ? label : null;
  }
  const named = /^([A-Za-z]{3})-(\d{2}|\d{4})$/.exec(label);
  if (!named) return null;
  const m = MONTH_INDEX[named[1]!.toLowerCase()];
  if (!m) return null;
  const yearText = named[2]!;
  // Two-digit years are this century's: statements are recent.
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  return `${year}-${pad2(m)}`;
}

/** `23-Oct-23` (the EOD block's `start_date`) -> `2023-10-23`. */
export function dayMonthYearToDate(label: string | null | undefined): CalendarDate | null {
  if (!label) return null;
  const match = /^(\d{1,2})-([A-Za-z]{3})-(\d{2}|\d{4})$/.exec(label);
  if (match) {
    const month = toMonthKey(`${match[2]}-${match[3]}`);
    if (!month) return null;
    return toCalendarDate(`${month}-${pad2(Number(match[1]))}`);
  }
  return toCalendarDate(label);
}

/**
 * Any date FinBox sends, as a calendar date: `YYYY-MM-DD HH:MM:SS`, `YYYY-MM-DD`, ISO 8601
 * (`2023-10-23T00:00:00`, with or without a zone: the date is taken as written, never
 * shifted), `DD-Mon-YY` / `DD-Mon-YYYY` (top credits/debits, EOD) and `DD/MM/YYYY`
 * (statement ranges: FinBox writes day first). Null for anything else or an impossible day.
 */
export function readApiDate(text: string | null | undefined): CalendarDate | null {
  if (!text) return null;
  // A statement repeats a few hundred dates over thousands of rows: remembered, a date is
  // read once (this runs for each of 200,000 transactions).
  const known = DATE_CACHE.get(text);
  if (known !== undefined) return known;
  const date = readDateUncached(text);
  if (DATE_CACHE.size >= DATE_CACHE_LIMIT) DATE_CACHE.clear();
  DATE_CACHE.set(text, date);
  return date;
}

const DATE_CACHE = new Map<string, CalendarDate | null>();
const DATE_CACHE_LIMIT = 20_000;

function readDateUncached(text: string): CalendarDate | null {
  const iso =
    /^(\d{4}-\d{2}-\d{2})(?:$|[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?$)/.exec(
      text,
    );
  if (iso) return toCalendarDate(iso[1]);
  const named = /^(\d{1,2})-([A-Za-z]{3})-(\d{2}|\d{4})$/.exec(text);
  if (named) return dayMonthYearToDate(text);
  const slashed = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (slashed) {
    return toCalendarDate(`${slashed[3]}-${pad2(Number(slashed[2]))}-${pad2(Number(slashed[1]))}`);
  }
  return null;
}

export function monthOf(date: CalendarDate): MonthKey {
  return date.slice(0, 7);
}

export function dayOf(date: CalendarDate): number {
  return Number(date.slice(8, 10));
}

/** `2023-10` -> `Oct 2023` */
export function formatMonth(month: MonthKey): string {
  const m = Number(month.slice(5, 7));
  return `${MONTH_ABBREVIATIONS[m - 1] ?? '?'} ${month.slice(0, 4)}`;
}

/** `2023-10-23` -> `23 Oct 2023` */
export function formatDate(date: CalendarDate | null | undefined): string {
  if (!date) return '—';
  return `${date.slice(8, 10)} ${formatMonth(date.slice(0, 7))}`;
}

/** `2023-10-23`, `2024-02-21` -> `23 Oct 2023 to 21 Feb 2024`: a period, its ends as formatDate says them. */
export function formatDateRange(
  from: CalendarDate | null | undefined,
  to: CalendarDate | null | undefined,
): string {
  return `${formatDate(from)} to ${formatDate(to)}`;
}

export function nextMonth(month: MonthKey): MonthKey {
  let y = Number(month.slice(0, 4));
  let m = Number(month.slice(5, 7)) + 1;
  if (m > 12) {
    m = 1;
    y += 1;
  }
  return `${y}-${pad2(m)}`;
}

/** Every month from `first` to `last`, inclusive. */
export function monthRange(first: MonthKey, last: MonthKey): MonthKey[] {
  const out: MonthKey[] = [];
  for (let m = first; m <= last && out.length < 1200; m = nextMonth(m)) out.push(m);
  return out;
}

/** Days since 1970-01-01 for a calendar date, computed without the local time zone. */
export function epochDay(date: CalendarDate): number {
  return Math.floor(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) /
      86_400_000,
  );
}

export function fromEpochDay(day: number): CalendarDate {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
