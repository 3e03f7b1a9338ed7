// The Total and Average columns of the month tables (Monthly, Insights). Money is summed
// in whole paise, so a total is exact; an average says over how many months it is taken
// (months with a value). Levels (balances, ABB, limits) are averaged, never summed: a
// total of balances means nothing. Shares and "largest" figures get neither.
import { fromPaise, roundPaise, toPaise } from './money';

export type TotalRule = 'sum' | 'average' | 'none';

export interface RowTotals {
  readonly total: number | null;
  readonly average: number | null;
  /** The months with a value, the average's divisor. */
  readonly months: number;
}

export function rowTotals(values: readonly unknown[], rule: TotalRule, _money: boolean): RowTotals {
  const numbers = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const months = numbers.length;
  if (rule === 'none' || months === 0) return { total: null, average: null, months };
  // Money in paise (integers), each rounded as its cell shows it; counts and days are whole.
  const sum = numbers.reduce((s, v) => s + toPaise(v), 0);
  return {
    total: rule === 'sum' ? fromPaise(sum) : null,
    average: fromPaise(roundPaise(sum / months)),
    months,
  };
}

const INSIGHTS_LEVELS = new Set([
  'averageBalance',
  'medianBalance',
  'minBalance',
  'maxBalance',
  'abb',
  'abbThree',
]);
const INSIGHTS_NEITHER = new Set([
  'largestCredit',
  'largestDebit',
  'cashDepositShare',
  'cashWithdrawalShare',
]);

/** The rule for an Insights month-table row (MONTH_COLUMNS' key). */
export function insightsTotalRule(key: string): TotalRule {
  if (INSIGHTS_NEITHER.has(key)) return 'none';
  return INSIGHTS_LEVELS.has(key) ? 'average' : 'sum';
}

/** The rule for a `monthly_analysis` metric, read from FinBox's key. */
export function monthlyTotalRule(key: string): TotalRule {
  if (/ratio|perc|pct|percent|score|^is_|flag/i.test(key)) return 'none';
  if (/bal|abb|limit|median|^avg_|_avg(_|$)/i.test(key)) return 'average';
  if (/^(max|min)_|largest/i.test(key)) return 'none';
  return 'sum';
}
