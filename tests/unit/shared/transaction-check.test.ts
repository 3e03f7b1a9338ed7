// The one check of a transaction (transactionProblem, model/read-transactions.ts): each
// field of a reference transaction swapped for values whose verdict is worked out here by
// hand from the documented forms (ReadableTransaction in api/schemas.ts).
import { describe, expect, it } from 'vitest';
import { parseSessionData } from '../../../src/shared/api/parse';
import { normalizeSession } from '../../../src/shared/model/normalize';
import { transactionProblem } from '../../../src/shared/model/read-transactions';
import reference from '../../../src/sandbox/data/reference-subscribed-data.json';

function transactionsOf(data: unknown): Record<string, unknown>[] {
  const accounts = (data as { accounts: Record<string, { transactions?: unknown[] }> }).accounts;
  return Object.values(accounts).flatMap(
    (a) => (a.transactions ?? []) as Record<string, unknown>[],
  );
}
const base = transactionsOf(reference)[0]!;

/** The transaction with one field set to `value` (undefined: the field left out). */
function withField(field: string, value: unknown): Record<string, unknown> {
  const t: Record<string, unknown> = { ...base, [field]: value };
  if (value === undefined) delete t[field];
  return t;
}

const TEXT_ANY = [undefined, null, '', 'x', 'debit', '2023-10-01'];
const NOT_TEXT = [0, -12.5, true, {}, [], ['x']];
const NUMBERS_IN_TEXT = ['59.0', ' 59.00 ', '-404202.41', '0', '+7.10'];
const NOT_AMOUNTS = ['', 'x', '12.345', '1,000', 'n/a', Number.NaN, Infinity, true, {}, []];

// field -> [accepted values, refused values], each verdict by hand.
const CASES: Record<string, [unknown[], unknown[]]> = {
  transaction_type: [
    ['debit', 'credit', 'DEBIT', 'Credit'],
    [undefined, null, '', 'x', 1, {}],
  ],
  amount: [
    // 90,000,000,000,000.55 rupees is 9,000,000,000,000,055 paise, under 2^53 - 1; 1e21
    // rupees (10^23 paise) is past it, so it could not be kept exact to the paisa.
    [0, -12.5, 6500, 90_000_000_000_000.55, ...NUMBERS_IN_TEXT],
    [undefined, null, 1e21, -1e21, ...NOT_AMOUNTS],
  ],
  balance: [[undefined, null, 0, -12.5, ...NUMBERS_IN_TEXT], NOT_AMOUNTS],
  date: [
    ['2023-10-01 10:00:00', '2023-10-01', '23-Oct-23', '31/10/2023'],
    [undefined, null, '', 'x', '2023-02-30', 20231001],
  ],
  // Text or a whole number the JSON gives exactly.
  chq_num: [
    [...TEXT_ANY, 0, 6500],
    [-12.5, 2 ** 53 + 2, true, {}, []],
  ],
  transaction_note: [TEXT_ANY, NOT_TEXT],
  hash: [TEXT_ANY, NOT_TEXT],
  transaction_channel: [TEXT_ANY, NOT_TEXT],
  merchant_category: [TEXT_ANY, NOT_TEXT],
  description: [TEXT_ANY, NOT_TEXT],
  category: [TEXT_ANY, NOT_TEXT],
  statement_id: [TEXT_ANY, NOT_TEXT],
  account_id: [TEXT_ANY, NOT_TEXT],
  reciever_account_number: [TEXT_ANY, NOT_TEXT],
  metadata: [
    [undefined, null, {}, { transaction_channel: 'upi', unclean_merchant: null, other: 5 }],
    ['x', 5, [], { transaction_channel: 5 }, { description: {} }],
  ],
  // A field we do not know is kept whatever it holds.
  some_new_field: [[undefined, null, '', 5, true, {}, []], []],
};

describe('transactionProblem', () => {
  it('reads the reference transactions', () => {
    for (const t of transactionsOf(reference)) expect(transactionProblem(t)).toBeNull();
  });

  for (const [field, [accepted, refused]] of Object.entries(CASES)) {
    it(`${field}: reads what it documents, names the field of what it refuses`, () => {
      for (const value of accepted) {
        expect({ value, problem: transactionProblem(withField(field, value)) }).toEqual({
          value,
          problem: null,
        });
      }
      for (const value of refused) {
        const problem = transactionProblem(withField(field, value));
        expect({ value, at: problem?.at[0] }).toEqual({ value, at: field });
        expect(problem?.reason).toMatch(/^expected /);
      }
    });
  }

  it('names the metadata field at fault, and refuses what is not an object', () => {
    expect(transactionProblem(withField('metadata', { description: 5 }))?.at).toEqual([
      'metadata',
      'description',
    ]);
    for (const value of [null, undefined, 'x', 1, [], [base]]) {
      expect(transactionProblem(value)).toEqual({ at: [], reason: 'expected an object' });
    }
  });
});

describe('reading a response', () => {
  it('reads the transactions it accepts and sets aside, by path, the ones it refuses', () => {
    const copy = structuredClone(reference) as unknown as {
      accounts: Record<string, { transactions: Record<string, unknown>[] }>;
    };
    const list = Object.values(copy.accounts)[0]!.transactions;
    // Three amounts that read (6500, "59.0", -12.5) and three that do not.
    const amounts = [6500, '59.0', 'n/a', -12.5, null, '1,000'];
    list.splice(0, list.length, ...amounts.map((amount) => ({ ...base, amount, hash: undefined })));
    const view = normalizeSession(copy);
    expect(view.accounts[0]!.transactions.map((t) => t.index)).toEqual([0, 1, 3]);
    expect(view.unreadable.map((u) => u.path.replace(/^.*\.transactions/, ''))).toEqual([
      '[2].amount',
      '[4].amount',
      '[5].amount',
    ]);
  });

  it('hands back the value itself, not a copy', () => {
    expect(parseSessionData(reference)).toBe(reference);
  });
});
