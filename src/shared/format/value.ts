// Any value the API sends, as text for the screen: numbers in Indian grouping, null as an
// em dash, never `undefined` or `NaN`. API text stays text (callers never render it as HTML).
import { formatAmount, formatWhole } from '../model/money';

export const NONE = '—';

/** Whole numbers without decimals (counts, days), others with two: `12,34,567.89`. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NONE;
  return Number.isInteger(value) ? formatWhole(value) : formatAmount(value);
}

/** A count: `1,23,456`. */
export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NONE;
  return formatWhole(value);
}

export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return NONE;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string') return value.trim() === '' ? NONE : value;
  try {
    return JSON.stringify(value) ?? NONE;
  } catch {
    return String(value);
  }
}

/** A share as a percentage to a tenth, as a policy's limit is stated: `0.5` -> `50%`, `0.625` -> `62.5%`. */
export function formatPercent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/** A wait or a time taken, to a tenth of a second: `2500` ms -> `2.5 s`, `30000` -> `30 s`. */
export function formatSeconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/** `3055870344` -> `XXXXXX0344`: enough to tell accounts apart in a switcher. */
export function maskedNumber(value: string | null): string {
  if (!value) return NONE;
  const trimmed = value.trim();
  if (trimmed.length <= 4) return trimmed;
  return 'X'.repeat(Math.min(trimmed.length - 4, 8)) + trimmed.slice(-4);
}

/** `1 transaction`, `2 transactions`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}
