// `EOD Balances`: for each account, day 1..31 down and months across, then each month's
// average, minimum and maximum and its ABB (the balances on the 5th, 10th, 15th, 20th, 25th
// and last day, averaged), and the same figures over all months. Days without a balance
// are blank and left out of every figure, never counted as zero.
import { daysInMonth } from '@shared/model/calendar';
import type { AccountView } from '@shared/model/view-model';
import { ABB_DAYS, eodMonthStats } from '@shared/transactions/eod-stats';
import { typed, type SheetRow, type Value } from '../cells';
import { labelOf, type ExportContext } from '../context';
import { monthHeader } from '../labels';
import type { ColumnSpec, SheetPlan } from '../sheet-writer';

function averageOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let paise = 0;
  for (const v of values) paise += Math.round(v * 100);
  return Math.round(paise / values.length) / 100;
}

function isBalance(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function accountRows(account: AccountView, label: string): SheetRow[] {
  const rows: SheetRow[] = [{ style: 'title', cells: [`${label} — end-of-day balances`] }];
  const months = account.eod;
  if (months.length === 0) {
    rows.push({ style: 'note', cells: ['No end-of-day balances for this account.'] });
    return rows;
  }
  rows.push({
    style: 'header',
    cells: ['Day', ...months.map((m) => monthHeader(m.month)), 'All months'],
  });
  for (let day = 1; day <= 31; day++) {
    rows.push([
      typed.count(day),
      ...months.map((m) =>
        day <= daysInMonth(m.month) && isBalance(m.balances[day - 1])
          ? typed.money(m.balances[day - 1])
          : null,
      ),
    ]);
  }
  const stats = months.map((m) => eodMonthStats(m.month, m.balances));
  const everyDay = months.flatMap((m) =>
    m.balances.slice(0, daysInMonth(m.month)).filter(isBalance),
  );
  const abbDays = months.flatMap((m) =>
    ABB_DAYS.map((d) => m.balances[(d === 0 ? daysInMonth(m.month) : d) - 1]).filter(isBalance),
  );
  const line = (name: string, values: Value[], overall: Value): SheetRow => ({
    style: 'total',
    cells: [name, ...values, overall],
  });
  rows.push(
    line(
      'Average',
      stats.map((s) => typed.money(s.average)),
      typed.money(averageOf(everyDay)),
    ),
    line(
      'Minimum',
      stats.map((s) => typed.money(s.minimum)),
      typed.money(everyDay.length ? Math.min(...everyDay) : null),
    ),
    line(
      'Maximum',
      stats.map((s) => typed.money(s.maximum)),
      typed.money(everyDay.length ? Math.max(...everyDay) : null),
    ),
    line(
      'ABB (5th, 10th, 15th, 20th, 25th, last day)',
      stats.map((s) => typed.money(s.abb)),
      typed.money(averageOf(abbDays)),
    ),
    ['Days with a balance', ...stats.map((s) => typed.count(s.days)), typed.count(everyDay.length)],
    [
      'ABB days with a balance (of 6)',
      ...stats.map((s) => typed.count(s.abbDays)),
      typed.count(abbDays.length),
    ],
  );
  return rows;
}

export function eodPlan(context: ExportContext): SheetPlan {
  const withEod = context.accounts.filter((a) => a.eod.length > 0);
  const rows: SheetRow[] = [];
  if (withEod.length > 0) {
    context.accounts.forEach((account, i) => {
      if (i > 0) rows.push([]);
      rows.push(...accountRows(account, labelOf(context, account.accountId)));
    });
  }
  const widest = Math.max(0, ...context.accounts.map((a) => a.eod.length));
  const columns: ColumnSpec[] = [
    { header: '', kind: 'count', minWidth: 12, maxWidth: 44 },
    ...Array.from({ length: widest + 1 }, (): ColumnSpec => ({
      header: '',
      kind: 'money',
      minWidth: 13,
      maxWidth: 18,
    })),
  ];
  return {
    name: 'EOD Balances',
    columns,
    tabular: false,
    rowCount: rows.length,
    rows: () => rows,
    emptyNote: 'No end-of-day balances in this response.',
    freeze: context.accounts.length === 1 ? { rows: 2, columns: 1 } : { rows: 0, columns: 1 },
  };
}
