// Top payers (credits) and payees (debits) over the whole period, by amount. Totals are
// summed per counterparty number first; only the top ones get their transaction lists.
// Only business dealings count: loans, reversals, refunds and own transfers are left out
// (the caller's `skip`), and appear in their own lines under eligible credits.
import type { AccountContext } from './context';
import { fromPaise } from '../model/money';
import { TOP_COUNTERPARTIES } from './rules';
import { TallyBuilder } from './tally';
import type { CounterpartyInsights, CounterpartyTotal } from './types';

/** Paise per counterparty number and type (credits at 2p, debits at 2p + 1). */
export function partySums(ctx: AccountContext, skip?: Uint8Array): Float64Array {
  const sums = new Float64Array(ctx.partyCount * 2);
  for (let k = 0; k < ctx.byParty.length; k++) {
    const i = ctx.byParty[k]!;
    if (skip?.[i]) continue;
    sums[2 * ctx.partyId[i]! + 1 - ctx.credit[i]!]! += ctx.paise[i]!;
  }
  return sums;
}

/** The transactions of counterparty p and one type, in date order. */
export function partyIndices(
  ctx: AccountContext,
  p: number,
  type: 'credit' | 'debit',
  skip?: Uint8Array,
): number[] {
  const out: number[] = [];
  const want = type === 'credit' ? 1 : 0;
  for (let k = ctx.partyStart[p]!; k < ctx.partyStart[p + 1]!; k++) {
    const i = ctx.byParty[k]!;
    if (ctx.credit[i] === want && !skip?.[i]) out.push(i);
  }
  return out;
}

function top(
  ctx: AccountContext,
  sums: Float64Array,
  type: 'credit' | 'debit',
  whole: number,
  skip: Uint8Array | undefined,
): CounterpartyTotal[] {
  const offset = type === 'credit' ? 0 : 1;
  const ids: number[] = [];
  for (let p = 0; p < ctx.partyCount; p++) if (sums[2 * p + offset]! > 0) ids.push(p);
  const key = (p: number) => ctx.parties[p]!.key;
  ids.sort((a, b) => sums[2 * b + offset]! - sums[2 * a + offset]! || (key(a) < key(b) ? -1 : 1));
  return ids.slice(0, TOP_COUNTERPARTIES).map((p) => {
    const indices = partyIndices(ctx, p, type, skip);
    const paise = sums[2 * p + offset]!;
    return {
      key: key(p),
      name: ctx.parties[p]!.name,
      total: { amount: fromPaise(paise), count: indices.length, indices },
      share: whole === 0 ? 0 : paise / whole,
    };
  });
}

export function computeCounterparties(
  ctx: AccountContext,
  skip?: Uint8Array,
): CounterpartyInsights {
  const unnamed = new TallyBuilder();
  let credits = 0;
  let debits = 0;
  for (const i of ctx.byDate) {
    const t = ctx.txs[i]!;
    if (skip?.[i]) continue;
    if (t.type === 'credit') credits += ctx.paise[i]!;
    else debits += ctx.paise[i]!;
    if (ctx.partyId[i]! < 0) unnamed.add(i, t.amount);
  }
  const sums = partySums(ctx, skip);
  return {
    payers: top(ctx, sums, 'credit', credits, skip),
    payees: top(ctx, sums, 'debit', debits, skip),
    unnamed: unnamed.build(),
  };
}
