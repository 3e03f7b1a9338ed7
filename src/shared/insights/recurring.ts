// Recurring debits and credits: the same counterparty and type, amounts close to each
// other, at a regular interval. Grouped by counterparty, split into amount clusters, then
// each cluster's intervals are checked against the cadences in rules.ts. Clusters are
// kept as positions in the date-ordered group, so numeric sorts restore date order.
import { fromPaise } from '../model/money';
import type { AccountContext } from './context';
import * as rules from './rules';
import * as parties from './counterparty';
import { TallyBuilder } from './tally';
import type { RecurringSeries } from './types';

// Imported bindings are read once into locals: run from source (the tests, `npm run bench`
// under tsx) each use of an imported binding is a getter call, too slow for the
// per-transaction loops.
const { CASH_COUNTERPARTY } = parties;
const { CADENCES, RECURRING_AMOUNT_TOLERANCE, RECURRING_MIN_OCCURRENCES, RECURRING_REGULAR_SHARE } =
  rules;

/** Two amounts both within ±tolerance of a common centre differ by at most this ratio. */
const SPREAD = (1 + RECURRING_AMOUNT_TOLERANCE) / (1 - RECURRING_AMOUNT_TOLERANCE);
/** Positions fit below this in a sort key (amount · 2^16 + position) within 2^53. */
const POSITION_BITS = 65536;

function median(sorted: ArrayLike<number>): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Positions of the group sorted by amount (a native numeric sort of packed keys). */
function byAmount(amounts: Float64Array): Int32Array {
  const n = amounts.length;
  const order = new Int32Array(n);
  if (n < POSITION_BITS && amounts.every((a) => a < 2 ** 36)) {
    const keys = new Float64Array(n);
    for (let j = 0; j < n; j++) keys[j] = amounts[j]! * POSITION_BITS + j;
    keys.sort();
    for (let j = 0; j < n; j++) order[j] = keys[j]! % POSITION_BITS;
  } else {
    for (let j = 0; j < n; j++) order[j] = j;
    order.sort((a, b) => amounts[a]! - amounts[b]! || a - b);
  }
  return order;
}

/** Runs of positions whose amounts lie within the tolerance of their median, date-ordered. */
function amountClusters(amounts: Float64Array): Int32Array[] {
  const order = byAmount(amounts);
  const clusters: Int32Array[] = [];
  let start = 0;
  for (let j = 1; j <= order.length; j++) {
    if (j < order.length && amounts[order[j]!]! <= amounts[order[start]!]! * SPREAD) continue;
    if (j - start >= RECURRING_MIN_OCCURRENCES) {
      // Float64Array: amounts in paise pass 2^31 from ₹2.15 crore.
      const centre = median(Float64Array.from(order.subarray(start, j), (p) => amounts[p]!));
      const kept = order
        .subarray(start, j)
        .filter((p) => Math.abs(amounts[p]! - centre) <= centre * RECURRING_AMOUNT_TOLERANCE);
      if (kept.length >= RECURRING_MIN_OCCURRENCES) clusters.push(kept.sort());
    }
    start = j;
  }
  return clusters;
}

function seriesOf(
  ctx: AccountContext,
  group: readonly number[],
  cluster: Int32Array,
  name: string,
): RecurringSeries | null {
  const intervals = new Int32Array(cluster.length - 1);
  for (let j = 1; j < cluster.length; j++)
    intervals[j - 1] = ctx.day[group[cluster[j]!]!]! - ctx.day[group[cluster[j - 1]!]!]!;
  const typical = median(intervals.slice().sort());
  const cadence = CADENCES.find((c) => Math.abs(typical - c.days) <= c.tolerance);
  if (!cadence) return null;
  let regular = 0;
  for (const d of intervals) if (Math.abs(d - cadence.days) <= cadence.tolerance) regular++;
  if (regular < intervals.length * RECURRING_REGULAR_SHARE) return null;
  const total = new TallyBuilder();
  const amounts = new Float64Array(cluster.length);
  cluster.forEach((p, j) => {
    const i = group[p]!;
    total.add(i, ctx.txs[i]!.amount);
    amounts[j] = ctx.paise[i]!;
  });
  const first = ctx.txs[group[cluster[0]!]!]!;
  return {
    counterparty: name,
    type: first.type,
    cadence: cadence.name,
    intervalDays: typical,
    typicalAmount: fromPaise(Math.round(median(amounts.sort()))),
    first: first.date,
    last: ctx.txs[group[cluster[cluster.length - 1]!]!]!.date,
    total: total.build(),
  };
}

/** `returnedBy`: for a debit that came back, its return (returns.ts); such a debit was not paid. */
export function computeRecurring(ctx: AccountContext, returnedBy?: Int32Array): RecurringSeries[] {
  const out: RecurringSeries[] = [];
  const credits: number[] = [];
  const debits: number[] = [];
  for (let p = 0; p < ctx.partyCount; p++) {
    const from = ctx.partyStart[p]!;
    const to = ctx.partyStart[p + 1]!;
    // Cash has no counterparty to recur with.
    if (to - from < RECURRING_MIN_OCCURRENCES || ctx.parties[p] === CASH_COUNTERPARTY) continue;
    credits.length = 0;
    debits.length = 0;
    for (let k = from; k < to; k++) {
      const i = ctx.byParty[k]!;
      // Bounces are not payments, nor is a debit that came back (a returned EMI).
      if (ctx.bounce[i] || (returnedBy !== undefined && returnedBy[i]! >= 0)) continue;
      (ctx.credit[i] ? credits : debits).push(i);
    }
    for (const group of [credits, debits]) {
      if (group.length < RECURRING_MIN_OCCURRENCES) continue;
      const amounts = new Float64Array(group.length);
      for (let j = 0; j < group.length; j++) amounts[j] = ctx.paise[group[j]!]!;
      for (const cluster of amountClusters(amounts)) {
        const series = seriesOf(ctx, group, cluster, ctx.parties[p]!.name);
        if (series) out.push(series);
      }
    }
  }
  return out.sort((a, b) => b.total.amount - a.total.amount || (a.first < b.first ? -1 : 1));
}
