// `eod_balances`: the end-of-day balance of every day, month by month.
import { jsonPath } from '../../api/json-path';
import { dayMonthYearToDate, monthOf, toMonthKey } from '../calendar';
import type { MonthKey } from '../calendar';
import { isRecord, readNumber } from '../read-values';
import type { EodMonthView } from '../view-model';
import { keepOther } from './context';
import type { Path, BlockContext } from './context';

export function readEod(value: unknown, path: Path, ctx: BlockContext): EodMonthView[] {
  if (value === null || value === undefined) return [];
  if (!isRecord(value) || !Array.isArray(value['Months_order'])) {
    ctx.setAside.add(jsonPath(path), value, 'expected {Months_order, start_date, <month>: [...]}');
    return [];
  }
  // start_date can have fewer entries than Months_order (a month without transactions):
  // each start date goes to the month it falls in, never by position.
  const startByMonth = new Map<MonthKey, string>();
  const starts = value['start_date'];
  if (Array.isArray(starts)) {
    starts.forEach((s, i) => {
      if (s === null) return;
      const date = typeof s === 'string' ? dayMonthYearToDate(s) : null;
      if (date) startByMonth.set(monthOf(date), date);
      else
        ctx.setAside.add(jsonPath([...path, 'start_date', i]), s, 'expected a date as DD-Mon-YY');
    });
  }
  const out: EodMonthView[] = [];
  const labels = value['Months_order'] as unknown[];
  const listed = new Set<string>();
  labels.forEach((label, i) => {
    const month = typeof label === 'string' ? toMonthKey(label) : null;
    if (!month) {
      ctx.setAside.add(jsonPath([...path, 'Months_order', i]), label, 'expected a month as Mon-YY');
      return;
    }
    listed.add(label as string);
    const series = value[label as string];
    const balances: (number | null)[] = [];
    if (Array.isArray(series)) {
      series.forEach((b, d) => {
        const n = readNumber(b);
        if (n === undefined) {
          ctx.setAside.add(jsonPath([...path, label as string, d]), b, 'expected a balance');
          balances.push(null);
        } else balances.push(n);
      });
    } else if (series !== undefined && series !== null) {
      ctx.setAside.add(
        jsonPath([...path, label as string]),
        series,
        'expected a list of daily balances',
      );
    }
    out.push({
      month,
      label: label as string,
      startDate: startByMonth.get(month) ?? null,
      balances,
    });
  });
  for (const key of Object.keys(value)) {
    if (key === 'Months_order' || key === 'start_date' || listed.has(key)) continue;
    keepOther(ctx, [...path, key], value[key]);
  }
  return out.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
}
