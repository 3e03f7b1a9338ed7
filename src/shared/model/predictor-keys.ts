// Which predictor keys are per-month: `expense_0`..`expense_11` (month_0 the latest). A key
// ending in a day of the month (`avg_of_eod_bal_on_15`, `..._on_01`) is a single value, not
// month 15: only 0 to 11 without a leading zero count, and never after `_on`.

const PER_MONTH_KEY = /^(.*)_(\d|1[01])$/;

/** The field and month index of a per-month predictor key, or null for a single value. */
export function perMonthPredictor(key: string): { field: string; month: number } | null {
  const match = PER_MONTH_KEY.exec(key);
  if (!match || match[1]!.endsWith('_on')) return null;
  return { field: match[1]!, month: Number(match[2]) };
}
