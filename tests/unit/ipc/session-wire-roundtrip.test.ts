// Packing transactions as columns and rebuilding them after a structured clone gives back
// the very rows, whatever they hold: generated rows with empty and non-ASCII text (lone
// surrogates too), nulls, values repeated and in runs, every kind of `extra` value and key
// lists in many orders. The rows are compared with the rows given, field for field and key
// order included, never with another packing.
import { deserialize, serialize } from 'node:v8';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  packSalary,
  packTransactions,
  unpackSalary,
  unpackTransactions,
} from '../../../src/shared/ipc/session-wire';
import type { TransactionView } from '../../../src/shared/model/view-model';

/** Through a structured clone, as Electron's IPC sends it. */
function cloned<T>(value: T): T {
  return deserialize(serialize(value)) as T;
}

// Few values, so that dictionaries see repeats and runs; '' and text that looks like a
// placeholder among them.
const anyText = fc.oneof(
  fc.constantFrom('', ' ', '\u0000', '\u0000null', 'null', 'UPI/₹ 500/naïve — “quoted”', 'ಕನ್ನಡ'),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);
const fewTexts = fc.array(anyText, { minLength: 1, maxLength: 4 });
const amount = fc.oneof(
  fc.integer({ min: 0, max: 10_000_000_000 }).map((paise) => paise / 100),
  fc.constantFrom(0, -0, 0.1, 1e15),
);
const extraKey = fc.constantFrom(
  'merchant_category',
  'creditor_name',
  'currency',
  '0',
  '7',
  '',
  'ключ',
  'a\u0000b',
);
/** Objects as JSON.parse makes them (fast-check makes some without a prototype). */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
}
const extraValue = fc.oneof(
  anyText,
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.jsonValue({ maxDepth: 2 }).map(plain),
);

const rowsArbitrary = fc
  .record({
    accountIds: fc.array(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 }),
    dates: fc.array(fc.constantFrom('2023-10-23', '2024-02-29', '2022-01-01'), { minLength: 1 }),
    kinds: fewTexts,
    statements: fc.array(fc.option(anyText, { nil: null }), { minLength: 1, maxLength: 3 }),
  })
  .chain(({ accountIds, dates, kinds, statements }) =>
    fc.array(
      fc.record(
        {
          index: fc.nat({ max: 300_000 }),
          accountId: fc.constantFrom(...accountIds),
          date: fc.constantFrom(...dates),
          type: fc.constantFrom('credit' as const, 'debit' as const),
          amount,
          balance: fc.option(
            amount.map((a) => a - 5_000),
            { nil: null },
          ),
          narration: anyText,
          ref: anyText,
          channel: fc.constantFrom(...kinds),
          category: fc.constantFrom(...kinds),
          description: anyText,
          hash: anyText,
          hashDerived: fc.boolean(),
          statementId: fc.constantFrom(...statements),
          fraudTypes: fc.array(fc.constantFrom('a', 'round_amount', 'ಕ'), { maxLength: 2 }),
          extra: fc.dictionary(extraKey, extraValue, { maxKeys: 4, noNullPrototype: true }),
        },
        { noNullPrototype: true },
      ),
      { maxLength: 60 },
    ),
  );

const BASE: TransactionView = {
  index: 0,
  accountId: 'A',
  date: '2023-10-23',
  type: 'debit',
  amount: 1,
  balance: null,
  narration: '',
  ref: '',
  channel: '',
  category: '',
  description: '',
  hash: 'h',
  hashDerived: false,
  statementId: null,
  fraudTypes: [],
  extra: {},
};

describe('packing transactions', () => {
  test.prop([rowsArbitrary], { numRuns: 300, seed: 20_261_207 })(
    'rebuilds every row as it was, after a structured clone',
    (rows) => {
      const rebuilt = unpackTransactions(cloned(packTransactions(rows)));
      expect(rebuilt).toStrictEqual(rows);
      expect(rebuilt.map((t) => Object.keys(t.extra))).toEqual(
        rows.map((t) => Object.keys(t.extra)),
      );
    },
  );

  test.prop([rowsArbitrary, fc.array(fc.nat(), { maxLength: 10 })], {
    numRuns: 100,
    seed: 20_261_208,
  })('rebuilds salary rows pointing into the rows, and rows of their own', (rows, picks) => {
    const salary = rows.length
      ? picks.map((p, k) => {
          const row = rows[p % rows.length]!;
          // Every third differs from its transaction, so it travels whole.
          return k % 3 === 2
            ? { ...row, narration: `${row.narration}!` }
            : { ...row, extra: { employer_name: `E${k}` } };
        })
      : [];
    expect(unpackSalary(rows, cloned(packSalary(rows, salary)))).toStrictEqual(salary);
  });

  it('keeps a statement id that reads "\\u0000null" apart from a missing one', () => {
    const rows = [BASE, { ...BASE, index: 1, statementId: '\u0000null' }];
    expect(unpackTransactions(cloned(packTransactions(rows))).map((t) => t.statementId)).toEqual([
      null,
      '\u0000null',
    ]);
  });

  it('tells key lists apart that read the same joined (one key "" and none; "a\\u0000b" and a, b)', () => {
    const extras = [{ '': 'x' }, {}, { 'a\u0000b': 1 }, { a: 2, b: 3 }];
    const rows = extras.map((extra, index) => ({ ...BASE, index, extra }));
    expect(unpackTransactions(cloned(packTransactions(rows))).map((t) => t.extra)).toStrictEqual(
      extras,
    );
  });

  it('reads an extra whose prototype was set by a "__proto__" key by its own keys', () => {
    const extra = JSON.parse('{"own": "x"}') as Record<string, unknown>;
    Object.setPrototypeOf(extra, { inherited: 'y' });
    const row = { ...BASE, extra };
    expect(unpackTransactions(cloned(packTransactions([row])))[0]!.extra).toStrictEqual({
      own: 'x',
    });
  });
});
