// Whether the data holds together: the running balance re-checked transaction by
// transaction, duplicates, stretches without transactions against `missing_data`, and
// `monthly_analysis` opening/closing balances against the transactions.
import { epochDay } from '../model/calendar';
import type { MonthKey } from '../model/calendar';
import * as money from '../model/money';
import type { AccountContext } from './context';
import { GAP_MIN_DAYS } from './rules';
import type {
  BalanceBreak,
  DateGap,
  DuplicateGroup,
  IntegrityInsights,
  MissingRangeCheck,
  MonthlyCheck,
} from './types';

// Imported bindings are read once into locals: run from source (the tests, `npm run bench`
// under tsx) each use of an imported binding is a getter call, too slow for the
// per-transaction loops.
const { fromPaise, toPaise } = money;

/**
 * Each stated balance against the previous stated balance plus the credits and less the
 * debits since. An entry without a balance carries the chain to the next stated balance:
 * its amount counts there, and it makes no break of its own.
 */
function balanceChain(ctx: AccountContext): { links: number; breaks: BalanceBreak[] } {
  const breaks: BalanceBreak[] = [];
  let links = 0;
  let prev = -1;
  // Credits less debits of entries without a balance since `prev`, in paise.
  let carried = 0;
  for (const i of ctx.byDate) {
    const t = ctx.txs[i]!;
    const signed = ctx.credit[i] ? ctx.paise[i]! : -ctx.paise[i]!;
    if (t.balance === null) {
      if (prev >= 0) carried += signed;
      continue;
    }
    if (prev >= 0) {
      links++;
      const expected = toPaise(ctx.txs[prev]!.balance!) + carried + signed;
      const found = toPaise(t.balance);
      if (expected !== found)
        breaks.push({
          index: i,
          previousIndex: prev,
          date: t.date,
          expected: fromPaise(expected),
          found: t.balance,
          difference: fromPaise(found - expected),
        });
    }
    prev = i;
    carried = 0;
  }
  return { links, breaks };
}

function sameDetails(ctx: AccountContext, a: number, b: number): boolean {
  const x = ctx.txs[a]!;
  const y = ctx.txs[b]!;
  return (
    x.type === y.type && x.balance === y.balance && x.ref === y.ref && x.narration === y.narration
  );
}

function duplicates(ctx: AccountContext): DuplicateGroup[] {
  // An entry read twice has its amount and date twice: only entries of equal amount on one
  // day are compared. A map of the day's amounts (cleared each day) finds them, and equal
  // amounts are rare enough to compare one by one against each distinct entry so far.
  // Two entries are the same when their hash is, or else every detail and the balance.
  const firstOfAmount = new Map<number, number>();
  const distinctOfAmount = new Map<number, number[]>();
  const classes = new Map<number, { indices: number[]; reason: DuplicateGroup['reason'] }>();
  let currentDay = Number.NaN;
  for (const i of ctx.byDate) {
    if (ctx.day[i] !== currentDay) {
      currentDay = ctx.day[i]!;
      firstOfAmount.clear();
      distinctOfAmount.clear();
    }
    const p = ctx.paise[i]!;
    const first = firstOfAmount.get(p);
    if (first === undefined) {
      firstOfAmount.set(p, i);
      continue;
    }
    let distinct = distinctOfAmount.get(p);
    if (!distinct) distinctOfAmount.set(p, (distinct = [first]));
    let same: number | undefined;
    let reason: DuplicateGroup['reason'] = 'details';
    const hash = ctx.txs[i]!.hash;
    for (const r of distinct) {
      if (hash !== '' && ctx.txs[r]!.hash === hash) {
        same = r;
        reason = 'hash';
        break;
      }
      if (sameDetails(ctx, r, i)) {
        same = r;
        break;
      }
    }
    if (same === undefined) {
      distinct.push(i);
      continue;
    }
    const members = classes.get(same);
    if (!members) classes.set(same, { indices: [same, i], reason });
    else {
      members.indices.push(i);
      if (reason === 'hash') members.reason = 'hash';
    }
  }
  const out: DuplicateGroup[] = [];
  for (const { indices, reason } of classes.values()) {
    indices.sort((x, y) => x - y);
    const t = ctx.txs[indices[0]!]!;
    out.push({
      indices,
      date: t.date,
      type: t.type,
      amount: t.amount,
      narration: t.narration,
      reason,
    });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function gaps(ctx: AccountContext): DateGap[] {
  const missing = ctx.account.details.missingData.map((range) => ({
    range,
    from: epochDay(range.from),
    to: epochDay(range.to),
  }));
  const out: DateGap[] = [];
  for (let p = 1; p < ctx.byDate.length; p++) {
    const before = ctx.byDate[p - 1]!;
    const after = ctx.byDate[p]!;
    const days = ctx.day[after]! - ctx.day[before]! - 1;
    if (days < GAP_MIN_DAYS) continue;
    const first = ctx.day[before]! + 1;
    const last = ctx.day[after]! - 1;
    const declared = missing.find((m) => m.from <= last && m.to >= first)?.range ?? null;
    out.push({
      from: ctx.txs[before]!.date,
      to: ctx.txs[after]!.date,
      days,
      beforeIndex: before,
      afterIndex: after,
      declared,
    });
  }
  return out;
}

/** Positions in byDate of the first transaction on or after `day`. */
function lowerBound(ctx: AccountContext, day: number): number {
  let lo = 0;
  let hi = ctx.byDate.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.day[ctx.byDate[mid]!]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function missingRanges(ctx: AccountContext): MissingRangeCheck[] {
  return ctx.account.details.missingData.map((range) => {
    const start = lowerBound(ctx, epochDay(range.from));
    const end = lowerBound(ctx, epochDay(range.to) + 1);
    return { range, transactionsInside: Array.from(ctx.byDate.subarray(start, end)) };
  });
}

function metricRow(ctx: AccountContext, name: string) {
  const metric = ctx.account.monthly.metrics.find(
    (m) => m.trim().toLowerCase().replace(/\s+/g, '_') === name,
  );
  return metric ? ctx.account.monthly.values[metric] : undefined;
}

function monthlyChecks(ctx: AccountContext): MonthlyCheck[] {
  const opening = metricRow(ctx, 'opening_balance');
  const closing = metricRow(ctx, 'closing_balance');
  if (!opening && !closing) return [];
  // First and last balance-bearing transaction of each month, in date order.
  const firstOf = new Map<MonthKey, number>();
  const lastOf = new Map<MonthKey, number>();
  const withBalance: number[] = [];
  for (const i of ctx.byDate) {
    if (ctx.txs[i]!.balance === null) continue;
    withBalance.push(i);
    const m = ctx.month[i]!;
    if (!firstOf.has(m)) firstOf.set(m, i);
    lastOf.set(m, i);
  }
  const num = (v: number | string | null | undefined): number | null =>
    typeof v === 'number' && Number.isFinite(v) ? v : null;
  const same = (a: number | null, b: number | null): boolean | null =>
    a === null || b === null ? null : toPaise(a) === toPaise(b);
  return ctx.account.monthly.months.map((month) => {
    const first = firstOf.get(month);
    const last = lastOf.get(month);
    let computedOpening: number | null = null;
    let openingIndex: number | null = null;
    let computedClosing: number | null = null;
    let closingIndex: number | null = null;
    if (first !== undefined && last !== undefined) {
      const t = ctx.txs[first]!;
      computedOpening = fromPaise(
        t.type === 'credit'
          ? toPaise(t.balance!) - ctx.paise[first]!
          : toPaise(t.balance!) + ctx.paise[first]!,
      );
      openingIndex = first;
      computedClosing = ctx.txs[last]!.balance;
      closingIndex = last;
    } else {
      // No transactions: the balance carries over from the last one before the month.
      const monthStart = epochDay(`${month}-01`);
      let carry: number | null = null;
      for (let lo = 0, hi = withBalance.length - 1; lo <= hi;) {
        const mid = (lo + hi) >> 1;
        if (ctx.day[withBalance[mid]!]! < monthStart) {
          carry = withBalance[mid]!;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (carry !== null) {
        computedOpening = computedClosing = ctx.txs[carry]!.balance;
        openingIndex = closingIndex = carry;
      }
    }
    const apiOpening = num(opening?.[month]);
    const apiClosing = num(closing?.[month]);
    return {
      month,
      apiOpening,
      computedOpening,
      openingIndex,
      apiClosing,
      computedClosing,
      closingIndex,
      openingMatches: same(apiOpening, computedOpening),
      closingMatches: same(apiClosing, computedClosing),
    };
  });
}

export function computeIntegrity(ctx: AccountContext): IntegrityInsights {
  const { links, breaks } = balanceChain(ctx);
  const txMonths = new Set(ctx.month);
  return {
    order: ctx.apiOrder,
    checkedLinks: links,
    balanceBreaks: breaks,
    duplicates: duplicates(ctx),
    gaps: gaps(ctx),
    missingRanges: missingRanges(ctx),
    monthsWithoutTransactions: ctx.account.details.months.filter((m) => !txMonths.has(m)),
    monthly: monthlyChecks(ctx),
  };
}
