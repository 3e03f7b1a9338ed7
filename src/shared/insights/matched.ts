// Transactions a rule matched (bounces, obligations), listed in date order and tallied
// into a fixed set of figures per month and over the whole period.
import type { MonthKey } from '../model/calendar';
import type { AccountContext } from './context';
import { TallyBuilder } from './tally';
import type { Tally } from './types';

export interface MatchedItem {
  readonly index: number;
  readonly month: MonthKey;
  readonly amount: number;
}

export interface MatchedInsights<Item, K extends string> {
  readonly items: Item[];
  readonly months: (Record<K, Tally> & { readonly month: MonthKey })[];
  readonly period: Record<K, Tally>;
}

class FigureTallies<K extends string> {
  private readonly tallies = new Map<K, TallyBuilder>();

  constructor(private readonly figures: readonly K[]) {
    for (const f of figures) this.tallies.set(f, new TallyBuilder());
  }

  add(figure: K, item: MatchedItem): void {
    this.tallies.get(figure)!.add(item.index, item.amount);
  }

  build(): Record<K, Tally> {
    const out = {} as Record<K, Tally>;
    for (const f of this.figures) out[f] = this.tallies.get(f)!.build();
    return out;
  }
}

/**
 * Lists every transaction with a match (in date order) as `toItem` makes it, and adds its
 * amount to the figure `figureOf` names, both in its month and over the period. Every
 * month of the account appears, matched or not.
 */
export function tallyMatches<M, Item extends MatchedItem, K extends string>(
  ctx: AccountContext,
  matches: readonly (M | null)[],
  toItem: (index: number, match: M) => Item,
  figures: readonly K[],
  figureOf: (item: Item) => K,
): MatchedInsights<Item, K> {
  const items: Item[] = [];
  const byMonth = new Map<MonthKey, FigureTallies<K>>();
  for (const m of ctx.months) byMonth.set(m, new FigureTallies(figures));
  const period = new FigureTallies(figures);
  for (const i of ctx.byDate) {
    const match = matches[i];
    if (!match) continue;
    const item = toItem(i, match);
    items.push(item);
    const figure = figureOf(item);
    let acc = byMonth.get(item.month);
    if (!acc) byMonth.set(item.month, (acc = new FigureTallies(figures)));
    acc.add(figure, item);
    period.add(figure, item);
  }
  const months = [...byMonth.keys()]
    .sort()
    .map((month) => ({ month, ...byMonth.get(month)!.build() }));
  return { items, months, period: period.build() };
}
