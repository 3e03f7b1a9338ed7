// Session-wide figures across the accounts: monthly credits and debits with and without
// the own-account transfers, and the top payers and payees with those transfers left out
// (money moved between the applicant's own accounts is not income or spending). The
// accounts' own monthly lists are shared, not copied.
import { fromPaise, toPaise } from '../model/money';
import type { AccountContext } from './context';
import { partyIndices, partySums } from './counterparties';
import { CASH_COUNTERPARTY } from './counterparty';
import { TOP_COUNTERPARTIES } from './rules';
import type {
  AccountInsights,
  OwnTransfer,
  SessionCounterparty,
  SessionMonthFlow,
  SessionTally,
  Tally,
} from './types';

type Part = { readonly accountId: string; readonly indices: readonly number[] };

function tallyOf(parts: Part[], paise: number): SessionTally {
  let count = 0;
  for (const p of parts) count += p.indices.length;
  return { amount: fromPaise(paise), count, byAccount: parts.filter((p) => p.indices.length > 0) };
}

function sumPaise(ctx: AccountContext, indices: readonly number[]): number {
  let paise = 0;
  for (const i of indices) paise += ctx.paise[i]!;
  return paise;
}

export function sessionFigures(
  contexts: readonly AccountContext[],
  accounts: readonly AccountInsights[],
  transfers: readonly OwnTransfer[],
  /** Per account: transactions that are not business dealings (see AccountResult). */
  notCounterparty: readonly Uint8Array[] = [],
): {
  months: SessionMonthFlow[];
  topPayers: SessionCounterparty[];
  topPayees: SessionCounterparty[];
} {
  const legs = contexts.map((c) => new Uint8Array(c.txs.length));
  const hasLegs = contexts.map(() => false);
  const position = new Map(contexts.map((c, k) => [c.account.accountId, k]));
  for (const t of transfers)
    for (const ref of [t.from, t.to]) {
      const k = position.get(ref.accountId)!;
      legs[k]![ref.index] = 1;
      hasLegs[k] = true;
    }

  const monthKeys = [
    ...new Set(accounts.flatMap((a) => a.flows.months.map((m) => m.month))),
  ].sort();
  const months = monthKeys.map((month): SessionMonthFlow => {
    const side = (pick: 'credits' | 'debits') => {
      const all: Part[] = [];
      const own: Part[] = [];
      const external: Part[] = [];
      let allPaise = 0;
      let ownPaise = 0;
      accounts.forEach((a, k) => {
        const tally: Tally | undefined = a.flows.months.find((m) => m.month === month)?.[pick];
        if (!tally || tally.count === 0) return;
        const accountId = a.accountId;
        allPaise += toPaise(tally.amount);
        all.push({ accountId, indices: tally.indices });
        if (!hasLegs[k]) {
          external.push({ accountId, indices: tally.indices });
          return;
        }
        const mark = legs[k]!;
        const ownIndices = tally.indices.filter((i) => mark[i]);
        ownPaise += sumPaise(contexts[k]!, ownIndices);
        own.push({ accountId, indices: ownIndices });
        external.push({ accountId, indices: tally.indices.filter((i) => !mark[i]) });
      });
      return {
        all: tallyOf(all, allPaise),
        own: tallyOf(own, ownPaise),
        external: tallyOf(external, allPaise - ownPaise),
      };
    };
    const credits = side('credits');
    const debits = side('debits');
    return {
      month,
      credits: credits.all,
      debits: debits.all,
      ownTransferCredits: credits.own,
      ownTransferDebits: debits.own,
      externalCredits: credits.external,
      externalDebits: debits.external,
    };
  });

  // Counterparty totals per key across the accounts, own-account transfers and the
  // accounts' non-business entries left out.
  const skips = contexts.map((_, k) => {
    const other = notCounterparty[k];
    if (!other) return legs[k]!;
    const skip = other.slice();
    legs[k]!.forEach((v, i) => {
      if (v) skip[i] = 1;
    });
    return skip;
  });
  const totals = new Map<string, { name: string; credit: number; debit: number }>();
  let externalCredits = 0;
  let externalDebits = 0;
  contexts.forEach((ctx, k) => {
    const sums = partySums(ctx, skips[k]);
    for (let p = 0; p < ctx.partyCount; p++) {
      const party = ctx.parties[p]!;
      let total = totals.get(party.key);
      if (!total) totals.set(party.key, (total = { name: party.name, credit: 0, debit: 0 }));
      total.credit += sums[2 * p]!;
      total.debit += sums[2 * p + 1]!;
    }
    for (const i of ctx.byDate) {
      if (skips[k]![i]) continue;
      if (ctx.credit[i]) externalCredits += ctx.paise[i]!;
      else externalDebits += ctx.paise[i]!;
    }
  });
  const top = (type: 'credit' | 'debit', whole: number): SessionCounterparty[] =>
    [...totals]
      .filter(([, t]) => t[type] > 0)
      .sort(([ka, a], [kb, b]) => b[type] - a[type] || (ka < kb ? -1 : 1))
      .slice(0, TOP_COUNTERPARTIES)
      .map(([key, t]) => {
        const parts: Part[] = [];
        contexts.forEach((ctx, k) => {
          const p = ctx.partyIndex.get(key);
          if (p !== undefined)
            parts.push({
              accountId: ctx.account.accountId,
              indices: partyIndices(ctx, p, type, skips[k]),
            });
        });
        return {
          key,
          name: key === CASH_COUNTERPARTY.key ? CASH_COUNTERPARTY.name : t.name,
          total: tallyOf(parts, t[type]),
          share: whole === 0 ? 0 : t[type] / whole,
        };
      });
  return {
    months,
    topPayers: top('credit', externalCredits),
    topPayees: top('debit', externalDebits),
  };
}
