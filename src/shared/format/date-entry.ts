// Dates as Indian users type and read them: `dd-mm-yyyy` (also with `/` or `.`), never the
// operating system's locale order, where `02/10/2024` would silently mean 10 February.
import type { CalendarDate } from '../model/calendar';
import { daysInMonth, formatMonth } from '../model/calendar';

/** `2024-10-02` -> `02-10-2024`; empty for none. */
export function formatEntryDate(date: CalendarDate | null | undefined): string {
  if (!date) return '';
  return `${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)}`;
}

export type EntryDate =
  | { readonly ok: true; readonly date: CalendarDate | null }
  | { readonly ok: false; readonly message: string };

/** `02-10-2024` -> `2024-10-02`; empty -> null; anything else: one line saying what is wrong. */
export function parseEntryDate(text: string): EntryDate {
  const t = text.trim();
  if (t === '') return { ok: true, date: null };
  const m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  if (!m) return { ok: false, message: 'Enter the date as dd-mm-yyyy, e.g. 23-10-2023' };
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = m[3]!;
  if (month < 1 || month > 12) return { ok: false, message: `There is no month ${month}` };
  const key = `${year}-${String(month).padStart(2, '0')}`;
  if (day < 1 || day > daysInMonth(key))
    return { ok: false, message: `${formatMonth(key)} has no day ${day}` };
  return { ok: true, date: `${key}-${String(day).padStart(2, '0')}` };
}
