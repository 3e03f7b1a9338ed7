// The transaction table's column widths from its data, measured here at 7 px a character
// (bold 8): amount columns as wide as their longest amount text at any size and sign,
// channel and category capped, names shortened only at a word.
import { describe, expect, it } from 'vitest';
import {
  CELL_PADDING,
  columnWidths,
  fitWords,
  NAME_CAP,
  type Measure,
} from '../../../src/shared/transactions/column-widths';
import { tx } from './helpers';

const measure: Measure = (text, bold = false) => text.length * (bold ? 8 : 7);
const LABELS = {
  date: 'Date',
  narration: 'Narration',
  ref: 'Ref',
  debit: 'Debit (₹)',
  credit: 'Credit (₹)',
  balance: 'Balance (₹)',
  channel: 'Channel',
  category: 'Category',
};
const ARROW = 16;

describe('columnWidths', () => {
  it('fits the largest amount of each column, and the most negative balance', () => {
    const rows = [
      tx({ index: 0, type: 'debit', amount: 9999999999999.99, balance: 12 }),
      tx({ index: 1, type: 'credit', amount: 81, balance: -99999999999.5 }),
    ];
    const w = columnWidths(rows, { channels: [], categories: [] }, LABELS, measure);
    // "99,99,99,99,99,999.99" is 21 characters: 21 x 7 + 16 = 163.
    expect(w.debit).toBe(21 * 7 + CELL_PADDING);
    // "81.00" is narrower than its header "Credit (₹)": 10 x 8 + 16 arrow + 16 = 112.
    expect(w.credit).toBe(10 * 8 + ARROW + CELL_PADDING);
    // "-99,99,99,99,999.50" is 19 characters: 19 x 7 + 16 = 149.
    expect(w.balance).toBe(19 * 7 + CELL_PADDING);
  });

  it('sizes channel by its name, category as sent, each up to the cap', () => {
    const rows = [tx({ index: 0 })];
    const w = columnWidths(
      rows,
      { channels: ['upi', 'cash_deposit'], categories: ['Loan EMI', 'x'.repeat(60)] },
      LABELS,
      measure,
    );
    // "Cash deposit" (12 characters, the name of cash_deposit): 84 + 16 = 100; its header
    // "Channel" is 7 x 8 + 16 = 72, narrower.
    expect(w.channel).toBe(12 * 7 + CELL_PADDING);
    expect(w.category).toBe(NAME_CAP + CELL_PADDING);
  });
});

describe('fitWords', () => {
  it('keeps a name that fits, else whole words and an ellipsis', () => {
    expect(fitWords('Loan EMI', 100, measure)).toBe('Loan EMI');
    // 'Net banking (NEFT/RTGS/IMPS)' at 7 px a character in 120 px: "Net banking …" fits
    // (13 x 7 = 91), "Net banking (NEFT/…" (19 x 7 = 133) does not.
    expect(fitWords('Net banking (NEFT/RTGS/IMPS)', 120, measure)).toBe('Net banking…');
    expect(fitWords('Net banking (NEFT/RTGS/IMPS)', 140, measure)).toBe('Net banking (NEFT…');
    // A first word too long for the column is kept whole (the cell clips it).
    expect(fitWords('Supercalifragilistic payments', 70, measure)).toBe('Supercalifragilistic…');
  });
});
