// Cheque, ECS/NACH and auto-debit returns, their charges and penal charges, each listed
// with its transaction and totalled per month by direction.
import type { MonthKey } from '../model/calendar';
import type { AccountContext } from './context';
import { TallyBuilder } from './tally';
import type { BounceFigures, BounceInsights, BounceItem } from './types';

class BounceAccumulator {
  readonly inward = new TallyBuilder();
  readonly outward = new TallyBuilder();
  readonly other = new TallyBuilder();
  readonly charges = new TallyBuilder();
  readonly penalties = new TallyBuilder();

  add(item: BounceItem): void {
    const target =
      item.kind === 'penalty_charge'
        ? this.penalties
        : item.kind === 'bounce_charge'
          ? this.charges
          : item.direction === 'inward'
            ? this.inward
            : item.direction === 'outward'
              ? this.outward
              : this.other;
    target.add(item.index, item.amount);
  }

  build(): BounceFigures {
    return {
      inwardReturns: this.inward.build(),
      outwardReturns: this.outward.build(),
      otherReturns: this.other.build(),
      charges: this.charges.build(),
      penalties: this.penalties.build(),
    };
  }
}

export function computeBounces(ctx: AccountContext): BounceInsights {
  const items: BounceItem[] = [];
  const byMonth = new Map<MonthKey, BounceAccumulator>();
  for (const m of ctx.months) byMonth.set(m, new BounceAccumulator());
  const period = new BounceAccumulator();
  for (const i of ctx.byDate) {
    const match = ctx.bounce[i];
    if (!match) continue;
    const t = ctx.txs[i]!;
    const item: BounceItem = {
      index: i,
      date: t.date,
      month: ctx.month[i]!,
      type: t.type,
      amount: t.amount,
      kind: match.kind,
      direction: match.direction,
      rule: match.rule,
      narration: t.narration,
    };
    items.push(item);
    let acc = byMonth.get(item.month);
    if (!acc) byMonth.set(item.month, (acc = new BounceAccumulator()));
    acc.add(item);
    period.add(item);
  }
  const months = [...byMonth.keys()]
    .sort()
    .map((month) => ({ month, ...byMonth.get(month)!.build() }));
  return { items, months, period: period.build() };
}
