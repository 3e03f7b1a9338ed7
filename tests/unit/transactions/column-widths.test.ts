// The transaction table's column widths from its data, measured here at 7 px a character
// (bold 8): amount columns as wide as their longest amount text at any size and sign,
// channel (its short name) and category capped but never narrower than their first word,
// names shortened only at a space, the narration given a typical narration's width before
// Ref is shown.
import { describe, expect, it } from 'vitest';
import {
  columnWidths,
  fitWords,
  NAME_CAP,
  planColumns,
  type ColumnWidths,
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
    // "99,99,99,99,99,999.99" is 21 characters: 21 x 7 + 12 padding = 159.
    expect(w.debit).toBe(21 * 7 + 12);
    // "81.00" is narrower than its header "Credit (₹)": 10 x 8 + 16 arrow + 12 = 108.
    expect(w.credit).toBe(10 * 8 + ARROW + 12);
    // "-99,99,99,99,999.50" is 19 characters: 19 x 7 + 12 = 145.
    expect(w.balance).toBe(19 * 7 + 12);
  });

  it('sizes channel by its short name, category as sent, each up to the cap', () => {
    const rows = [tx({ index: 0 })];
    const w = columnWidths(
      rows,
      {
        channels: ['upi', 'cash_deposit', 'net_banking_transfer'],
        categories: ['Loan EMI', 'Transfer to related party accounts abroad'],
      },
      LABELS,
      measure,
    );
    // "NEFT/RTGS/IMPS" (14 characters, net_banking_transfer's short name; its full name
    // "Net banking (NEFT/RTGS/IMPS)" would be 28): 98 + 12 = 110. "Cash deposit" is 84;
    // the header "Channel" is 7 x 8 + 16 arrow = 72.
    expect(w.channel).toBe(14 * 7 + 12);
    // 41 characters = 287 px, over the cap: 170 + 12.
    expect(w.category).toBe(NAME_CAP + 12);
  });

  it('never makes a name column narrower than its first word (up to 260 px)', () => {
    const rows = [tx({ index: 0 })];
    const w = columnWidths(
      rows,
      { channels: ['upi'], categories: ['Reimbursements and refunds', 'x'.repeat(60)] },
      LABELS,
      measure,
    );
    // "Reimbursements…" (15 characters) = 105 fits the cap; "xxx…" (one 60-character word,
    // 420 px) is kept whole up to 260: 260 + 12 = 272.
    expect(w.category).toBe(260 + 12);
    const short = columnWidths(
      rows,
      { channels: ['upi'], categories: ['Supercalifragilisticexpialidocious payments'] },
      LABELS,
      measure,
    );
    // 43 characters (301 px) are over the cap 170, but the first word and its "…" are 35
    // characters = 245 px: 245 + 12 = 257.
    expect(short.category).toBe(35 * 7 + 12);
  });

  it('gives the narration its longest text, up to a typical 60-character narration', () => {
    const few = columnWidths(
      [tx({ narration: 'BY CASH DEPOSIT' }), tx({ narration: 'ATM WDL' })],
      { channels: [], categories: [] },
      LABELS,
      measure,
    );
    // "BY CASH DEPOSIT" is 15 characters: 105 + 12 = 117 (its header: 9 x 8 + 16 arrow = 88).
    expect(few.narration).toBe(15 * 7 + 12);
    const long = columnWidths(
      [tx({ narration: 'UPI-'.repeat(500) }), tx({ narration: 'ATM WDL' })],
      { channels: [], categories: [] },
      LABELS,
      measure,
    );
    // Past 60 characters: 60 x 7 = 420 + 12 = 432.
    expect(long.narration).toBe(60 * 7 + 12);
  });
});

describe('planColumns', () => {
  // A table at 1366x768 is 1306 px wide; tick and fraud mark 30 each, Flags' header 56.
  const widths: ColumnWidths = {
    date: 100,
    narration: 436,
    ref: 130,
    debit: 100,
    credit: 110,
    balance: 120,
    channel: 114,
    category: 140,
  };
  const other = 30 + 30 + 56;
  // Everything but narration and ref: 116 + 100 + 100 + 110 + 120 + 114 + 140 = 800.

  it('shows Ref only where the narration keeps its width beside it', () => {
    // 800 + 436 = 1236 fits 1306; with Ref, 1366 does not: Ref gives way, the table scrolls
    // below 800 + 300 = 1100.
    expect(planColumns(widths, other, 1306)).toEqual({
      narrationFits: true,
      ref: false,
      minWidth: 1100,
    });
    // 1366 fits exactly: Ref shows, the table scrolls below 800 + 130 + 300 = 1230.
    expect(planColumns(widths, other, 1366)).toEqual({
      narrationFits: true,
      ref: true,
      minWidth: 1230,
    });
  });

  it('says when even the narration alone does not fit (the details go below the table)', () => {
    // 1306 - 340 panel - 8 gap = 958 < 1236.
    expect(planColumns(widths, other, 958)).toEqual({
      narrationFits: false,
      ref: false,
      minWidth: 1100,
    });
  });
});

describe('fitWords', () => {
  it('keeps a name that fits, else whole words and an ellipsis', () => {
    expect(fitWords('Loan EMI', 100, measure)).toBe('Loan EMI');
    // 'Net banking (NEFT/RTGS/IMPS)' at 7 px a character in 140 px: "Net banking…" fits
    // (12 x 7 = 84); "(NEFT/RTGS/IMPS)" is one word, never cut to "(NEFT…".
    expect(fitWords('Net banking (NEFT/RTGS/IMPS)', 140, measure)).toBe('Net banking…');
    // A hyphen joins a word: "Auto-debit return…" is 18 x 7 = 126, over 120.
    expect(fitWords('Auto-debit return (NACH/ECS)', 120, measure)).toBe('Auto-debit…');
    // A first word too long for the column is kept whole (the cell clips it).
    expect(fitWords('Supercalifragilistic payments', 70, measure)).toBe('Supercalifragilistic…');
  });
});
