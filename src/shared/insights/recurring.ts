// Recurring debits and credits: the same counterparty and type, amounts close to each
// other, at a regular interval. Grouped by counterparty, split into amount clusters, then
// each cluster's intervals are checked against the cadences in rules.ts.
import { fromPaise } from '../model/money';
import type { AccountContext } from './context';
import {
  CADENCES,
  RECURRING_AMOUNT_TOLERANCE,
  RECURRING_MIN_OCCURRENCES,
  RECURRING_REGULAR_SHARE,
} from './rules';
import { CASH_COUNTERPARTY } from './counterparty';
import { TallyBuilder } from './tally';
import type { RecurringSeries } from './types';

function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Splits indices (any order) into runs whose amounts lie within the tolerance of their median. */
function amountClusters(ctx: AccountContext, indices: readonly number[]): number[][] {
  const byAmount = [...indices].sort((a, b) => ctx.paise[a]! - ctx.paise[b]!);
  const clusters: number[][] = [];
  // Two amounts both within ±tol of a common centre differ by at most this ratio.
  const spread = (1 + RECURRING_AMOUNT_TOLERANCE) / (1 - RECURRING_AMOUNT_TOLERANCE);
  let start = 0;
  for (let j = 1; j <= byAmount.length; j++) {
    if (j < byAmount.length && ctx.paise[byAmount[j]!]! <= ctx.paise[byAmount[start]!]! * spread)
      continue;
    const run = byAmount.slice(start, j);
    if (run.length >= RECURRING_MIN_OCCURRENCES) {
      const centre = median(run.map((i) => ctx.paise[i]!));
      const kept = run.filter(
        (i) => Math.abs(ctx.paise[i]! - centre) <= centre * RECURRING_AMOUNT_TOLERANCE,
      );
      if (kept.length >= RECURRING_MIN_OCCURRENCES) clusters.push(kept);
    }
    start = j;
  }
  return clusters;
}

function seriesOf(
  ctx: AccountContext,
  rank: Int32Array,
  cluster: number[],
  name: string,
): RecurringSeries | null {
  cluster.sort((a, b) => rank[a]! - rank[b]!);
  const intervals: number[] = [];
  for (let j = 1; j < cluster.length; j++)
    intervals.push(ctx.day[cluster[j]!]! - ctx.day[cluster[j - 1]!]!);
  const sortedIntervals = [...intervals].sort((a, b) => a - b);
  const typical = median(sortedIntervals);
  const cadence = CADENCES.find((c) => Math.abs(typical - c.days) <= c.tolerance);
  if (!cadence) return null;
  const regular = intervals.filter((d) => Math.abs(d - cadence.days) <= cadence.tolerance).length;
  if (regular < intervals.length * RECURRING_REGULAR_SHARE) return null;
  const total = new TallyBuilder();
  for (const i of cluster) total.add(i, ctx.txs[i]!.amount);
  const amounts = cluster.map((i) => ctx.paise[i]!).sort((a, b) => a - b);
  return {
    counterparty: name,
    type: ctx.txs[cluster[0]!]!.type,
    cadence: cadence.name,
    intervalDays: typical,
    typicalAmount: fromPaise(Math.round(median(amounts))),
    first: ctx.txs[cluster[0]!]!.date,
    last: ctx.txs[cluster[cluster.length - 1]!]!.date,
    total: total.build(),
  };
}

export function computeRecurring(ctx: AccountContext): RecurringSeries[] {
  const rank = new Int32Array(ctx.txs.length);
  ctx.byDate.forEach((i, pos) => (rank[i] = pos));
  const out: RecurringSeries[] = [];
  const credits: number[] = [];
  const debits: number[] = [];
  for (let p = 0; p < ctx.partyCount; p++) {
    const from = ctx.partyStart[p]!;
    const to = ctx.partyStart[p + 1]!;
    if (to - from < RECURRING_MIN_OCCURRENCES) continue;
    const first = ctx.byParty[from]!;
    // Cash has no counterparty to recur with.
    if (ctx.party[first] === CASH_COUNTERPARTY) continue;
    credits.length = 0;
    debits.length = 0;
    for (let k = from; k < to; k++) {
      const i = ctx.byParty[k]!;
      // Bounces are not payments.
      if (ctx.bounce[i]) continue;
      (ctx.txs[i]!.type === 'credit' ? credits : debits).push(i);
    }
    for (const group of [credits, debits]) {
      if (group.length < RECURRING_MIN_OCCURRENCES) continue;
      for (const cluster of amountClusters(ctx, group)) {
        const series = seriesOf(ctx, rank, cluster, ctx.party[first]!.name);
        if (series) out.push(series);
      }
    }
  }
  return out.sort((a, b) => b.total.amount - a.total.amount || (a.first < b.first ? -1 : 1));
}
