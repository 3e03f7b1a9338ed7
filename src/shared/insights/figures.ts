// The headline figures and the month-by-month table of an account's insights, as labelled
// values with the transactions behind each. The Insights tab and the Insights sheet both
// lay out these same rows, so the sheet reads back with the tab's figures.
import type { MonthKey } from '../model/calendar';
import { toPaise } from '../model/money';
import { insightsTotalRule, type RowTotals } from '../model/month-totals';
import { meanOfMonths, monthlyAverage } from './coverage';
import { defineFigure, figureName, type FigureId } from './definitions';
import { abbLabel, type AbbDaySet } from './policy';
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

const money = (label: string, value: number | null, trace: readonly number[] = []): Figure => ({
  label,
  kind: 'money',
  value,
  trace,
});
const count = (label: string, value: number | null, trace: readonly number[] = []): Figure => ({
  label,
  kind: 'count',
  value,
  trace,
});
const share = (label: string, value: number | null, trace: readonly number[] = []): Figure => ({
  label,
  kind: 'share',
  value,
  trace,
});
const days = (label: string, list: readonly DayBalance[]): Figure => ({
  label,
  kind: 'days',
  value: list.length,
  trace: uniqueIndices(list),
});
const pick = (label: string, p: TxPick | null): Figure =>
  money(label, p?.amount ?? null, p ? [p.index] : []);
const balance = (label: string, d: DayBalance | null): Figure =>
  money(label, d?.balance ?? null, d?.index != null ? [d.index] : []);
const tallyAmount = (label: string, t: Tally): Figure => money(label, t.amount, t.indices);
const tallyCount = (label: string, t: Tally): Figure => count(label, t.count, t.indices);

/** The transactions that set these balances, each once, in order of first appearance. */
export function uniqueIndices(list: readonly { readonly index: number | null }[]): number[] {
  const seen = new Set<number>();
  for (const d of list) if (d.index !== null) seen.add(d.index);
  return [...seen];
}

function abbTrace(a: AccountInsights, days: readonly (number | 'last')[]): number[] {
  return uniqueIndices(
    a.balances.months.flatMap((m) =>
      m.abbPoints.flatMap((p) => (p.balance && days.includes(p.day) ? [p.balance] : [])),
    ),
  );
}

/** The transactions behind a month's ABB on the policy's days. */
function abbPointsTrace(m: AccountInsights['balances']['months'][number] | undefined): number[] {
  return uniqueIndices((m?.abbPoints ?? []).flatMap((p) => (p.balance ? [p.balance] : [])));
}
const THREE_DATES: readonly (number | 'last')[] = [5, 15, 25];

function merge(...tallies: Tally[]): number[] {
  return tallies.flatMap((t) => t.indices).sort((a, b) => a - b);
}

/** The month table's rows, the ABB named with the policy's days. */
export function monthColumns(abbDays: AbbDaySet = 'six'): readonly FigureColumn[] {
  return [
    { key: 'credits', label: 'Credits', kind: 'money' },
    { key: 'creditCount', label: 'Credit count', kind: 'count' },
    { key: 'eligibleCredits', label: 'Eligible credits', kind: 'money' },
    { key: 'debits', label: 'Debits', kind: 'money' },
    { key: 'debitCount', label: 'Debit count', kind: 'count' },
    { key: 'netFlow', label: 'Net flow', kind: 'money' },
    { key: 'largestCredit', label: 'Largest credit', kind: 'money' },
    { key: 'largestDebit', label: 'Largest debit', kind: 'money' },
    { key: 'cashDeposits', label: 'Cash deposits', kind: 'money' },
    { key: 'cashDepositShare', label: 'Cash % of credits', kind: 'share' },
    { key: 'cashWithdrawals', label: 'Cash withdrawals', kind: 'money' },
    { key: 'cashWithdrawalShare', label: 'Cash % of debits', kind: 'share' },
    { key: 'averageBalance', label: 'Average balance', kind: 'money' },
    { key: 'medianBalance', label: 'Median balance', kind: 'money' },
    { key: 'minBalance', label: 'Minimum balance', kind: 'money' },
    { key: 'maxBalance', label: 'Maximum balance', kind: 'money' },
    { key: 'negativeDays', label: 'Days negative', kind: 'days' },
    { key: 'overdrawnDays', label: 'Days overdrawn', kind: 'days' },
    { key: 'abb', label: abbLabel(abbDays), kind: 'money' },
    { key: 'abbThree', label: 'ABB (5/15/25)', kind: 'money' },
    { key: 'inwardReturns', label: 'Inward returns', kind: 'count' },
    { key: 'outwardReturns', label: 'Outward returns', kind: 'count' },
    { key: 'bounceCharges', label: 'Return charges', kind: 'money' },
    { key: 'penalties', label: 'Penal charges', kind: 'money' },
    { key: 'emi', label: 'EMIs honoured', kind: 'count' },
    { key: 'emiAmount', label: 'EMIs honoured, amount', kind: 'money' },
    { key: 'emiBounced', label: 'EMIs bounced', kind: 'count' },
    { key: 'mandateDebits', label: 'Other mandate debits', kind: 'money' },
    { key: 'loanDisbursals', label: 'Loan disbursals', kind: 'money' },
    { key: 'salary', label: 'Salary', kind: 'money' },
  ];
}

/** The month table's rows under the default policy. */
export const MONTH_COLUMNS: readonly FigureColumn[] = monthColumns();

export function monthRows(a: AccountInsights): MonthRow[] {
  const balances = new Map(a.balances.months.map((m) => [m.month, m]));
  const bounces = new Map(a.bounces.months.map((m) => [m.month, m]));
  const obligations = new Map(a.obligations.months.map((m) => [m.month, m]));
  const salary = new Map(a.salary.months.map((m) => [m.month, m]));
  const eligible = new Map(a.eligible.months.map((m) => [m.month, m]));
  return a.flows.months.map((f) => {
    const e = eligible.get(f.month);
    const b = balances.get(f.month);
    const r = bounces.get(f.month);
    const o = obligations.get(f.month);
    const s = salary.get(f.month);
    const points = (dates: readonly (number | 'last')[]) =>
      uniqueIndices(
        (b?.abbPoints ?? []).flatMap((p) =>
          p.balance && dates.includes(p.day) ? [p.balance] : [],
        ),
      );
    const cells: Figure[] = [
      tallyAmount('Credits', f.credits),
      tallyCount('Credit count', f.credits),
      tallyAmount('Eligible credits', e?.eligible ?? EMPTY),
      tallyAmount('Debits', f.debits),
      tallyCount('Debit count', f.debits),
      money('Net flow', f.netFlow, merge(f.credits, f.debits)),
      pick('Largest credit', f.largestCredit),
      pick('Largest debit', f.largestDebit),
      tallyAmount('Cash deposits', f.cashDeposits),
      share('Cash % of credits', f.cashDepositShare, f.cashDeposits.indices),
      tallyAmount('Cash withdrawals', f.cashWithdrawals),
      share('Cash % of debits', f.cashWithdrawalShare, f.cashWithdrawals.indices),
      money('Average balance', b?.average ?? null, b?.indices ?? []),
      money('Median balance', b?.median ?? null, b?.indices ?? []),
      balance('Minimum balance', b?.min ?? null),
      balance('Maximum balance', b?.max ?? null),
      days('Days negative', b?.negativeDays ?? []),
      days('Days overdrawn', b?.overdrawnDays ?? []),
      money(abbLabel(a.balances.abbDays), b?.abb ?? null, abbPointsTrace(b)),
      money('ABB (5/15/25)', b?.abbThree ?? null, points(THREE_DATES)),
      tallyCount('Inward returns', r?.inwardReturns ?? EMPTY),
      tallyCount('Outward returns', r?.outwardReturns ?? EMPTY),
      tallyAmount('Return charges', r?.charges ?? EMPTY),
      tallyAmount('Penal charges', r?.penalties ?? EMPTY),
      tallyCount('EMIs honoured', o?.emi ?? EMPTY),
      tallyAmount('EMIs honoured, amount', o?.emi ?? EMPTY),
      tallyCount('EMIs bounced', o?.emiBounced ?? EMPTY),
      tallyAmount('Other mandate debits', o?.mandateDebits ?? EMPTY),
      tallyAmount('Loan disbursals', o?.loanDisbursals ?? EMPTY),
      tallyAmount('Salary', s?.total ?? EMPTY),
    ];
    return { month: f.month, cells };
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
  const defined = (id: FigureId, figure: Figure): Figure => ({
    ...figure,
    key: id,
    label: figureName(id, p),
    definition: defineFigure(id, p),
  });
  const credits = monthlyAverage(
    new Map(a.flows.months.map((m) => [m.month, toPaise(m.credits.amount)])),
    a.coverage,
    p,
  );
  return [
    defined('totalCredits', tallyAmount('', f.credits)),
    defined('totalDebits', tallyAmount('', f.debits)),
    money('Net flow', f.netFlow, merge(f.credits, f.debits)),
    count('Transactions', f.credits.count + f.debits.count, merge(f.credits, f.debits)),
    defined('eligibleCredits', tallyAmount('', a.eligible.eligible)),
    defined('eligibleMonthly', money('', a.eligible.averageMonthly, a.eligible.eligible.indices)),
    defined('averageMonthlyCredits', money('', credits.value, f.credits.indices)),
    defined('cashShare', share('', f.cashDepositShare, f.cashDeposits.indices)),
    defined('cashWithdrawalShare', share('', f.cashWithdrawalShare, f.cashWithdrawals.indices)),
    defined(
      'abb',
      money(
        '',
        b.abb,
        uniqueIndices(
          a.balances.months.flatMap((m) =>
            m.abbPoints.flatMap((x) => (x.balance ? [x.balance] : [])),
          ),
        ),
      ),
    ),
    defined('abbThree', money('', b.abbThree, abbTrace(a, THREE_DATES))),
    defined('averageBalance', money('', b.average, b.indices)),
    defined('minBalance', balance('', b.min)),
    defined('maxBalance', balance('', b.max)),
    defined('negativeDays', days('', b.negativeDays)),
    defined('overdrawnDays', days('', b.overdrawnDays)),
    defined('inwardReturns', tallyCount('', r.inwardReturns)),
    defined('outwardReturns', tallyCount('', r.outwardReturns)),
    defined('returnCharges', tallyAmount('', r.charges)),
    defined('penalCharges', tallyAmount('', r.penalties)),
    defined('emiHonoured', tallyCount('', o.emi)),
    defined('emiHonouredAmount', tallyAmount('', o.emi)),
    defined('emiBounced', tallyCount('', o.emiBounced)),
    defined('mandateDebits', tallyAmount('', o.mandateDebits)),
    defined('loanDisbursals', tallyAmount('', o.loanDisbursals)),
    defined('salaryAverage', money('', a.salary.averageMonthly, a.salary.total.indices)),
    defined(
      'balanceBreaks',
      count(
        '',
        a.integrity.balanceBreaks.length,
        a.integrity.balanceBreaks.map((x) => x.index),
      ),
    ),
    defined(
      'gaps',
      count(
        '',
        a.integrity.gaps.length,
        a.integrity.gaps.flatMap((g) => [g.beforeIndex, g.afterIndex]),
      ),
    ),
    defined(
      'duplicates',
      count(
        '',
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
