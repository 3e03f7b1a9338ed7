// The coverage strip's geometry: the months from the first to the last one the account
// touches, each as a share of the whole period, and the missing-data gaps placed on it.
import {
  daysInMonth,
  epochDay,
  formatMonth,
  lastDayOf,
  monthOf,
  monthRange,
  type CalendarDate,
  type MonthKey,
} from '../model/calendar';
import type { AccountView, MissingRange } from '../model/view-model';

export interface CoverageMonth {
  readonly month: MonthKey;
  readonly label: string;
  readonly covered: boolean;
  /** Percent of the strip's width. */
  readonly left: number;
  readonly width: number;
}

export interface CoverageGap {
  readonly range: MissingRange;
  readonly days: number;
  readonly left: number;
  readonly width: number;
}

export interface Coverage {
  readonly first: CalendarDate;
  readonly last: CalendarDate;
  readonly months: readonly CoverageMonth[];
  readonly gaps: readonly CoverageGap[];
}

export function coverageOf(account: AccountView): Coverage | null {
  const d = account.details;
  const monthKeys = new Set<MonthKey>(d.months);
  for (const e of account.eod) monthKeys.add(e.month);
  const touched = [...monthKeys];
  for (const r of d.missingData) touched.push(monthOf(r.from), monthOf(r.to));
  if (touched.length === 0) return null;
  touched.sort();
  const months = monthRange(touched[0]!, touched[touched.length - 1]!);
  const first = `${months[0]!}-01`;
  const lastMonth = months[months.length - 1]!;
  const last = lastDayOf(lastMonth);
  const start = epochDay(first);
  const span = epochDay(last) - start + 1;
  const pct = (days: number) => (days / span) * 100;
  return {
    first,
    last,
    months: months.map((month) => ({
      month,
      label: formatMonth(month),
      covered: monthKeys.has(month),
      left: pct(epochDay(`${month}-01`) - start),
      width: pct(daysInMonth(month)),
    })),
    gaps: d.missingData.map((range) => {
      const from = Math.max(epochDay(range.from), start);
      const to = Math.min(epochDay(range.to), start + span - 1);
      const days = Math.max(0, epochDay(range.to) - epochDay(range.from) + 1);
      return { range, days, left: pct(from - start), width: pct(Math.max(0, to - from + 1)) };
    }),
  };
}
