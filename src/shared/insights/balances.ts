// Balance figures from the end-of-day series: average, median, minimum, maximum, days
// negative or overdrawn, and ABB on the lenders' dates. Where the API sent no series for
// a month, the running balances of the transactions stand in. Each day's balance is
// traced to the transaction whose running balance it is.
import { daysInMonth, epochDay, pad2 } from '../model/calendar';
import type { MonthKey } from '../model/calendar';
import * as money from '../model/money';
import type { EodMonthView } from '../model/view-model';
import type { AccountContext } from './context';
import { meanOfMonthsPaise, statementPeriods, type MonthCoverage } from './coverage';
import { abbDaysOf, DEFAULT_POLICY, THREE_DAY_ABB, type CreditPolicy } from './policy';
import { exactMeanPaise, meanPaise, medianPaise, rupeesToThePaisa } from './tally';
import type { AbbPoint, BalanceInsights, BalanceStats, DayBalance, MonthBalances } from './types';

// Imported bindings are read once into locals: run from source (the tests, `npm run bench`
// under tsx) each use of an imported binding is a getter call, too slow for the
// per-transaction loops.
const { toPaise } = money;

/** For each day with a balance-bearing transaction, the last such transaction that day. */
interface BalanceTrace {
  readonly days: Int32Array;
  readonly index: Int32Array;
}

function traceOf(ctx: AccountContext): BalanceTrace {
  const days: number[] = [];
  const index: number[] = [];
  for (const i of ctx.byDate) {
    if (ctx.txs[i]!.balance === null) continue;
    const d = ctx.day[i]!;
    if (days.length > 0 && days[days.length - 1] === d) index[index.length - 1] = i;
    else {
      days.push(d);
      index.push(i);
    }
  }
  return { days: Int32Array.from(days), index: Int32Array.from(index) };
}

/** Position in the trace of the last day on or before `day`, or -1. */
function lastOnOrBefore(trace: BalanceTrace, day: number): number {
  let lo = 0;
  let hi = trace.days.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (trace.days[mid]! <= day) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

class StatsAccumulator {
  readonly values: number[] = [];
  readonly indices: number[] = [];
  private readonly seen: Set<number> = new Set();
  sum = 0;
  min: DayBalance | null = null;
  max: DayBalance | null = null;
  readonly negative: DayBalance[] = [];
  readonly overdrawn: DayBalance[] = [];

  constructor(private readonly odLimitPaise: number) {}

  add(day: DayBalance): void {
    const p = toPaise(day.balance);
    this.values.push(p);
    this.sum += p;
    if (this.min === null || day.balance < this.min.balance) this.min = day;
    if (this.max === null || day.balance > this.max.balance) this.max = day;
    if (p < 0) this.negative.push(day);
    if (p < -this.odLimitPaise) this.overdrawn.push(day);
    if (day.index !== null && !this.seen.has(day.index)) {
      this.seen.add(day.index);
      this.indices.push(day.index);
    }
  }

  build(): BalanceStats {
    return {
      days: this.values.length,
      average: meanPaise(this.values),
      median: medianPaise([...this.values]),
      min: this.min,
      max: this.max,
      negativeDays: this.negative,
      overdrawnDays: this.overdrawn,
      indices: this.indices,
    };
  }
}

function monthSeries(
  ctx: AccountContext,
  trace: BalanceTrace,
  month: MonthKey,
  eod: EodMonthView | undefined,
): { source: MonthBalances['source']; days: (DayBalance | null)[] } {
  const length = daysInMonth(month);
  const firstDay = epochDay(`${month}-01`);
  const at = (d: number, balance: number | null): DayBalance | null => {
    if (balance === null || !Number.isFinite(balance)) return null;
    const pos = lastOnOrBefore(trace, firstDay + d - 1);
    return {
      date: `${month}-${pad2(d)}`,
      balance,
      index: pos < 0 ? null : trace.index[pos]!,
    };
  };
  const days: (DayBalance | null)[] = [];
  if (eod && eod.balances.some((b) => typeof b === 'number')) {
    for (let d = 1; d <= length; d++) days.push(at(d, eod.balances[d - 1] ?? null));
    return { source: 'eod', days };
  }
  // Rebuilt from transactions, from the first transaction on and outside the ranges the
  // API declares uncovered: a day without one carries the balance before it, up to the
  // last transaction or the statement's own last day (no entry after it: the balance
  // stood). Before the first transaction the balance is not known.
  const first = trace.days[0];
  const last =
    trace.days.length === 0
      ? undefined
      : Math.max(trace.days[trace.days.length - 1]!, ...statementEnds(ctx));
  const missing = ctx.account.details.missingData.map((r) => [epochDay(r.from), epochDay(r.to)]);
  let any = false;
  for (let d = 1; d <= length; d++) {
    const day = firstDay + d - 1;
    const inside =
      first !== undefined &&
      last !== undefined &&
      day >= first &&
      day <= last &&
      !missing.some(([from, to]) => day >= from! && day <= to!);
    const pos = inside ? lastOnOrBefore(trace, day) : -1;
    const balance = pos < 0 ? null : ctx.txs[trace.index[pos]!]!.balance;
    const value = at(d, balance);
    if (value) any = true;
    days.push(value);
  }
  return { source: any ? 'transactions' : 'none', days };
}

/** The last days (epoch days) of the account's completed statements. */
function statementEnds(ctx: AccountContext): number[] {
  return statementPeriods(ctx.account).map((p) => epochDay(p.to));
}

export function computeBalances(
  ctx: AccountContext,
  coverage: readonly MonthCoverage[],
  policy: CreditPolicy = DEFAULT_POLICY,
): BalanceInsights {
  const odLimit = Math.max(0, ctx.account.details.odLimit ?? 0);
  const odLimitPaise = toPaise(odLimit);
  const trace = traceOf(ctx);
  const eodByMonth = new Map(ctx.account.eod.map((e) => [e.month, e]));
  const period = new StatsAccumulator(odLimitPaise);
  // The months' ABBs in paise, unrounded: the period ABB weighs these.
  const abbs = new Map<MonthKey, number | null>();
  const abbThrees = new Map<MonthKey, number | null>();
  const months: MonthBalances[] = ctx.months.map((month) => {
    const { source, days } = monthSeries(ctx, trace, month, eodByMonth.get(month));
    const stats = new StatsAccumulator(odLimitPaise);
    for (const day of days) {
      if (!day) continue;
      stats.add(day);
      period.add(day);
    }
    const length = daysInMonth(month);
    // The six-day set names its last day `last`; every-day and 5/15/25 sets name days.
    const point = (d: number): AbbPoint => ({
      day: policy.abbDays === 'six' && d === length ? 'last' : d,
      date: `${month}-${pad2(d)}`,
      balance: days[d - 1] ?? null,
    });
    const abbPoints = abbDaysOf(policy.abbDays, length).map(point);
    const mean = (points: readonly AbbPoint[]) =>
      exactMeanPaise(points.flatMap((p) => (p.balance ? [toPaise(p.balance.balance)] : [])));
    const abbPaise = mean(abbPoints);
    const abbThreePaise = mean(THREE_DAY_ABB.map(point));
    abbs.set(month, abbPaise);
    abbThrees.set(month, abbThreePaise);
    const abb = rupeesToThePaisa(abbPaise);
    const abbThree = rupeesToThePaisa(abbThreePaise);
    const daily = days.map((d) => d?.balance ?? null);
    return { month, source, ...stats.build(), daily, abbPoints, abb, abbThree };
  });
  return {
    months,
    period: {
      ...period.build(),
      abb: meanOfMonthsPaise(abbs, coverage, policy),
      abbThree: meanOfMonthsPaise(abbThrees, coverage, policy),
    },
    odLimit,
    abbDays: policy.abbDays,
  };
}

/** The months from the first to the last that have any balance (EOD tab, Summary chart). */
export function monthsWithBalances(b: BalanceInsights): readonly MonthBalances[] {
  const first = b.months.findIndex((m) => m.source !== 'none');
  const last = b.months.findLastIndex((m) => m.source !== 'none');
  return first < 0 ? [] : b.months.slice(first, last + 1);
}
