// The headline figures and the month-by-month table of an account's insights, as labelled
// values with the transactions behind each. The Insights tab and the Insights sheet both
// lay out these same rows, so the sheet reads back with the tab's figures.
import type { MonthKey } from '../model/calendar';
import { toPaise } from '../model/money';
import { insightsTotalRule, type RowTotals } from '../model/month-totals';
import { meanOfMonths, monthlyAverage } from './coverage';
import { defineFigure, figureName, type FigureId } from './definitions';
import { abbLabel, THREE_DAY_ABB, type AbbDaySet } from './policy';
import type { AccountInsights, DayBalance, Tally, TxPick } from './types';

/** money: rupees; count: a whole number; share: 0..1; days: a count of days; ratio: times. */
export type FigureKind = 'money' | 'count' | 'share' | 'days' | 'text' | 'ratio';

export interface Figure {
  /** The figure's id, where it is one of the defined figures (definitions.ts). */
  readonly key?: string | undefined;
  readonly label: string;
  readonly kind: FigureKind;
  readonly value: number | string | null;
  /** The account's transactions behind the figure (empty when none stand behind it). */
  readonly trace: readonly number[];
  /** How it is computed (definitions.ts), where the figure is one of the defined ones. */
  readonly definition?: string | undefined;
}

export interface FigureColumn {
  readonly key: string;
  readonly label: string;
  readonly kind: FigureKind;
}

export interface MonthRow {
  readonly month: MonthKey;
  /** One per column of MONTH_COLUMNS, in that order. */
  readonly cells: readonly Figure[];
}

/** A figure without its name and kind: the value and the transactions behind it. */
type Reading = Pick<Figure, 'value' | 'trace'>;

const reading = (value: number | null, trace: readonly number[] = []): Reading => ({
  value,
  trace,
});
const amountOf = (t: Tally): Reading => reading(t.amount, t.indices);
const countOf = (t: Tally): Reading => reading(t.count, t.indices);
const pickOf = (p: TxPick | null): Reading => reading(p?.amount ?? null, p ? [p.index] : []);
const balanceOf = (d: DayBalance | null): Reading =>
  reading(d?.balance ?? null, d?.index != null ? [d.index] : []);
const daysOf = (list: readonly DayBalance[]): Reading => reading(list.length, uniqueIndices(list));

const figure = (label: string, kind: FigureKind, r: Reading): Figure => ({ label, kind, ...r });

/** The transactions that set these balances, each once, in order of first appearance. */
export function uniqueIndices(list: readonly { readonly index: number | null }[]): number[] {
  const seen = new Set<number>();
  for (const d of list) if (d.index !== null) seen.add(d.index);
  return [...seen];
}

/** The transactions behind the period's ABB, each once: on the policy's days, or on `days`. */
export function abbTrace(a: AccountInsights, days?: readonly (number | 'last')[]): number[] {
  return uniqueIndices(
    a.balances.months.flatMap((m) =>
      m.abbPoints.flatMap((p) =>
        p.balance && (days === undefined || days.includes(p.day)) ? [p.balance] : [],
      ),
    ),
  );
}

type BalanceMonth = AccountInsights['balances']['months'][number];

/** The transactions behind a month's ABB: on the policy's days, or on `days`. */
function abbPointsOn(m: BalanceMonth | undefined, days?: readonly (number | 'last')[]): number[] {
  return uniqueIndices(
    (m?.abbPoints ?? []).flatMap((p) =>
      p.balance && (days === undefined || days.includes(p.day)) ? [p.balance] : [],
    ),
  );
}

function merge(...tallies: Tally[]): number[] {
  return tallies.flatMap((t) => t.indices).sort((a, b) => a - b);
}

/** One month of each of an account's analyses (absent where the analysis has no such month). */
interface MonthParts {
  readonly flow: AccountInsights['flows']['months'][number];
  readonly eligible: AccountInsights['eligible']['months'][number] | undefined;
  readonly balances: BalanceMonth | undefined;
  readonly bounces: AccountInsights['bounces']['months'][number] | undefined;
  readonly obligations: AccountInsights['obligations']['months'][number] | undefined;
  readonly salary: AccountInsights['salary']['months'][number] | undefined;
}

/** A row of the month table: its name and kind, and how a month's value is read. */
interface MonthFigure extends FigureColumn {
  readonly read: (m: MonthParts) => Reading;
}

const row = (
  key: string,
  label: string,
  kind: FigureKind,
  read: (m: MonthParts) => Reading,
): MonthFigure => ({ key, label, kind, read });
/** A tally's amount, or its count; an analysis without the month counts nothing. */
const amountRow = (key: string, label: string, tally: (m: MonthParts) => Tally | undefined) =>
  row(key, label, 'money', (m) => amountOf(tally(m) ?? EMPTY));
const countRow = (key: string, label: string, tally: (m: MonthParts) => Tally | undefined) =>
  row(key, label, 'count', (m) => countOf(tally(m) ?? EMPTY));

/** The month table's rows, in order, the ABB named with the policy's days. */
function monthFigures(abbDays: AbbDaySet): readonly MonthFigure[] {
  return [
    amountRow('credits', 'Credits', (m) => m.flow.credits),
    countRow('creditCount', 'Credit count', (m) => m.flow.credits),
    amountRow('eligibleCredits', 'Eligible credits', (m) => m.eligible?.eligible),
    amountRow('debits', 'Debits', (m) => m.flow.debits),
    countRow('debitCount', 'Debit count', (m) => m.flow.debits),
    row('netFlow', 'Net flow', 'money', (m) =>
      reading(m.flow.netFlow, merge(m.flow.credits, m.flow.debits)),
    ),
    row('largestCredit', 'Largest credit', 'money', (m) => pickOf(m.flow.largestCredit)),
    row('largestDebit', 'Largest debit', 'money', (m) => pickOf(m.flow.largestDebit)),
    amountRow('cashDeposits', 'Cash deposits', (m) => m.flow.cashDeposits),
    row('cashDepositShare', 'Cash % of credits', 'share', (m) =>
      reading(m.flow.cashDepositShare, m.flow.cashDeposits.indices),
    ),
    amountRow('cashWithdrawals', 'Cash withdrawals', (m) => m.flow.cashWithdrawals),
    row('cashWithdrawalShare', 'Cash % of debits', 'share', (m) =>
      reading(m.flow.cashWithdrawalShare, m.flow.cashWithdrawals.indices),
    ),
    row('averageBalance', 'Average balance', 'money', (m) =>
      reading(m.balances?.average ?? null, m.balances?.indices ?? []),
    ),
    row('medianBalance', 'Median balance', 'money', (m) =>
      reading(m.balances?.median ?? null, m.balances?.indices ?? []),
    ),
    row('minBalance', 'Minimum balance', 'money', (m) => balanceOf(m.balances?.min ?? null)),
    row('maxBalance', 'Maximum balance', 'money', (m) => balanceOf(m.balances?.max ?? null)),
    row('negativeDays', 'Days negative', 'days', (m) => daysOf(m.balances?.negativeDays ?? [])),
    row('overdrawnDays', 'Days overdrawn', 'days', (m) => daysOf(m.balances?.overdrawnDays ?? [])),
    row('abb', abbLabel(abbDays), 'money', (m) =>
      reading(m.balances?.abb ?? null, abbPointsOn(m.balances)),
    ),
    row('abbThree', 'ABB (5/15/25)', 'money', (m) =>
      reading(m.balances?.abbThree ?? null, abbPointsOn(m.balances, THREE_DAY_ABB)),
    ),
    countRow('inwardReturns', 'Inward returns', (m) => m.bounces?.inwardReturns),
    countRow('outwardReturns', 'Outward returns', (m) => m.bounces?.outwardReturns),
    amountRow('bounceCharges', 'Return charges', (m) => m.bounces?.charges),
    amountRow('penalties', 'Penal charges', (m) => m.bounces?.penalties),
    countRow('emi', 'EMIs honoured', (m) => m.obligations?.emi),
    amountRow('emiAmount', 'EMIs honoured, amount', (m) => m.obligations?.emi),
    countRow('emiBounced', 'EMIs bounced', (m) => m.obligations?.emiBounced),
    amountRow('mandateDebits', 'Other mandate debits', (m) => m.obligations?.mandateDebits),
    amountRow('loanDisbursals', 'Loan disbursals', (m) => m.obligations?.loanDisbursals),
    amountRow('salary', 'Salary', (m) => m.salary?.total),
  ];
}

/** The month table's rows, the ABB named with the policy's days. */
export function monthColumns(abbDays: AbbDaySet = 'six'): readonly FigureColumn[] {
  return monthFigures(abbDays).map(({ key, label, kind }) => ({ key, label, kind }));
}

/** The month table's rows under the default policy. */
export const MONTH_COLUMNS: readonly FigureColumn[] = monthColumns();

export function monthRows(a: AccountInsights): MonthRow[] {
  const figures = monthFigures(a.balances.abbDays);
  const balances = new Map(a.balances.months.map((m) => [m.month, m]));
  const bounces = new Map(a.bounces.months.map((m) => [m.month, m]));
  const obligations = new Map(a.obligations.months.map((m) => [m.month, m]));
  const salary = new Map(a.salary.months.map((m) => [m.month, m]));
  const eligible = new Map(a.eligible.months.map((m) => [m.month, m]));
  return a.flows.months.map((flow) => {
    const parts: MonthParts = {
      flow,
      eligible: eligible.get(flow.month),
      balances: balances.get(flow.month),
      bounces: bounces.get(flow.month),
      obligations: obligations.get(flow.month),
      salary: salary.get(flow.month),
    };
    const cells = figures.map((f) => figure(f.label, f.kind, f.read(parts)));
    return { month: flow.month, cells };
  });
}

const EMPTY: Tally = { amount: 0, count: 0, indices: [] };

/** The figures an underwriter reads first, for the whole period, each with its definition. */
export function periodFigures(a: AccountInsights): Figure[] {
  const f = a.flows.period;
  const b = a.balances.period;
  const r = a.bounces.period;
  const o = a.obligations.period;
  const p = a.policy;
  const defined = (id: FigureId, kind: FigureKind, r: Reading): Figure => ({
    label: figureName(id, p),
    kind,
    ...r,
    key: id,
    definition: defineFigure(id, p),
  });
  const credits = monthlyAverage(
    new Map(a.flows.months.map((m) => [m.month, toPaise(m.credits.amount)])),
    a.coverage,
    p,
  );
  return [
    defined('totalCredits', 'money', amountOf(f.credits)),
    defined('totalDebits', 'money', amountOf(f.debits)),
    figure('Net flow', 'money', reading(f.netFlow, merge(f.credits, f.debits))),
    figure(
      'Transactions',
      'count',
      reading(f.credits.count + f.debits.count, merge(f.credits, f.debits)),
    ),
    defined('eligibleCredits', 'money', amountOf(a.eligible.eligible)),
    defined(
      'eligibleMonthly',
      'money',
      reading(a.eligible.averageMonthly, a.eligible.eligible.indices),
    ),
    defined('averageMonthlyCredits', 'money', reading(credits.value, f.credits.indices)),
    defined('cashShare', 'share', reading(f.cashDepositShare, f.cashDeposits.indices)),
    defined(
      'cashWithdrawalShare',
      'share',
      reading(f.cashWithdrawalShare, f.cashWithdrawals.indices),
    ),
    defined('abb', 'money', reading(b.abb, abbTrace(a))),
    defined('abbThree', 'money', reading(b.abbThree, abbTrace(a, THREE_DAY_ABB))),
    defined('averageBalance', 'money', reading(b.average, b.indices)),
    defined('minBalance', 'money', balanceOf(b.min)),
    defined('maxBalance', 'money', balanceOf(b.max)),
    defined('negativeDays', 'days', daysOf(b.negativeDays)),
    defined('overdrawnDays', 'days', daysOf(b.overdrawnDays)),
    defined('inwardReturns', 'count', countOf(r.inwardReturns)),
    defined('outwardReturns', 'count', countOf(r.outwardReturns)),
    defined('returnCharges', 'money', amountOf(r.charges)),
    defined('penalCharges', 'money', amountOf(r.penalties)),
    defined('emiHonoured', 'count', countOf(o.emi)),
    defined('emiHonouredAmount', 'money', amountOf(o.emi)),
    defined('emiBounced', 'count', countOf(o.emiBounced)),
    defined('mandateDebits', 'money', amountOf(o.mandateDebits)),
    defined('loanDisbursals', 'money', amountOf(o.loanDisbursals)),
    defined('salaryAverage', 'money', reading(a.salary.averageMonthly, a.salary.total.indices)),
    defined(
      'balanceBreaks',
      'count',
      reading(
        a.integrity.balanceBreaks.length,
        a.integrity.balanceBreaks.map((x) => x.index),
      ),
    ),
    defined(
      'gaps',
      'count',
      reading(
        a.integrity.gaps.length,
        a.integrity.gaps.flatMap((g) => [g.beforeIndex, g.afterIndex]),
      ),
    ),
    defined(
      'duplicates',
      'count',
      reading(
        a.integrity.duplicates.length,
        a.integrity.duplicates.flatMap((d) => d.indices),
      ),
    ),
  ];
}

/**
 * The Total and Average of a month-table row, the average over the months the statements
 * cover as every monthly average is (coverage.ts): sums are averaged per covered month,
 * levels (balances, ABB) weigh each month by its coverage; shares and "largest" get neither.
 */
export function monthRowTotals(
  a: AccountInsights,
  key: string,
  rows: readonly MonthRow[],
  c: number,
): RowTotals {
  const rule = insightsTotalRule(key);
  const byMonth = new Map<MonthKey, number>();
  let sum = 0;
  for (const row of rows) {
    const v = row.cells[c]?.value;
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    byMonth.set(row.month, v);
    sum += toPaise(v);
  }
  if (rule === 'none' || byMonth.size === 0) return { total: null, average: null, months: 0 };
  if (rule === 'average') {
    const covered = a.coverage.filter((m) => byMonth.has(m.month) && m.covered > 0);
    return {
      total: null,
      average: meanOfMonths(byMonth, a.coverage, a.policy),
      months: covered.length,
    };
  }
  const paise = new Map([...byMonth].map(([m, v]) => [m, toPaise(v)]));
  const average = monthlyAverage(paise, a.coverage, a.policy);
  return {
    total: sum / 100,
    average: average.value,
    months: Math.round(average.months * 100) / 100,
  };
}
