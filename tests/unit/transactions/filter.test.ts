import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTER,
  filterTransactions,
  isFilterActive,
  type TransactionFilter,
} from '../../../src/shared/transactions/filter';
import { tx } from './helpers';

const rows = [
  tx({
    index: 0,
    date: '2023-10-01',
    narration: 'NEFT AGGARWAL AGRO F POD001161362',
    type: 'credit',
    amount: 111226,
    channel: 'net_banking_transfer',
    category: 'Transfer',
  }),
  tx({
    index: 1,
    date: '2023-10-15',
    narration: 'UPI-RAPIDO-PAYTM',
    ref: '329930769282',
    amount: 81,
    channel: 'upi',
    category: 'Travel',
  }),
  tx({
    index: 2,
    date: '2023-10-31',
    narration: 'CSH(CHQ) 081342 Paid to SELF',
    amount: 225000,
    channel: 'cash_withdrawal',
    category: 'Cash',
    fraudTypes: ['inconsistent_transaction'],
  }),
  tx({
    index: 3,
    date: '2023-11-01',
    narration: 'IMPS transfer',
    amount: 0.3,
    channel: 'upi',
    extra: { receiver_name: 'Rahul Batra', reciever_account_number: '59466026840' },
  }),
  tx({
    index: 4,
    date: '2023-11-30',
    narration: 'Salary OCT',
    type: 'credit',
    amount: 50000.5,
    channel: 'salary',
    category: 'Salary',
  }),
];

/** A loan repayment whose narration says neither "emi" nor "auto": its fields do. */
const emi = tx({
  index: 5,
  date: '2023-11-05',
  narration: 'ACH D- BAJAJ FIN LTD-P400PHL0000123',
  amount: 12500,
  channel: 'auto_debit_payment',
  category: 'Loan EMI',
  description: 'lender_transaction',
});

const f = (over: Partial<TransactionFilter>): TransactionFilter => ({ ...EMPTY_FILTER, ...over });
const indexes = (filter: TransactionFilter) => filterTransactions(rows, filter).map((t) => t.index);

describe('filterTransactions', () => {
  it('returns every row, as given, when nothing is set', () => {
    expect(isFilterActive(EMPTY_FILTER)).toBe(false);
    expect(filterTransactions(rows, EMPTY_FILTER)).toBe(rows);
    expect(isFilterActive(f({ text: '   ' }))).toBe(false);
  });

  it('matches text in narration, ignoring case, every word somewhere', () => {
    expect(indexes(f({ text: 'aggarwal' }))).toEqual([0]);
    expect(indexes(f({ text: 'paid SELF' }))).toEqual([2]);
    expect(indexes(f({ text: 'paid rapido' }))).toEqual([]);
  });

  it('matches the ref and counterparty fields, including the API spelling reciever_', () => {
    expect(indexes(f({ text: '329930769282' }))).toEqual([1]);
    expect(indexes(f({ text: 'rahul' }))).toEqual([3]);
    expect(indexes(f({ text: '59466026840' }))).toEqual([3]);
  });

  it('matches channel (as sent and by name), category and description', () => {
    const all = [...rows, emi];
    const found = (text: string) => filterTransactions(all, f({ text })).map((t) => t.index);
    expect(found('emi')).toEqual([5]);
    expect(found('EMI bajaj')).toEqual([5]);
    expect(found('auto-debit')).toEqual([5]);
    expect(found('auto_debit_payment')).toEqual([5]);
    expect(found('lender_transaction')).toEqual([5]);
    // `net_banking_transfer` is named "Net banking (NEFT/RTGS/IMPS)".
    expect(found('net banking')).toEqual([0]);
    expect(found('travel')).toEqual([1]);
  });

  it('does not match a word spanning two fields', () => {
    expect(indexes(f({ text: 'transfer rahul' }))).toEqual([3]);
    expect(indexes(f({ text: 'transferrahul' }))).toEqual([]);
  });

  it('keeps both ends of a date range', () => {
    expect(indexes(f({ from: '2023-10-15', to: '2023-11-01' }))).toEqual([1, 2, 3]);
    expect(indexes(f({ from: '2023-11-01' }))).toEqual([3, 4]);
    expect(indexes(f({ to: '2023-10-01' }))).toEqual([0]);
  });

  it('filters by type, channel and category exactly', () => {
    expect(indexes(f({ type: 'credit' }))).toEqual([0, 4]);
    expect(indexes(f({ type: 'debit' }))).toEqual([1, 2, 3]);
    expect(indexes(f({ channel: 'upi' }))).toEqual([1, 3]);
    expect(indexes(f({ category: 'Cash' }))).toEqual([2]);
    expect(indexes(f({ category: 'cash' }))).toEqual([]);
  });

  it('keeps both ends of an amount range, compared in paise', () => {
    expect(indexes(f({ minAmount: 81, maxAmount: 50000.5 }))).toEqual([1, 4]);
    // 0.1 + 0.2 is 0.30000000000000004 in floating point; in paise it is 30.
    expect(indexes(f({ minAmount: 0.1 + 0.2, maxAmount: 0.1 + 0.2 }))).toEqual([3]);
    expect(indexes(f({ minAmount: 200000 }))).toEqual([2]);
    expect(indexes(f({ maxAmount: 81 }))).toEqual([1, 3]);
  });

  it('shows only fraud-linked rows when asked', () => {
    expect(indexes(f({ fraudOnly: true }))).toEqual([2]);
  });

  it('combines every condition', () => {
    expect(indexes(f({ type: 'debit', channel: 'upi', from: '2023-10-20' }))).toEqual([3]);
    expect(indexes(f({ type: 'credit', text: 'salary', minAmount: 60000 }))).toEqual([]);
  });

  it('handles 200,000 rows', () => {
    const many = Array.from({ length: 200_000 }, (_, i) =>
      tx({ index: i, narration: i % 1000 === 7 ? 'NEEDLE in row' : `row ${i}` }),
    );
    expect(filterTransactions(many, f({ text: 'needle' }))).toHaveLength(200);
  });
});
