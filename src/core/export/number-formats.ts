// Excel number formats. Amounts use Indian digit grouping (12,34,567.89). Excel has no
// grouping code for lakhs and crores, so the grouping is spelled out with literal commas,
// and each amount gets the one single-section format that fits its size. A single section
// applies to both signs (Excel puts the minus sign before it), so a negative amount groups
// exactly as the same positive one; conditional sections would leave one sign to a
// western-grouped fallback.
import { fromPaise, toPaise } from '@shared/model/money';

/** Amounts below 1,00,000 either way: three digits, where both groupings agree. */
export const MONEY_FORMAT = '#,##0.00';
export const COUNT_FORMAT = '#,##0';
/** A share written in percentage points (12.5 for 12.5%): the % is a literal, not a x100. */
export const PERCENT_POINTS_FORMAT = '0.00"%"';
/** A multiple such as ABB over EMI: `97.32×`. */
export const TIMES_FORMAT = '0.00"×"';
export const DATE_FORMAT = 'dd-mmm-yyyy';
export const MONTH_FORMAT = 'mmm-yyyy';
/** Excel's Text format: what a person types into the cell later stays text too. */
export const TEXT_FORMAT = '@';

const largeFormats = new Map<number, string>();

/** The number format for an amount, chosen by its size whatever its sign. */
export function moneyFormatFor(amount: number): string {
  // As shown, to the paisa as written: 99,999.995 shows as 1,00,000.00.
  const shown = Math.abs(fromPaise(toPaise(amount)));
  if (!(shown >= 100_000)) return MONEY_FORMAT;
  const digits = Math.floor(shown).toFixed(0).length;
  // Groups of two after the last three digits: 1,23,456 / 12,34,567 / 1,23,45,678 ...
  const pairs = Math.ceil((digits - 3) / 2);
  let format = largeFormats.get(pairs);
  if (!format) {
    format = `##${'\\,##'.repeat(pairs - 1)}\\,##0.00`;
    largeFormats.set(pairs, format);
  }
  return format;
}
