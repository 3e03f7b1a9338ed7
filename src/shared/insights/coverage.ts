// Which days of each month the statements cover, and the one way every monthly average
// divides by them. Coverage runs from the statements' first to their last day (FinBox's
// EOD series where it has one: null outside the statement period; each completed
// statement's own period from session_status; the first and last transaction), less the
// ranges FinBox declares missing (`missing_data`). A month with no
// covered day is no month of zero income: it is left out of every average. A month covered
// in part counts as the lender's policy says: pro-rated by its covered days, or marked and
// left out.
import { daysInMonth, epochDay, type CalendarDate, type MonthKey } from '../model/calendar';
import { fromPaise, roundPaise, toPaise } from '../model/money';
import type { AccountView } from '../model/view-model';
import type { AccountContext } from './context';
import type { CreditPolicy } from './policy';

export interface MonthCoverage {
  readonly month: MonthKey;
  /** Days in the calendar month. */
  readonly days: number;
  /** Days the statements cover. */
  readonly covered: number;
}

/** The first and last day (epoch days) of the statement period, or null without data. */
function periodOf(ctx: AccountContext): { first: number; last: number } | null {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const m of ctx.account.eod) {
    const start = epochDay(`${m.month}-01`);
    const length = Math.min(m.balances.length, daysInMonth(m.month));
    for (let d = 0; d < length; d++) {
      const b = m.balances[d];
      if (typeof b !== 'number' || !Number.isFinite(b)) continue;
      if (start + d < first) first = start + d;
      if (start + d > last) last = start + d;
    }
  }
  const n = ctx.byDate.length;
  if (n > 0) {
    first = Math.min(first, ctx.day[ctx.byDate[0]!]!);
    last = Math.max(last, ctx.day[ctx.byDate[n - 1]!]!);
  }
  // Without FinBox's EOD series, a statement's last transaction is not its last day: a
  // statement to 30 Sep whose last entry is on 25 Sep covers all of September.
  for (const { from, to } of statementPeriods(ctx.account)) {
    first = Math.min(first, epochDay(from));
    last = Math.max(last, epochDay(to));
  }
  return first <= last ? { first, last } : null;
}

/**
 * The periods session_status gives this account's completed statements (a failed or
 * unfinished statement covers nothing); a range that cannot be read, or runs backwards, is
 * no period.
 */
export function statementPeriods(
  account: AccountView,
): { readonly from: CalendarDate; readonly to: CalendarDate }[] {
  return (account.status?.statements ?? []).flatMap((s) => {
    const from = s.dateRange?.from;
    const to = s.dateRange?.to;
    return s.tone === 'completed' && from && to && from <= to ? [{ from, to }] : [];
  });
}

export function monthCoverage(ctx: AccountContext): MonthCoverage[] {
  const period = periodOf(ctx);
  const missing = ctx.account.details.missingData.map((r) => [epochDay(r.from), epochDay(r.to)]);
  return ctx.months.map((month) => {
    const days = daysInMonth(month);
    if (!period) return { month, days, covered: 0 };
    const start = epochDay(`${month}-01`);
    let covered = 0;
    for (let d = start; d < start + days; d++) {
      if (d < period.first || d > period.last) continue;
      if (missing.some(([from, to]) => d >= from! && d <= to!)) continue;
      covered++;
    }
    return { month, days, covered };
  });
}

export interface MonthlyAverage {
  /** Rupees a month; null when no month counts. */
  readonly value: number | null;
  /** What it divides by: months, pro-rated months counting as their covered share. */
  readonly months: number;
  /** Partial months the policy leaves out, and months without any coverage. */
  readonly leftOut: readonly MonthKey[];
}

/**
 * A monthly average of per-month totals (paise) over the months the statements cover:
 * the policy decides whether a partial month counts as its covered share of a month
 * (`prorate`) or is left out (`exclude`, its total left out with it).
 */
export function monthlyAverage(
  paiseByMonth: ReadonlyMap<MonthKey, number>,
  coverage: readonly MonthCoverage[],
  policy: Pick<CreditPolicy, 'partialMonths'>,
): MonthlyAverage {
  let paise = 0;
  let months = 0;
  const leftOut: MonthKey[] = [];
  for (const c of coverage) {
    const full = c.covered === c.days;
    if (c.covered === 0 || (!full && policy.partialMonths === 'exclude')) {
      leftOut.push(c.month);
      continue;
    }
    paise += paiseByMonth.get(c.month) ?? 0;
    months += c.covered / c.days;
  }
  return { value: months === 0 ? null : fromPaise(roundPaise(paise / months)), months, leftOut };
}

/**
 * A period mean of per-month values (ABB) in paise, unrounded (a month's exact mean, not
 * that mean rounded to the paisa): each month with a value weighs its covered share of a
 * month (`prorate`), or only fully covered months count (`exclude`). Rupees to the paisa.
 */
export function meanOfMonthsPaise(
  paiseByMonth: ReadonlyMap<MonthKey, number | null>,
  coverage: readonly MonthCoverage[],
  policy: Pick<CreditPolicy, 'partialMonths'>,
): number | null {
  let weighted = 0;
  let weights = 0;
  for (const c of coverage) {
    const v = paiseByMonth.get(c.month);
    if (v === null || v === undefined || c.covered === 0) continue;
    if (c.covered !== c.days && policy.partialMonths === 'exclude') continue;
    const w = c.covered / c.days;
    weighted += v * w;
    weights += w;
  }
  return weights === 0 ? null : fromPaise(roundPaise(weighted / weights));
}

/** meanOfMonthsPaise of per-month values in rupees (a month table's cells). */
export function meanOfMonths(
  valueByMonth: ReadonlyMap<MonthKey, number | null>,
  coverage: readonly MonthCoverage[],
  policy: Pick<CreditPolicy, 'partialMonths'>,
): number | null {
  const paise = new Map<MonthKey, number | null>();
  for (const [month, v] of valueByMonth) paise.set(month, v === null ? null : toPaise(v));
  return meanOfMonthsPaise(paise, coverage, policy);
}
