// The search's input as typed (CLI flags, the Library screen's fields) turned into a
// CatalogueQuery, or one line saying what is wrong.
import { parseEntryDate } from '../format/date-entry';
import type { CatalogueQuery } from './types';

export interface SearchInput {
  readonly text?: string | undefined;
  readonly amount?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

export type ParsedSearch =
  | { readonly ok: true; readonly query: CatalogueQuery }
  | { readonly ok: false; readonly message: string };

/**
 * Rupees as typed (`45000`, `45,000.50`, `4,50,000`, `₹45000`) to paise, exactly: the
 * digits are read as text, never through a float.
 */
export function rupeesToPaise(text: string): number | null {
  const t = text
    .trim()
    .replace(/^(?:₹|rs\.?|inr)\s*/i, '')
    .trim();
  const m = /^(\d{1,3}(?:,\d{2,3})*|\d+)(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) return null;
  const whole = m[1]!.replace(/,/g, '');
  if (whole.length > 13) return null; // beyond any statement, and beyond exact integers
  return Number(whole) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export const MAX_SEARCH_TEXT = 200;

export function parseSearchInput(input: SearchInput): ParsedSearch {
  const text = (input.text ?? '').trim().replace(/\s+/g, ' ');
  if (text.length > MAX_SEARCH_TEXT) {
    return {
      ok: false,
      message: `The search text is too long (over ${MAX_SEARCH_TEXT} characters)`,
    };
  }
  let amountPaise: number | null = null;
  const amount = (input.amount ?? '').trim();
  if (amount !== '') {
    amountPaise = rupeesToPaise(amount);
    if (amountPaise === null) {
      return {
        ok: false,
        message: `The amount "${amount.slice(0, 40)}" is not an amount in rupees (e.g. 45000 or 45,000.50)`,
      };
    }
  }
  const from = parseEntryDate(input.from ?? '');
  if (!from.ok) return { ok: false, message: `From date: ${from.message}` };
  const to = parseEntryDate(input.to ?? '');
  if (!to.ok) return { ok: false, message: `To date: ${to.message}` };
  if (from.date && to.date && from.date > to.date) {
    return { ok: false, message: 'The from date is after the to date' };
  }
  if (text === '' && amountPaise === null && !from.date && !to.date) {
    return { ok: false, message: 'Give something to search for: text, an amount or dates' };
  }
  return { ok: true, query: { text, amountPaise, from: from.date, to: to.date } };
}
