// The fast transaction check must never accept what the schema refuses: it stands in for
// the schema on large responses. Each field of real transactions is swapped for values of
// every kind, and the two verdicts are compared.
import { describe, expect, it } from 'vitest';
import { parseSubscribedData } from '../../../src/shared/api/parse';
import {
  isApiTransaction,
  isSubscribedDataFast,
  subscribedDataSchema,
  transactionSchema,
} from '../../../src/shared/api/schemas';
import reference from '../../../src/sandbox/data/reference-subscribed-data.json';

const FIELDS = [
  'transaction_type',
  'transaction_note',
  'chq_num',
  'amount',
  'balance',
  'date',
  'transaction_channel',
  'hash',
  'merchant_category',
  'description',
  'category',
  'statement_id',
  'account_id',
  'reciever_account_number',
  'some_new_field',
];

const VALUES: unknown[] = [
  undefined,
  null,
  '',
  'debit',
  'credit',
  'DEBIT',
  'x',
  0,
  -12.5,
  1e21,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  {},
  [],
  ['debit'],
  '2023-10-01',
  '2023-10-01 10:00:00',
  '2023-10-01T10:00:00',
  '01/10/2023',
  '2023-10-01 10:00:00 ',
];

function transactionsOf(data: unknown): Record<string, unknown>[] {
  const accounts = (data as { accounts: Record<string, { transactions?: unknown[] }> }).accounts;
  return Object.values(accounts).flatMap(
    (a) => (a.transactions ?? []) as Record<string, unknown>[],
  );
}

describe('isApiTransaction', () => {
  const samples = transactionsOf(reference).slice(0, 5);

  it('accepts the reference transactions, as the schema does', () => {
    expect(samples.length).toBeGreaterThan(0);
    for (const t of samples) {
      expect(transactionSchema.safeParse(t).success).toBe(true);
      expect(isApiTransaction(t)).toBe(true);
    }
  });

  it('gives the schema verdict for every field swapped for every kind of value', () => {
    let refused = 0;
    for (const base of samples) {
      for (const field of FIELDS) {
        for (const value of VALUES) {
          const t: Record<string, unknown> = { ...base, [field]: value };
          if (value === undefined) delete t[field];
          const schema = transactionSchema.safeParse(t).success;
          expect({ field, value, fast: isApiTransaction(t) }).toEqual({
            field,
            value,
            fast: schema,
          });
          if (!schema) refused++;
        }
      }
    }
    expect(refused).toBeGreaterThan(100);
  });

  it('refuses what is not an object', () => {
    for (const value of [null, undefined, 'x', 1, [], [samples[0]]]) {
      expect(isApiTransaction(value)).toBe(false);
      expect(transactionSchema.safeParse(value).success).toBe(false);
    }
  });
});

describe('isSubscribedDataFast', () => {
  it('agrees with the full schema on the reference and on broken copies', () => {
    expect(isSubscribedDataFast(reference)).toBe(true);
    const broken = [
      (d: Record<string, unknown>) => (d['session_id'] = 5),
      (d: Record<string, unknown>) => (d['accounts'] = []),
      (d: Record<string, unknown>) => (transactionsOf(d)[1]!['amount'] = '12'),
      (d: Record<string, unknown>) => (transactionsOf(d)[0]!['date'] = '2023-10-01T00:00:00'),
      (d: Record<string, unknown>) => {
        const block = Object.values(d['accounts'] as Record<string, Record<string, unknown>>)[0]!;
        block['salary_transactions'] = [{ hash: 'h' }];
      },
      (d: Record<string, unknown>) => {
        const block = Object.values(d['accounts'] as Record<string, Record<string, unknown>>)[0]!;
        block['account_details'] = {};
      },
    ];
    for (const breakIt of broken) {
      const copy = structuredClone(reference) as Record<string, unknown>;
      breakIt(copy);
      expect(subscribedDataSchema.safeParse(copy).success).toBe(false);
      expect(isSubscribedDataFast(copy)).toBe(false);
      expect(() => parseSubscribedData(copy)).toThrow('is not in the documented shape');
    }
  });

  it('hands back the value itself, not a copy', () => {
    expect(parseSubscribedData(reference)).toBe(reference);
  });
});
