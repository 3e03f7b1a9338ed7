// Money arrives as JS numbers with at most two decimals. Sums are taken in whole paise so
// that adding thousands of amounts never drifts from what the statement says.

export function toPaise(amount: number): number {
  return Math.round(amount * 100);
}

export function fromPaise(paise: number): number {
  return paise / 100;
}

export function sumMoney(amounts: Iterable<number>): number {
  let paise = 0;
  for (const a of amounts) paise += Math.round(a * 100);
  return paise / 100;
}

const INDIAN_GROUPING = new Intl.NumberFormat('en-IN', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** 1234567.891 -> `12,34,567.89` (Indian digit grouping); null -> em dash. */
export function formatAmount(amount: number | null | undefined): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return '—';
  return INDIAN_GROUPING.format(amount);
}

/** `₹12,34,567.89`, with the sign before the rupee symbol for negatives. */
export function formatRupees(amount: number | null | undefined): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return '—';
  const text = INDIAN_GROUPING.format(Math.abs(amount));
  return amount < 0 ? `-₹${text}` : `₹${text}`;
}
