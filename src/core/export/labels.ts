// How accounts, months and instants are named in the workbook. An account is named by its
// bank and the last four digits of its number (as underwriters refer to it), made unique
// with the start of its id when two accounts would read the same.
import { formatMonth, MONTH_ABBREVIATIONS, pad2, type CalendarDate } from '@shared/model/calendar';
import type { AccountView, SessionView } from '@shared/model/view-model';
import { maskedNumber } from '@shared/format/value';
import { formatMonthList } from '@shared/library/search';

/** `50100199733559` -> `XXXXXXXX3559`, masked as the library and the report view mask it. */
export function maskAccountNumber(number: string | null | undefined): string | null {
  return number ? maskedNumber(number) : null;
}

function baseLabel(bank: string | null, number: string | null, accountId: string): string {
  const last4 = number ? number.slice(-4) : null;
  if (bank && last4) return `${bank.toUpperCase()} ${last4.padStart(4, 'X')}`;
  if (last4) return `XX${last4}`;
  return bank ? `${bank.toUpperCase()} ${accountId.slice(0, 8)}` : accountId;
}

/** Account id -> label, for every account in the data and in the status response. */
export function accountLabels(view: SessionView): Map<string, string> {
  const entries: { id: string; base: string }[] = [];
  const seen = new Set<string>();
  const add = (id: string, bank: string | null, number: string | null) => {
    if (seen.has(id)) return;
    seen.add(id);
    entries.push({ id, base: baseLabel(bank, number, id) });
  };
  for (const a of view.accounts) add(a.accountId, a.details.bank, a.details.accountNumber);
  for (const a of view.status?.accounts ?? []) add(a.accountId, a.bankName, a.accountNumber);
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.base, (counts.get(e.base) ?? 0) + 1);
  return new Map(
    entries.map((e) => [
      e.id,
      counts.get(e.base)! > 1 ? `${e.base} (${e.id.slice(0, 8)})` : e.base,
    ]),
  );
}

export function monthHeader(month: string): string {
  return formatMonth(month);
}

export function monthsCovered(account: AccountView): string | null {
  const months = account.details.months;
  return months.length === 0 ? null : formatMonthList(months);
}

/** `2024-02-21` -> `21-Feb-2024`, as the date cells show it. */
export function dayLabel(date: CalendarDate): string {
  const m = MONTH_ABBREVIATIONS[Number(date.slice(5, 7)) - 1] ?? '?';
  return `${date.slice(8, 10)}-${m}-${date.slice(0, 4)}`;
}

/**
 * An instant in the reader's local time with its offset: `22-Apr-2024 15:45:10 (UTC+05:30)`.
 * Text, not a date cell: a workbook cell has no time zone to carry.
 */
export function instantLabel(iso: string): string | null {
  const when = new Date(iso);
  if (iso === '' || Number.isNaN(when.getTime())) return iso === '' ? null : iso;
  const offset = -when.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const day = dayLabel(
    `${when.getFullYear()}-${pad2(when.getMonth() + 1)}-${pad2(when.getDate())}`,
  );
  const time = `${pad2(when.getHours())}:${pad2(when.getMinutes())}:${pad2(when.getSeconds())}`;
  return `${day} ${time} (UTC${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)})`;
}
