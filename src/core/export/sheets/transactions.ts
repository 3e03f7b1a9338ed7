// `Transactions` and `Salary`: one row per transaction, debit and credit in separate
// numeric columns as a statement reads, the merchant and counterparty columns that any row
// fills, the fraud types naming the transaction, and its hash.
import type { AccountView, TransactionView } from '@shared/model/view-model';
import type { Value } from '../cells';
import { labelOf, type ExportContext } from '../context';
import {
  ACCOUNT_COLUMN,
  HASH_COLUMN,
  NARRATION_COLUMN,
  type ColumnSpec,
  type SheetPlan,
} from '../sheet-writer';
import { reviewCellOf } from './review';
import { channelName } from '@shared/format/channel-names';
import { fieldLabel } from '@shared/format/field-labels';
import { fraudTypeLabel } from '@shared/format/fraud-types';

/** Merchant and counterparty fields, in the order they are shown, under the API's names. */
export const COUNTERPARTY_FIELDS: readonly Field[] = [
  { keys: ['merchant_name'], header: 'Merchant' },
  { keys: ['merchant_category'], header: 'Merchant category' },
  { keys: ['matched_merchant_category'], header: 'Matched merchant category' },
  { keys: ['merchant_upi_handle'], header: 'Merchant UPI' },
  { keys: ['merchant_ifsc'], header: 'Merchant IFSC', id: true },
  { keys: ['merchant_bank'], header: 'Merchant bank' },
  { keys: ['creditor_name'], header: 'Creditor' },
  { keys: ['creditor_account_number'], header: 'Creditor account', id: true },
  { keys: ['creditor_ifsc'], header: 'Creditor IFSC', id: true },
  { keys: ['creditor_upi_handle'], header: 'Creditor UPI' },
  { keys: ['creditor_bank'], header: 'Creditor bank' },
  { keys: ['receiver_name'], header: 'Receiver' },
  // The API spells this one `reciever`; the right spelling is read too.
  {
    keys: ['reciever_account_number', 'receiver_account_number'],
    header: 'Receiver account',
    id: true,
  },
  { keys: ['receiver_ifsc'], header: 'Receiver IFSC', id: true },
  { keys: ['receiver_upi_handle'], header: 'Receiver UPI' },
  { keys: ['receiver_bank'], header: 'Receiver bank' },
];

const SALARY_FIELDS: readonly Field[] = [
  { keys: ['employer_name'], header: 'Employer' },
  { keys: ['salary_month'], header: 'Salary month' },
];

export interface Field {
  readonly keys: readonly string[];
  readonly header: string;
  /** Account numbers and codes: kept as text, never turned into numbers. */
  readonly id?: boolean;
}

function filled(value: unknown): boolean {
  return value !== null && value !== undefined && value !== '';
}

export function valueOf(t: TransactionView, field: Field): unknown {
  for (const key of field.keys) if (filled(t.extra[key])) return t.extra[key];
  return null;
}

/** The fields that at least one transaction fills. */
function fieldsInUse(
  fields: readonly Field[],
  lists: readonly (readonly TransactionView[])[],
): Field[] {
  const byKey = new Map<string, Field>();
  for (const f of fields) for (const key of f.keys) byKey.set(key, f);
  const missing = new Set(fields);
  // A transaction's `extra` holds only the fields it fills: a few keys to look at each.
  for (const list of lists) {
    for (const t of list) {
      for (const key in t.extra) {
        const field = byKey.get(key);
        if (field && filled(t.extra[key])) missing.delete(field);
      }
      if (missing.size === 0) break;
    }
  }
  return fields.filter((f) => !missing.has(f));
}

function extraText(value: unknown): Value {
  if (!filled(value)) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  return JSON.stringify(value);
}

const counterpartyCache = new WeakMap<ExportContext, Field[]>();

/** The counterparty columns of both sheets, from a single pass over all transactions. */
function counterpartyFields(context: ExportContext): Field[] {
  let fields = counterpartyCache.get(context);
  if (!fields) {
    const lists = context.accounts.flatMap((a) => [a.transactions, a.salaryTransactions]);
    fields = fieldsInUse(COUNTERPARTY_FIELDS, lists);
    counterpartyCache.set(context, fields);
  }
  return fields;
}

export interface TransactionLayout {
  readonly columns: ColumnSpec[];
  readonly counterparty: readonly Field[];
  readonly trailing: readonly Field[];
  /** The reviewer's flags on a transaction, when the workbook carries a review. */
  readonly review: ((t: TransactionView) => string | null) | null;
}

/** The Transactions (or Salary) columns for these accounts, and the fields behind them. */
export function transactionLayout(context: ExportContext, salary: boolean): TransactionLayout {
  const counterparty = counterpartyFields(context);
  const trailing = salary
    ? fieldsInUse(
        SALARY_FIELDS,
        context.accounts.map((a) => a.salaryTransactions),
      )
    : [];
  const columns: ColumnSpec[] = [
    ACCOUNT_COLUMN,
    { header: 'Date', kind: 'date', minWidth: 12 },
    NARRATION_COLUMN,
    { header: 'Cheque/Ref', kind: 'id', maxWidth: 24 },
    { header: 'Debit', kind: 'money', minWidth: 12 },
    { header: 'Credit', kind: 'money', minWidth: 12 },
    { header: 'Balance', kind: 'money', minWidth: 13 },
    { header: 'Channel', kind: 'text', maxWidth: 28 },
    { header: 'Category', kind: 'text', maxWidth: 32 },
    { header: 'Description', kind: 'text', maxWidth: 40 },
    ...counterparty.map((f): ColumnSpec => ({
      header: f.header,
      kind: f.id ? 'id' : 'text',
      maxWidth: 32,
    })),
    { header: 'Fraud', kind: 'text', maxWidth: 30 },
    HASH_COLUMN,
    ...(context.review ? [{ header: 'Review flags', kind: 'text', maxWidth: 50 } as const] : []),
    ...trailing.map((f): ColumnSpec => ({ header: f.header, kind: 'text', maxWidth: 30 })),
  ];
  const review = context.review ? reviewCellOf(context.review) : null;
  return { columns, counterparty, trailing, review };
}

function* rowsOf(
  context: ExportContext,
  pick: (account: AccountView) => readonly TransactionView[],
  shape: TransactionLayout,
): Generator<Value[]> {
  for (const account of context.accounts) {
    const label = labelOf(context, account.accountId);
    for (const t of pick(account)) {
      const row: Value[] = [
        label,
        t.date,
        t.narration,
        t.ref,
        t.type === 'debit' ? t.amount : null,
        t.type === 'credit' ? t.amount : null,
        t.balance,
        // The channel's name (UPI, Cheque); the value as sent is in `Transactions (all fields)`.
        channelName(t.channel),
        t.category,
        // FinBox's description codes (`cash_deposit`) in words; free text as sent.
        fieldLabel(t.description),
      ];
      for (const f of shape.counterparty) row.push(extraText(valueOf(t, f)));
      row.push(t.fraudTypes.map(fraudTypeLabel).join(', '), t.hash);
      if (shape.review) row.push(shape.review(t));
      for (const f of shape.trailing) row.push(extraText(valueOf(t, f)));
      yield row;
    }
  }
}

export function transactionsPlan(context: ExportContext): SheetPlan {
  const shape = transactionLayout(context, false);
  return {
    name: 'Transactions',
    columns: shape.columns,
    tabular: true,
    rowCount: context.accounts.reduce((n, a) => n + a.transactions.length, 0),
    rows: () => rowsOf(context, (a) => a.transactions, shape),
    emptyNote: 'No transactions in this response.',
  };
}

export function salaryPlan(context: ExportContext): SheetPlan {
  const shape = transactionLayout(context, true);
  return {
    name: 'Salary',
    columns: shape.columns,
    tabular: true,
    rowCount: context.accounts.reduce((n, a) => n + a.salaryTransactions.length, 0),
    rows: () => rowsOf(context, (a) => a.salaryTransactions, shape),
    emptyNote: 'No salary transactions in this response.',
  };
}
