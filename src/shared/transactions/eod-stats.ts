// Per-month figures of the end-of-day balances: average, minimum, maximum and the ABB
// lenders use (the balances on the 5th, 10th, 15th, 20th, 25th and last day, averaged).
// Days without a balance are left out, never counted as zero.
import { daysInMonth, type MonthKey } from '../model/calendar';

/** The days whose balances make the average bank balance; 0 stands for the month's last day. */
export const ABB_DAYS = [5, 10, 15, 20, 25, 0] as const;

export interface EodMonthStats {
  readonly month: MonthKey;
  /** Days with a balance. */
  readonly days: number;
  readonly average: number | null;
  readonly minimum: number | null;
  readonly maximum: number | null;
  readonly abb: number | null;
  /** How many of the six ABB days had a balance (the ABB averages only those). */
  readonly abbDays: number;
}

function average(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let paise = 0;
  for (const v of values) paise += Math.round(v * 100);
  return Math.round(paise / values.length) / 100;
}

function isBalance(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** `balances[d - 1]` is day d's balance; entries past the month's length are ignored. */
export function eodMonthStats(
  month: MonthKey,
  balances: readonly (number | null)[],
): EodMonthStats {
  const length = daysInMonth(month);
  const present: number[] = [];
  let minimum: number | null = null;
  let maximum: number | null = null;
  for (let d = 0; d < Math.min(length, balances.length); d++) {
    const value = balances[d];
    if (!isBalance(value)) continue;
    present.push(value);
    if (minimum === null || value < minimum) minimum = value;
    if (maximum === null || value > maximum) maximum = value;
  }
  const abbValues = ABB_DAYS.map((day) => balances[(day === 0 ? length : day) - 1]).filter(
    isBalance,
  );
  return {
    month,
    days: present.length,
    average: average(present),
    minimum,
    maximum,
    abb: average(abbValues),
    abbDays: abbValues.length,
  };
}
