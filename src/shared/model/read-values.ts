// Reading single values liberally: what has one obvious meaning is read, the rest is
// reported as unreadable (`undefined`) for the caller to set aside.
import { NUMBER_TEXT } from '../api/schemas';
import { exactToPaisa, groupIndian, MAX_EXACT_PAISE } from './money';

export type Json = Record<string, unknown>;

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  // An object or a list where text was expected: shown as sent, not as "[object Object]".
  return JSON.stringify(value) ?? '';
}

/** Non-empty text, else null. Numbers are shown as written (an account number sent as one). */
export function nullableText(value: unknown): string | null {
  if (typeof value === 'string') return value !== '' ? value : null;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return null;
}

/**
 * A number sent as a number or as numeric text (`"59.0"`). Null for null, absent or "";
 * undefined when it is there but is not a number.
 */
export function readNumber(value: unknown): number | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string') {
    if (value.trim() === '') return null;
    if (NUMBER_TEXT.test(value)) return Number(value);
    // Limits and metrics may be sent with more decimals ("0.000") or grouping ("1,000").
    const n = Number(value.replace(/,/g, ''));
    return /^\s*[+-]?[\d,]*\.?\d+\s*$/.test(value) && Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

const INEXACT = `a number the app can keep exact to the paisa (at most ${groupIndian(String(Math.floor(MAX_EXACT_PAISE / 100)))} rupees either way; this one would be rounded)`;

/** Why a value is not an amount or balance (null: it is one): a number, or one in text. */
export function amountProblem(value: unknown): string | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return 'a finite number (this one is past what a number can hold)';
    return exactToPaisa(value) ? null : INEXACT;
  }
  if (typeof value === 'string' && NUMBER_TEXT.test(value)) {
    return exactToPaisa(Number(value)) ? null : INEXACT;
  }
  return 'a number (or one in text)';
}

/** An amount already checked by amountProblem. */
export function amountOf(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

export function readBoolean(value: unknown): boolean | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'True') return true;
  if (value === 'false' || value === 'False') return false;
  return undefined;
}
