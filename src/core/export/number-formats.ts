// Excel number formats. Amounts use Indian digit grouping (12,34,567.89). Excel has no
// grouping code for lakhs and crores, so the grouping is spelled out with literal commas;
// a custom format has room for two conditions only, so the conditional form covers every
// amount above -1,00,000 and larger negative amounts (overdrawn balances) get the one
// single-section format that fits their size, which Excel shows with its minus sign.

/** Amounts above -1,00,000: crores, lakhs, and the rest (where both groupings agree). */
export const MONEY_FORMAT =
  '[>=10000000]##\\,##\\,##\\,##0.00;[>=100000]##\\,##\\,##0.00;##,##0.00';
export const COUNT_FORMAT = '#,##0';
export const DATE_FORMAT = 'dd-mmm-yyyy';
export const MONTH_FORMAT = 'mmm-yyyy';
/** Excel's Text format: what a person types into the cell later stays text too. */
export const TEXT_FORMAT = '@';

const negativeFormats = new Map<number, string>();

/** The number format for an amount, chosen by its size when it is -1,00,000 or less. */
export function moneyFormatFor(amount: number): string {
  if (amount > -100_000) return MONEY_FORMAT;
  const digits = Math.floor(Math.log10(Math.abs(amount))) + 1;
  // Groups of two after the last three digits: 1,23,456 / 12,34,567 / 1,23,45,678 ...
  const pairs = Math.ceil((digits - 3) / 2);
  let format = negativeFormats.get(pairs);
  if (!format) {
    format = `##${'\\,##'.repeat(pairs - 1)}\\,##0.00`;
    negativeFormats.set(pairs, format);
  }
  return format;
}
