// Top payers (credits) and payees (debits) over the whole period, by amount.
import type { AccountContext } from './context';
import { TOP_COUNTERPARTIES } from './rules';
import { TallyBuilder } from './tally';
import type { CounterpartyInsights, CounterpartyTotal } from './types';

interface Group {
  readonly key: string;
  readonly name: string;
  readonly tally: TallyBuilder;
}

function top(groups: readonly (Group | undefined)[], whole: number): CounterpartyTotal[] {
  return groups
    .filter((g): g is Group => g !== undefined)
    .sort((a, b) => b.tally.amountPaise - a.tally.amountPaise || (a.key < b.key ? -1 : 1))
    .slice(0, TOP_COUNTERPARTIES)
    .map((g) => ({
      key: g.key,
      name: g.name,
      total: g.tally.build(),
      share: whole === 0 ? 0 : g.tally.amountPaise / whole,
    }));
}

export function computeCounterparties(ctx: AccountContext): CounterpartyInsights {
  const payers: (Group | undefined)[] = new Array<Group | undefined>(ctx.partyCount);
  const payees: (Group | undefined)[] = new Array<Group | undefined>(ctx.partyCount);
  const unnamed = new TallyBuilder();
  let credits = 0;
  let debits = 0;
  for (const i of ctx.byDate) {
    const t = ctx.txs[i]!;
    if (t.type === 'credit') credits += ctx.paise[i]!;
    else debits += ctx.paise[i]!;
    const id = ctx.partyId[i]!;
    if (id < 0) {
      unnamed.add(i, t.amount);
      continue;
    }
    const groups = t.type === 'credit' ? payers : payees;
    let g = groups[id];
    if (!g) {
      const party = ctx.party[i]!;
      g = groups[id] = { key: party.key, name: party.name, tally: new TallyBuilder() };
    }
    g.tally.add(i, t.amount);
  }
  return { payers: top(payers, credits), payees: top(payees, debits), unnamed: unnamed.build() };
}
