// Whether a metric or predictor is a count (shown as a whole number) or an amount (shown as
// money). The API does not say, so the name decides: FinBox names counts `cnt_...`,
// `..._count`, `..._days`, `..._bounces`; ratios and flags are left as plain numbers.
import type { CellKind } from './cells';

const COUNT = /^(cnt|count|num|no_of|number_of)_|_(cnt|count|num|days)(_|$)|days|bounces?(_|$)/;
const RATIO = /ratio|_isto_|percent|pct|share|confidence|score|_per_/;

export function metricKind(name: string): CellKind {
  const key = name.toLowerCase();
  if (key.startsWith('amt_')) return 'money';
  if (COUNT.test(key)) return 'count';
  if (RATIO.test(key)) return 'number';
  return 'money';
}
