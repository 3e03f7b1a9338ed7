// Session-wide figures across the accounts: monthly credits and debits with and without
// the own-account transfers, and the top payers and payees with those transfers left out
// (money moved between the applicant's own accounts is not income or spending).
import type { MonthKey } from '../model/calendar';
import { fromPaise } from '../model/money';
import type { AccountContext } from './context';
import { CASH_COUNTERPARTY } from './counterparty';
import { TOP_COUNTERPARTIES } from './rules';
import type { OwnTransfer, SessionCounterparty, SessionMonthFlow, SessionTally } from './types';

class SessionTallyBuilder {
  private paise = 0;
  private count = 0;
  private readonly byAccount = new Map<string, number[]>();

  add(accountId: string, index: number, paise: number): void {
    this.paise += paise;
    this.count++;
    const list = this.byAccount.get(accountId);
    if (list) list.push(index);
    else this.byAccount.set(accountId, [index]);
  }

  get amountPaise(): number {
    return this.paise;
  }

  build(): SessionTally {
    return {
      amount: fromPaise(this.paise),
      count: this.count,
      byAccount: [...this.byAccount].map(([accountId, indices]) => ({ accountId, indices })),
    };
  }
}

function ownLegSets(
  contexts: readonly AccountContext[],
  transfers: readonly OwnTransfer[],
): Map<string, Uint8Array> {
  const sets = new Map(contexts.map((c) => [c.account.accountId, new Uint8Array(c.txs.length)]));
  for (const t of transfers) {
    sets.get(t.from.accountId)![t.from.index] = 1;
    sets.get(t.to.accountId)![t.to.index] = 1;
  }
  return sets;
}

export function sessionFigures(
  contexts: readonly AccountContext[],
  transfers: readonly OwnTransfer[],
): {
  months: SessionMonthFlow[];
  topPayers: SessionCounterparty[];
  topPayees: SessionCounterparty[];
} {
  const own = ownLegSets(contexts, transfers);
  type MonthAcc = Record<
    'credits' | 'debits' | 'ownIn' | 'ownOut' | 'extIn' | 'extOut',
    SessionTallyBuilder
  >;
  const months = new Map<MonthKey, MonthAcc>();
  const payers = new Map<string, { name: string; tally: SessionTallyBuilder }>();
  const payees = new Map<string, { name: string; tally: SessionTallyBuilder }>();
  let externalCredits = 0;
  let externalDebits = 0;
  for (const ctx of contexts) {
    const id = ctx.account.accountId;
    const legs = own.get(id)!;
    for (const i of ctx.byDate) {
      const m = ctx.month[i]!;
      let acc = months.get(m);
      if (!acc) {
        acc = {
          credits: new SessionTallyBuilder(),
          debits: new SessionTallyBuilder(),
          ownIn: new SessionTallyBuilder(),
          ownOut: new SessionTallyBuilder(),
          extIn: new SessionTallyBuilder(),
          extOut: new SessionTallyBuilder(),
        };
        months.set(m, acc);
      }
      const p = ctx.paise[i]!;
      const credit = ctx.txs[i]!.type === 'credit';
      (credit ? acc.credits : acc.debits).add(id, i, p);
      if (legs[i]) {
        (credit ? acc.ownIn : acc.ownOut).add(id, i, p);
        continue;
      }
      (credit ? acc.extIn : acc.extOut).add(id, i, p);
      if (credit) externalCredits += p;
      else externalDebits += p;
      const party = ctx.party[i];
      if (!party) continue;
      const groups = credit ? payers : payees;
      let g = groups.get(party.key);
      if (!g) groups.set(party.key, (g = { name: party.name, tally: new SessionTallyBuilder() }));
      g.tally.add(id, i, p);
    }
  }
  const top = (
    groups: Map<string, { name: string; tally: SessionTallyBuilder }>,
    whole: number,
  ): SessionCounterparty[] =>
    [...groups]
      .sort(([ka, a], [kb, b]) => b.tally.amountPaise - a.tally.amountPaise || (ka < kb ? -1 : 1))
      .slice(0, TOP_COUNTERPARTIES)
      .map(([key, g]) => ({
        key,
        name: key === CASH_COUNTERPARTY.key ? CASH_COUNTERPARTY.name : g.name,
        total: g.tally.build(),
        share: whole === 0 ? 0 : g.tally.amountPaise / whole,
      }));
  return {
    months: [...months.keys()].sort().map((month) => {
      const acc = months.get(month)!;
      return {
        month,
        credits: acc.credits.build(),
        debits: acc.debits.build(),
        ownTransferCredits: acc.ownIn.build(),
        ownTransferDebits: acc.ownOut.build(),
        externalCredits: acc.extIn.build(),
        externalDebits: acc.extOut.build(),
      };
    }),
    topPayers: top(payers, externalCredits),
    topPayees: top(payees, externalDebits),
  };
}
