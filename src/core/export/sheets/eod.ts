// `EOD Balances`: for each account, day 1..31 down and months across, then each month's
// average, minimum, maximum and ABB, and the same figures over all months. The figures are
// the insights' own (src/shared/insights/balances.ts), so this sheet, the Summary and the
// Insights sheet show one value for each: a month without FinBox's EOD series is rebuilt
// from the running balances and says so; days without a balance are blank and left out of
// every figure, never counted as zero.
import { daysInMonth } from '@shared/model/calendar';
import type { AccountInsights } from '@shared/insights';
import { abbLabel } from '@shared/insights/policy';
import type { AccountView } from '@shared/model/view-model';
import { typed, type SheetRow, type Value } from '../cells';
import { labelOf, type ExportContext } from '../context';
import { monthHeader } from '../labels';
import { insightsFor } from './insights';
import { BALANCE_SOURCE_LABELS } from '@shared/insights/abb-dates';
import type { ColumnSpec, SheetPlan } from '../sheet-writer';

function hasBalances(a: AccountInsights | undefined): boolean {
  return a?.balances.months.some((m) => m.source !== 'none') ?? false;
}

function accountRows(a: AccountInsights | undefined, label: string): SheetRow[] {
  const rows: SheetRow[] = [{ style: 'title', cells: [`${label} — end-of-day balances`] }];
  if (!a || !hasBalances(a)) {
    rows.push({ style: 'note', cells: ['No end-of-day balances for this account.'] });
    return rows;
  }
  const { months, period } = a.balances;
  rows.push({
    style: 'header',
    cells: ['Day', ...months.map((m) => monthHeader(m.month)), 'All months'],
  });
  for (let day = 1; day <= 31; day++) {
    rows.push([
      typed.count(day),
      ...months.map((m) => (day <= daysInMonth(m.month) ? typed.money(m.daily[day - 1]) : null)),
    ]);
  }
  const line = (name: string, values: Value[], overall: Value): SheetRow => ({
    style: 'total',
    cells: [name, ...values, overall],
  });
  const abbDaysWith = (m: (typeof months)[number]) => m.abbPoints.filter((p) => p.balance).length;
  const partial = a.policy.partialMonths === 'prorate' ? 'pro-rated' : 'left out';
  rows.push(
    line(
      'Average',
      months.map((m) => typed.money(m.average)),
      typed.money(period.average),
    ),
    line(
      'Minimum',
      months.map((m) => typed.money(m.min?.balance)),
      typed.money(period.min?.balance),
    ),
    line(
      'Maximum',
      months.map((m) => typed.money(m.max?.balance)),
      typed.money(period.max?.balance),
    ),
    line(
      abbLabel(a.balances.abbDays),
      months.map((m) => typed.money(m.abb)),
      typed.money(period.abb),
    ),
    ['Days with a balance', ...months.map((m) => typed.count(m.days)), typed.count(period.days)],
    [
      'ABB days with a balance',
      ...months.map((m) => typed.count(abbDaysWith(m))),
      typed.count(months.reduce((n, m) => n + abbDaysWith(m), 0)),
    ],
    [
      'Days the statements cover',
      ...a.coverage.map((c) => `${c.covered} of ${c.days}`),
      typed.count(a.coverage.reduce((n, c) => n + c.covered, 0)),
    ],
    ['Balances from', ...months.map((m) => BALANCE_SOURCE_LABELS[m.source])],
    {
      style: 'note',
      cells: [
        `All months: the average, minimum and maximum of every day with a balance; the ABB is the months' ABBs averaged, partial months ${partial} (${a.policy.name}).`,
      ],
    },
  );
  return rows;
}

export function eodPlan(context: ExportContext): SheetPlan {
  const insights = insightsFor(context.view, context.policy);
  const byId = new Map(insights.accounts.map((a) => [a.accountId, a]));
  const any = context.accounts.some((a: AccountView) => hasBalances(byId.get(a.accountId)));
  const rows: SheetRow[] = [];
  if (any) {
    context.accounts.forEach((account, i) => {
      if (i > 0) rows.push([]);
      rows.push(...accountRows(byId.get(account.accountId), labelOf(context, account.accountId)));
    });
  }
  const widest = Math.max(
    0,
    ...context.accounts.map((a) => byId.get(a.accountId)?.balances.months.length ?? 0),
  );
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
