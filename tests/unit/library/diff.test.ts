// Two snapshots compared: transactions matched by hash, then by date, amount and
// narration; statements, months and fraud items added or gone; figures that moved.
import { describe, expect, it } from 'vitest';
import { diffSnapshots, isEmptyDiff } from '../../../src/shared/library/diff';
import { sessionViewOf } from '../../../src/shared/model/normalize';
import { builtInSession } from '../../../src/sandbox/sessions';

type Raw = {
  session_id: string;
  accounts: Record<
    string,
    { transactions: Record<string, unknown>[]; fraud: { fraud_type: Record<string, unknown>[] } }
  >;
};

function base(): Raw {
  const found = builtInSession('demo-retail');
  if (found?.kind !== 'data') throw new Error('no demo-retail');
  return structuredClone(found.session.subscribed) as unknown as Raw;
}

const viewOf = (raw: Raw) => sessionViewOf(raw.session_id, null, raw);

describe('diffSnapshots', () => {
  it('finds nothing between a snapshot and its copy', () => {
    const d = diffSnapshots(viewOf(base()), viewOf(base()));
    expect(isEmptyDiff(d)).toBe(true);
    expect(d.transactions.unchanged).toBeGreaterThan(50);
  });

  it('tells added, removed and changed transactions, and moved figures', () => {
    const before = base();
    const after = base();
    const [id] = Object.keys(after.accounts);
    const txns = after.accounts[id!]!.transactions;
    const removed = txns.splice(5, 1)[0]!;
    txns[10] = { ...txns[10], transaction_note: 'CORRECTED NARRATION' };
    // A re-sent transaction without its hash is still matched, by date, amount and narration.
    txns[20] = { ...txns[20], hash: null };
    const added = {
      ...txns[30],
      hash: 'new-hash-1',
      amount: 12345.67,
      transaction_note: 'NEW ONE',
    };
    txns.push(added);

    const d = diffSnapshots(viewOf(before), viewOf(after));
    expect(d.transactions.removed.map((t) => t.hash)).toEqual([removed['hash']]);
    expect(d.transactions.added.map((t) => [t.hash, t.amount, t.narration])).toEqual([
      ['new-hash-1', 12345.67, 'NEW ONE'],
    ]);
    expect(d.transactions.changed).toHaveLength(1);
    expect(d.transactions.changed[0]).toMatchObject({
      matchedBy: 'hash',
      fields: ['narration'],
      after: { narration: 'CORRECTED NARRATION' },
    });
    // One out, one in: the count holds, the totals move.
    expect(d.figures.map((f) => f.figure)).not.toContain('transactions');
    expect(d.figures.length).toBeGreaterThan(0);
    expect(isEmptyDiff(d)).toBe(false);
  });

  it('tells fraud items that appeared or cleared', () => {
    const before = base();
    const after = base();
    const [id] = Object.keys(after.accounts);
    const item = {
      statement_id: null,
      fraud_type: 'suspicious_round_amount',
      account_id: id,
      transaction_hash: null,
      fraud_category: 'accounting',
    };
    after.accounts[id!]!.fraud = { ...after.accounts[id!]!.fraud, fraud_type: [item] };
    const d = diffSnapshots(viewOf(before), viewOf(after));
    expect(d.fraud.appeared.map((f) => f.fraudType)).toContain('suspicious_round_amount');
    const back = diffSnapshots(viewOf(after), viewOf(before));
    expect(back.fraud.cleared.map((f) => f.fraudType)).toContain('suspicious_round_amount');
  });
});
