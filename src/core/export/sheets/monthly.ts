// `Monthly Analysis`: a row per metric and account, a column per month (oldest to newest),
// with whatever metrics the response carries, grouped as the Monthly tab groups them (the
// API's order inside a group): the group, the readable label and the raw key.
import { groupByLabel, monthlyKeyLabel } from '@shared/format/key-labels';
import type { MonthKey } from '@shared/model/calendar';
import type { Value } from '../cells';
import { labelOf, type ExportContext } from '../context';
import { monthHeader } from '../labels';
import { metricKind } from '../metric-kind';
import { ACCOUNT_COLUMN, type ColumnSpec, type SheetPlan } from '../sheet-writer';

export function monthlyPlan(context: ExportContext): SheetPlan {
  const months = [...new Set(context.accounts.flatMap((a) => a.monthly.months))].sort();
  const columns: ColumnSpec[] = [
    ACCOUNT_COLUMN,
    { header: 'Group', kind: 'text', maxWidth: 24 },
    { header: 'Metric', kind: 'text', maxWidth: 60 },
    { header: 'API field', kind: 'text', maxWidth: 45 },
    ...months.map((m): ColumnSpec => ({ header: monthHeader(m), kind: 'money', minWidth: 12 })),
  ];
  const rowCount = context.accounts.reduce((n, a) => n + a.monthly.metrics.length, 0);
  function* rows(): Generator<Value[]> {
    for (const account of context.accounts) {
      const label = labelOf(context, account.accountId);
      for (const { group, items } of groupByLabel(account.monthly.metrics, monthlyKeyLabel)) {
        for (const { item: metric, label: name } of items) {
          const kind = metricKind(metric);
          const byMonth = account.monthly.values[metric] ?? {};
          yield [
            label,
            group,
            name.label,
            metric,
            ...months.map((m: MonthKey): Value => {
              const v = byMonth[m];
              return typeof v === 'number' ? { kind, value: v } : (v ?? null);
            }),
          ];
        }
      }
    }
  }
  return {
    name: 'Monthly Analysis',
    columns,
    tabular: true,
    rowCount,
    rows,
    emptyNote: 'No monthly analysis in this response.',
  };
}
