// The table of balances on the ABB dates, laid out once for the Analyses tab and the
// workbook: a column for each date of the policy's set, taken from the longest month (an
// every-day policy gives February 28 columns and October 31; a shorter month's row ends
// early), each headed alike.
import type { AbbPoint, MonthBalances } from './types';

/** The columns: the days of the month with the most ABB dates. */
export function abbDateColumns(months: readonly MonthBalances[]): readonly AbbPoint['day'][] {
  let widest: readonly AbbPoint[] = [];
  for (const m of months) if (m.abbPoints.length > widest.length) widest = m.abbPoints;
  return widest.map((p) => p.day);
}

/** A column's heading: `Day 5`, `Last day`. */
export function abbDateLabel(day: AbbPoint['day']): string {
  return day === 'last' ? 'Last day' : `Day ${day}`;
}

/** Where a month's balances came from, in words. */
export const BALANCE_SOURCE_LABELS: Readonly<Record<MonthBalances['source'], string>> = {
  eod: 'EOD series',
  transactions: 'Running balances',
  none: 'No balances',
};
