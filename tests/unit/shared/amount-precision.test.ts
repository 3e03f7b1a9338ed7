// An amount the app cannot keep exact to the paisa (its paise past 2^53 - 1) is set aside
// with a reason that says so, never shown rounded (1.2345678901234568e+29) or summed; an
// amount JSON makes infinite (1e309) or a boolean is named for what it is.
import { describe, expect, it } from 'vitest';
import { normalizeSession } from '../../../src/shared/model/normalize';
import { toPaise } from '../../../src/shared/model/money';
import reference from '../../../src/sandbox/data/reference-subscribed-data.json';

/** The reference data with its first account's transactions replaced by `amounts`. */
function withAmounts(amounts: readonly unknown[]) {
  const copy = structuredClone(reference) as unknown as {
    accounts: Record<string, { transactions: Record<string, unknown>[] }>;
  };
  const list = Object.values(copy.accounts)[0]!.transactions;
  const base = list[0]!;
  list.splice(0, list.length, ...amounts.map((amount, i) => ({ ...base, amount, hash: `h${i}` })));
  return normalizeSession(copy);
}

describe('amounts past exact precision', () => {
  it('are set aside, saying why; amounts inside it are read to the paisa', () => {
    const view = withAmounts([
      // JSON.parse gives the nearest double: 1.2345678901234568e+29.
      JSON.parse('123456789012345678901234567890') as number,
      '123456789012345678901234567890',
      1e14, // ₹1,00,00,00,00,00,000: 10^16 paise, past 2^53 - 1 (about 9.007 x 10^15)
      JSON.parse('1e309') as number,
      true,
      90_000_000_000_000.55, // 9,000,000,000,000,055 paise: inside
      '1234.50',
    ]);
    const account = view.accounts[0]!;
    // 90,000,000,000,000.55 rupees is 9,000,000,000,000,055 paise, by hand.
    expect(account.transactions.map((t) => toPaise(t.amount))).toEqual([
      9_000_000_000_000_055, 123_450,
    ]);
    // 2^53 - 1 paise is 90,071,992,547,409.91 rupees: 9,00,71,99,25,47,409 grouped the Indian way.
    const inexact =
      'expected a number the app can keep exact to the paisa (at most 9,00,71,99,25,47,409 rupees either way; this one would be rounded)';
    expect(view.unreadable.map((u) => [u.value, u.reason])).toEqual([
      ['1.2345678901234568e+29', inexact],
      ['"123456789012345678901234567890"', inexact],
      ['100000000000000', inexact],
      [
        'a number past 1.8e308',
        'expected a finite number (this one is past what a number can hold)',
      ],
      ['true', 'expected a number (or one in text)'],
    ]);
  });
});
