// EMI and loan debits, other mandate (ECS/NACH) debits and loan disbursal credits, each
// listed with its transaction and totalled per month.
import type { MonthKey } from '../model/calendar';
import type { AccountContext } from './context';
import { TallyBuilder } from './tally';
import type { ObligationFigures, ObligationInsights, ObligationItem } from './types';

class ObligationAccumulator {
  readonly emi = new TallyBuilder();
  readonly mandate = new TallyBuilder();
  readonly disbursal = new TallyBuilder();

  add(item: ObligationItem): void {
    const target =
      item.kind === 'emi'
        ? this.emi
        : item.kind === 'mandate_debit'
          ? this.mandate
          : this.disbursal;
    target.add(item.index, item.amount);
  }

  build(): ObligationFigures {
    return {
      emi: this.emi.build(),
      mandateDebits: this.mandate.build(),
      loanDisbursals: this.disbursal.build(),
    };
  }
}

export function computeObligations(ctx: AccountContext): ObligationInsights {
  const items: ObligationItem[] = [];
  const byMonth = new Map<MonthKey, ObligationAccumulator>();
  for (const m of ctx.months) byMonth.set(m, new ObligationAccumulator());
  const period = new ObligationAccumulator();
  for (const i of ctx.byDate) {
    const match = ctx.obligation[i];
    if (!match) continue;
    const t = ctx.txs[i]!;
    const item: ObligationItem = {
      index: i,
      date: t.date,
      month: ctx.month[i]!,
      amount: t.amount,
      kind: match.kind,
      counterparty: ctx.party[i]?.name ?? null,
      rule: match.rule,
      narration: t.narration,
    };
    items.push(item);
    let acc = byMonth.get(item.month);
    if (!acc) byMonth.set(item.month, (acc = new ObligationAccumulator()));
    acc.add(item);
    period.add(item);
  }
  const months = [...byMonth.keys()]
    .sort()
    .map((month) => ({ month, ...byMonth.get(month)!.build() }));
  return { items, months, period: period.build() };
}
