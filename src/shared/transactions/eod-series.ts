// The EOD block as chart points: one per calendar day from the first month to the last,
// x = days since 1970 (a time axis without a date library), y = balance or null (a gap).
import { daysInMonth, epochDay, monthRange, type MonthKey } from '../model/calendar';
import type { EodMonthView } from '../model/view-model';

export interface EodPoint {
  readonly x: number;
  readonly y: number | null;
}

export function eodPoints(eod: readonly EodMonthView[]): EodPoint[] {
  if (eod.length === 0) return [];
  const byMonth = new Map<MonthKey, EodMonthView>(eod.map((e) => [e.month, e]));
  const points: EodPoint[] = [];
  for (const month of monthRange(eod[0]!.month, eod[eod.length - 1]!.month)) {
    const balances = byMonth.get(month)?.balances ?? [];
    const first = epochDay(`${month}-01`);
    for (let d = 1; d <= daysInMonth(month); d++) {
      const v = balances[d - 1];
      points.push({ x: first + d - 1, y: typeof v === 'number' && Number.isFinite(v) ? v : null });
    }
  }
  return points;
}

/** Month starts between two epoch days: where the time axis puts its labels. */
export function monthTicks(fromDay: number, toDay: number, months: readonly MonthKey[]): number[] {
  const all = months.map((m) => epochDay(`${m}-01`)).filter((x) => x >= fromDay && x <= toDay);
  // At most about 12 labels: every second or third month on long periods.
  const step = Math.max(1, Math.ceil(all.length / 12));
  return all.filter((_, i) => i % step === 0);
}
