// Money arrives as JS numbers with at most two decimals. Sums are taken in whole paise so
// that adding thousands of amounts never drifts from what the statement says.

/**
 * Rupees to whole paise. Half a paisa rounds away from zero whatever the sign (-0.005 is
 * -1 paisa), judged on the amount as written (1.005 is 1.01 though its binary value is a
 * hair below): a float within a millionth of a paisa of a half counts as the half.
 */
export function toPaise(amount: number): number {
  const x = amount * 100;
  const r = Math.round(x);
  // Almost every amount has at most two decimals: x is an integer give or take float noise.
  if (x - r < 1e-6 && r - x < 1e-6) return r + 0;
  const whole = Math.floor(Math.abs(x) + 0.5 + 1e-6);
  return x < 0 ? 0 - whole : whole;
}

/**
 * The largest amount, either sign, the app keeps exact to the paisa: its paise must be an
 * integer a JS number holds exactly (2^53 - 1 paise, about ₹90 lakh crore). A larger one
 * would be rounded on every sheet and in every total, so it is set aside instead.
 */
export const MAX_EXACT_PAISE = Number.MAX_SAFE_INTEGER;

export function exactToPaisa(amount: number): boolean {
  return Number.isFinite(amount) && Math.abs(amount) * 100 <= MAX_EXACT_PAISE;
}

/** Paise (a sum's share, an average) rounded to a whole paisa, half away from zero. */
export function roundPaise(paise: number): number {
  const r = Math.round(Math.abs(paise));
  return paise < 0 ? 0 - r : r;
}

export function fromPaise(paise: number): number {
  return paise / 100;
}

export function sumMoney(amounts: Iterable<number>): number {
  let paise = 0;
  for (const a of amounts) paise += toPaise(a);
  return paise / 100;
}

/**
 * `1234567` -> `12,34,567`: the last three digits, then pairs (lakh, crore, and on past
 * a hundred crore: 1,00,00,00,000). Written out rather than left to Intl, whose `en-IN`
 * grouping differs between ICU builds (Chromium stops grouping at a hundred crore).
 */
export function groupIndian(digits: string): string {
  if (digits.length <= 3) return digits;
  let out = digits.slice(-3);
  let rest = digits.slice(0, -3);
  while (rest.length > 2) {
    out = `${rest.slice(-2)},${out}`;
    rest = rest.slice(0, -2);
  }
  return `${rest},${out}`;
}

/** Whole paise as `12,34,567.89` without a sign. */
function paiseText(paise: number): string {
  const abs = Math.abs(paise);
  const rupees = Math.floor(abs / 100);
  const rest = abs - rupees * 100;
  return `${groupIndian(rupees.toFixed(0))}.${rest < 10 ? '0' : ''}${rest.toFixed(0)}`;
}

/** 1234567.891 -> `12,34,567.89` (Indian digit grouping); null -> em dash. */
export function formatAmount(amount: number | null | undefined): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return '—';
  const paise = toPaise(amount);
  return paise < 0 ? `-${paiseText(paise)}` : paiseText(paise);
}

/** `₹12,34,567.89`, with the sign before the rupee symbol for negatives. */
export function formatRupees(amount: number | null | undefined): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return '—';
  const paise = toPaise(amount);
  return paise < 0 ? `-₹${paiseText(paise)}` : `₹${paiseText(paise)}`;
}

/** A whole number in Indian grouping (`-1,23,456`), rounded half away from zero. */
export function formatWhole(value: number): string {
  const whole = Math.sign(value) * Math.floor(Math.abs(value) + 0.5);
  const text = groupIndian(Math.abs(whole).toFixed(0));
  return whole < 0 ? `-${text}` : text;
}
