// Credits and debits per month and for the whole period: amounts and counts, net flow,
// the largest of each, and cash as a share of each.
import type { MonthKey } from '../model/calendar';
import { fromPaise } from '../model/money';
import type { AccountContext } from './context';
import { shareOf, TallyBuilder } from './tally';
import type { FlowFigures, FlowInsights, MonthFlow, TxPick } from './types';

class FlowAccumulator {
  readonly credits = new TallyBuilder();
  readonly debits = new TallyBuilder();
  readonly cashDeposits = new TallyBuilder();
  readonly cashWithdrawals = new TallyBuilder();
  largestCredit = -1;
  largestDebit = -1;

  add(ctx: AccountContext, i: number): void {
    const t = ctx.txs[i]!;
    if (t.type === 'credit') {
      this.credits.add(i, t.amount);
      if (this.largestCredit < 0 || ctx.paise[i]! > ctx.paise[this.largestCredit]!)
        this.largestCredit = i;
      if (ctx.cash[i] === 'deposit') this.cashDeposits.add(i, t.amount);
    } else {
      this.debits.add(i, t.amount);
      if (this.largestDebit < 0 || ctx.paise[i]! > ctx.paise[this.largestDebit]!)
        this.largestDebit = i;
      if (ctx.cash[i] === 'withdrawal') this.cashWithdrawals.add(i, t.amount);
    }
  }

  build(ctx: AccountContext): FlowFigures {
    const credits = this.credits.build();
    const debits = this.debits.build();
    const cashDeposits = this.cashDeposits.build();
    const cashWithdrawals = this.cashWithdrawals.build();
    const pick = (i: number): TxPick | null =>
      i < 0 ? null : { index: i, date: ctx.txs[i]!.date, amount: ctx.txs[i]!.amount };
    return {
      credits,
      debits,
      netFlow: fromPaise(this.credits.amountPaise - this.debits.amountPaise),
      largestCredit: pick(this.largestCredit),
      largestDebit: pick(this.largestDebit),
      cashDeposits,
      cashWithdrawals,
      cashDepositShare: shareOf(cashDeposits.amount, credits.amount),
      cashWithdrawalShare: shareOf(cashWithdrawals.amount, debits.amount),
    };
  }
}

export function computeFlows(ctx: AccountContext): FlowInsights {
  const byMonth = new Map<MonthKey, FlowAccumulator>();
  for (const m of ctx.months) byMonth.set(m, new FlowAccumulator());
  const period = new FlowAccumulator();
  for (const i of ctx.byDate) {
    const m = ctx.month[i]!;
    let acc = byMonth.get(m);
    if (!acc) byMonth.set(m, (acc = new FlowAccumulator()));
    acc.add(ctx, i);
    period.add(ctx, i);
  }
  const months: MonthFlow[] = [...byMonth.keys()]
    .sort()
    .map((month) => ({ month, ...byMonth.get(month)!.build(ctx) }));
  return { months, period: period.build(ctx) };
}
