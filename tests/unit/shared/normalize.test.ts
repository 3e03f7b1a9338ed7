import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { parseSessionData, SchemaMismatchError } from '../../../src/shared/api/parse';
import { normalizeSession } from '../../../src/shared/model/normalize';
import { packTransactions, unpackTransactions } from '../../../src/shared/ipc/session-wire';
import reference from '../../../src/sandbox/data/reference-subscribed-data.json';

describe('the reference page example', () => {
  it('validates and keeps unknown fields', () => {
    const view = normalizeSession(parseSessionData(reference));
    const first = view.accounts[0]!.transactions[0]!;
    expect(first.extra['categorization_time_stamp']).toBe('2024-04-22');
    expect('reciever_account_number' in first.extra).toBe(false);
    expect(view.unreadable).toEqual([]);
    expect(view.dataShape).toBe('subscribed_data');
  });

  it('normalises into the view model', () => {
    const view = normalizeSession(parseSessionData(reference));
    expect(view.accounts).toHaveLength(2);
    const central = view.accounts[0]!;
    expect(central.details.bank).toBe('central');
    expect(central.details.holderName).toBe('R K ENTERPRISES');
    expect(central.details.creditLimit).toBe(0);
    expect(central.transactions[0]!.date).toBe('2023-10-23');
    expect(central.monthly.months).toEqual(['2023-10', '2023-11', '2023-12', '2024-01', '2024-02']);
    expect(central.eod.map((m) => m.month)).toEqual([
      '2023-10',
      '2023-11',
      '2023-12',
      '2024-01',
      '2024-02',
    ]);
    expect(central.eod[1]!.balances[0]).toBe(320772.41);
    expect(central.eod[0]!.startDate).toBe('2023-10-23');
    expect(central.fraudItems).toHaveLength(3);
    expect(central.fraudItems[0]!.scope).toBe('statement');
    expect(central.fraudItems[2]!.scope).toBe('account');
    expect(central.fraudItems[1]!.unresolved).toBe(true);
    expect(central.fraudItems[0]!.unresolved).toBe(false);
    expect(central.topCreditsDebits.filter((t) => t.type === 'debit')[0]).toMatchObject({
      month: '2023-10',
      rank: 1,
      amount: 500000,
    });
    expect(central.predictors.months.slice(0, 5)).toEqual([
      'Feb-24',
      'Jan-24',
      'Dec-23',
      'Nov-23',
      'Oct-23',
    ]);
    expect(central.predictors.series.find((s) => s.field === 'expense')!.values[0]).toBe(760951);
    expect(central.totals).toEqual({
      credits: 59620.32,
      debits: 59,
      creditCount: 1,
      debitCount: 1,
    });
  });

  it('sets aside an unreadable transaction among good ones, naming its JSON path', () => {
    const bad = structuredClone(reference) as {
      accounts: Record<string, { transactions: { amount: unknown }[] }>;
    };
    bad.accounts['8cdcf3f2-e4ba-4be8-b0eb-bc619c6cc753']!.transactions[1]!.amount = 'n/a';
    const view = normalizeSession(parseSessionData(bad));
    expect(view.accounts[0]!.transactions.map((t) => t.index)).toEqual([0]);
    expect(view.accounts[1]!.transactions).toHaveLength(1);
    expect(view.unreadable).toEqual([
      {
        path: '$.accounts["8cdcf3f2-e4ba-4be8-b0eb-bc619c6cc753"].transactions[1].amount',
        value: '"n/a"',
        reason: expect.stringContaining('expected'),
      },
    ]);
  });

  it('refuses only a response with no readable account at all', () => {
    expect(() => parseSessionData({ session_id: 's', accounts: { a: 5 } })).toThrow(
      SchemaMismatchError,
    );
    expect(() => parseSessionData({ session_id: 's', accounts: 'x' })).toThrow(
      'at $.accounts, expected a list or an object of accounts',
    );
    const view = normalizeSession({
      session_id: 's',
      accounts: { a: 5, b: { account_details: [] } },
    });
    expect(view.accounts.map((a) => a.accountId)).toEqual(['b']);
    expect(view.unreadable.map((u) => u.path)).toEqual(['$.accounts.a']);
  });
});

describe('a field named "__proto__" is data', () => {
  // JSON.parse makes `"__proto__": …` an own field; so does this, on a copy of the example.
  const ownProto = (record: object, value: unknown) =>
    Object.defineProperty(record, '__proto__', {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });

  it('stays a field of a transaction, a fraud item and the monthly figures, and in the packed view', () => {
    const data = structuredClone(reference) as {
      accounts: Record<
        string,
        {
          transactions: object[];
          fraud: { fraud_type: object[] };
          monthly_analysis: Record<string, unknown>;
        }
      >;
    };
    const account = data.accounts['8cdcf3f2-e4ba-4be8-b0eb-bc619c6cc753']!;
    ownProto(account.transactions[0]!, { polluted: 'yes' });
    ownProto(account.fraud.fraud_type[0]!, 'a value');
    ownProto(account.monthly_analysis, { 'Oct-2023': 5 });

    const central = normalizeSession(parseSessionData(data)).accounts[0]!;
    const extra = central.transactions[0]!.extra;
    expect(Object.getPrototypeOf(extra)).toBe(Object.prototype);
    expect(Object.keys(extra)).toContain('__proto__');
    expect(Object.getOwnPropertyDescriptor(extra, '__proto__')?.value).toEqual({ polluted: 'yes' });
    expect((extra as Record<string, unknown>)['polluted']).toBeUndefined();

    const fraudExtra = central.fraudItems[0]!.extra;
    expect(Object.getPrototypeOf(fraudExtra)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(fraudExtra, '__proto__')?.value).toBe('a value');

    const values = central.monthly.values;
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
    expect(central.monthly.metrics).toContain('__proto__');
    expect(Object.getOwnPropertyDescriptor(values, '__proto__')?.value).toEqual({ '2023-10': 5 });

    // The window's packing (main to renderer) keeps it too.
    const rebuilt = unpackTransactions(
      deserialize(serialize(packTransactions(central.transactions))) as ReturnType<
        typeof packTransactions
      >,
    )[0]!.extra;
    expect(Object.getPrototypeOf(rebuilt)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(rebuilt, '__proto__')?.value).toEqual({
      polluted: 'yes',
    });
  });
});
