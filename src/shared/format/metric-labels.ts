// Readable names for `monthly_analysis` metrics (key-labels.ts holds the rule set and the
// groups); anything FinBox is not known to send is shown by its raw key, so nothing the API
// sends is hidden or misnamed.
import { monthlyKeyLabel } from './key-labels';

/** The label to show: the known label, else the raw key itself. */
export function metricLabel(key: string): string {
  return monthlyKeyLabel(key).label;
}

/** Counts are shown without decimals and never with a rupee sign. */
export function isCountMetric(key: string): boolean {
  return /^(cnt|count|num|no_of)_|_(cnt|count|days)$|days|bounces/.test(key) && !/^amt_/.test(key);
}
