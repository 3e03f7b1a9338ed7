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
  // Groups by counterparty and type: credits at 2·id, debits at 2·id + 1.
  const groups = new Map<number, number[]>();
  const names = new Map<number, string>();
  for (const i of ctx.byDate) {
    const id = ctx.partyId[i]!;
    // Bounces are not payments; cash has no counterparty to recur with.
    if (id < 0 || ctx.party[i] === CASH_COUNTERPARTY || ctx.bounce[i]) continue;
    const key = 2 * id + (ctx.txs[i]!.type === 'credit' ? 0 : 1);
    const group = groups.get(key);
    if (group) group.push(i);
    else {
      groups.set(key, [i]);
      names.set(key, ctx.party[i]!.name);
    }
  }
  const out: RecurringSeries[] = [];
  for (const [key, indices] of groups) {
    if (indices.length < RECURRING_MIN_OCCURRENCES) continue;
    for (const cluster of amountClusters(ctx, indices)) {
      const series = seriesOf(ctx, rank, cluster, names.get(key)!);
      if (series) out.push(series);
    }
  }
  return out.sort((a, b) => b.total.amount - a.total.amount || (a.first < b.first ? -1 : 1));
}
