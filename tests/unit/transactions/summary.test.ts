import { describe, expect, it } from 'vitest';
import { filterChoices, totalsOf } from '../../../src/shared/transactions/shown-totals';
import { tx } from './helpers';

describe('totalsOf', () => {
  it('counts and sums each side exactly', () => {
    const rows = [
      ...Array.from({ length: 1000 }, () => tx({ type: 'credit', amount: 0.1 })),
      ...Array.from({ length: 3 }, () => tx({ type: 'debit', amount: 0.2 })),
    ];
    expect(totalsOf(rows)).toEqual({
      count: 1003,
      creditCount: 1000,
      debitCount: 3,
      credits: 100,
      debits: 0.6,
    });
  });

  it('sums each amount as its row shows it, to the paisa as written', () => {
    // A row of 1.005 shows as 1.01 (half a paisa away from zero, as written), so two such
    // credits total 1.01 + 1.01 = 2.02; a debit of 2.675 shows as 2.68.
    const rows = [
      tx({ type: 'credit', amount: 1.005 }),
      tx({ type: 'credit', amount: 1.005 }),
      tx({ type: 'debit', amount: 2.675 }),
    ];
    expect(totalsOf(rows)).toMatchObject({ credits: 2.02, debits: 2.68 });
  });

  it('is all zero for no rows', () => {
    expect(totalsOf([])).toEqual({
      count: 0,
      creditCount: 0,
      debitCount: 0,
      credits: 0,
      debits: 0,
    });
  });
});

describe('filterChoices', () => {
  it('lists distinct non-empty channels and categories ignoring case, and the date span', () => {
    const choices = filterChoices([
      tx({ channel: 'upi', category: 'Food', date: '2023-11-02' }),
      tx({ channel: 'Cash', category: '', date: '2023-10-02' }),
      tx({ channel: 'upi', category: 'bills', date: '2024-01-31' }),
      tx({ channel: '', category: 'Food', date: '2023-12-01' }),
    ]);
    expect(choices).toEqual({
      channels: ['Cash', 'upi'],
      categories: ['bills', 'Food'],
      firstDate: '2023-10-02',
      lastDate: '2024-01-31',
    });
    expect(filterChoices([])).toEqual({
      channels: [],
      categories: [],
      firstDate: null,
      lastDate: null,
    });
  });
});
