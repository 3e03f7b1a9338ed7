// `monthly_analysis`: each metric's value month by month.
import { jsonPath } from '../../api/json-path';
import { toMonthKey } from '../calendar';
import type { MonthKey } from '../calendar';
import { isRecord } from '../read-values';
import { setOwnField } from '../../json/own-field';
import type { MonthlyAnalysisView } from '../view-model';
import { keepOther } from './context';
import type { Path, BlockContext } from './context';

export function readMonthly(value: unknown, path: Path, ctx: BlockContext): MonthlyAnalysisView {
  const empty: MonthlyAnalysisView = { months: [], metrics: [], values: {} };
  if (value === null || value === undefined) return empty;
  if (!isRecord(value)) {
    ctx.setAside.add(jsonPath(path), value, 'expected {metric: {month: value}}');
    return empty;
  }
  const monthSet = new Set<MonthKey>();
  const metrics: string[] = [];
  const values: Record<string, Record<MonthKey, number | string | null>> = {};
  for (const [metric, byMonth] of Object.entries(value)) {
    if (!isRecord(byMonth)) {
      ctx.setAside.add(jsonPath([...path, metric]), byMonth, 'expected {month: value}');
      continue;
    }
    const row: Record<MonthKey, number | string | null> = {};
    for (const [label, v] of Object.entries(byMonth)) {
      const month = toMonthKey(label);
      if (!month) {
        ctx.setAside.add(
          jsonPath([...path, metric, label]),
          v,
          'expected a month label as Mon-YYYY',
        );
        continue;
      }
      monthSet.add(month);
      if (v === null || typeof v === 'number' || typeof v === 'string') row[month] = v;
      else if (typeof v === 'boolean') row[month] = v ? 'true' : 'false';
      // loan_emi and the like: {lender: [{date, amount}]}; kept whole, shown as a tree.
      else keepOther(ctx, [...path, metric, label], v);
    }
    metrics.push(metric);
    setOwnField(values, metric, row);
  }
  return { months: [...monthSet].sort(), metrics, values };
}
