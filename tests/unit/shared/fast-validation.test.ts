// The fast transaction check gives the schema's verdict: it stands in for the schema on
// large responses. Each field of real transactions is swapped for values of
// every kind, and the two verdicts are compared.
import { describe, expect, it } from 'vitest';
import { parseSubscribedData } from '../../../src/shared/api/parse';
import { isApiTransaction, transactionSchema } from '../../../src/shared/api/schemas';
import { normalizeSession } from '../../../src/shared/model/normalize';
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
  'metadata',
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
  '2023-10-01T10:00:00Z',
  '23-Oct-23',
  '31/10/2023',
  '2023-02-30',
  '59.0',
  ' 59.00 ',
  '-404202.41',
  '12.345',
  '1,000',
  'n/a',
  6500,
  2 ** 53 + 2,
  { transaction_channel: 'upi' },
  { transaction_channel: 5 },
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

describe('reading a response', () => {
  it('reads the transactions the schema accepts and sets aside exactly the ones it refuses', () => {
    const copy = structuredClone(reference) as unknown as {
      accounts: Record<string, { transactions: Record<string, unknown>[] }>;
    };
    const list = Object.values(copy.accounts)[0]!.transactions;
    const base = list[0]!;
    const variants = VALUES.map((value) => ({ ...base, amount: value, hash: undefined }));
    list.splice(0, list.length, ...variants);
    const view = normalizeSession(copy);
    const accepted = variants.filter((t) => transactionSchema.safeParse(t).success).length;
    expect(accepted).toBeGreaterThan(2);
    expect(view.accounts[0]!.transactions).toHaveLength(accepted);
    expect(view.unreadable).toHaveLength(variants.length - accepted);
  });

  it('hands back the value itself, not a copy', () => {
    expect(parseSubscribedData(reference)).toBe(reference);
  });
});
