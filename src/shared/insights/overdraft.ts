// Overdraft use: how much of an overdraft or credit limit the account draws, over the
// same end-of-day balances every balance figure reads (balances.ts: FinBox's EOD series,
// or the running balances where it sent none). A positive balance draws nothing.
import { toPaise } from '../model/money';
import type { BalanceInsights } from './types';

export interface OverdraftUse {
  /** The most of the limit drawn on any day (0..1, above 1 beyond the limit). */
  readonly peak: number;
  /** The average share drawn over every day with a balance. */
  readonly average: number;
}

/** Null without a limit or without any balance. */
export function overdraftUse(balances: BalanceInsights, limit: number | null): OverdraftUse | null {
  if (!limit || limit <= 0) return null;
  const limitPaise = toPaise(limit);
  let days = 0;
  let sum = 0;
  let peak = 0;
  for (const m of balances.months)
    for (const b of m.daily) {
      if (b === null) continue;
      days++;
      const used = b < 0 ? -toPaise(b) : 0;
      sum += used;
      if (used > peak) peak = used;
    }
  if (days === 0) return null;
  return { peak: peak / limitPaise, average: sum / days / limitPaise };
}
