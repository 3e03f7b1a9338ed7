// `Fraud`: every fraud item with the transaction it names (date, narration, amount) when
// that transaction is in the response, and the statements the API calls fraudulent.
import { fieldLabel } from '@shared/format/field-labels';
import { fraudCategoryLabel, fraudTypeLabel } from '@shared/format/fraud-types';
import { transactionTypeLabel } from '@shared/format/transaction-type';
import type { AccountView, FraudItemView } from '@shared/model/view-model';
import { typed, type SheetRow, type Value } from '../cells';
import { labelOf, type ExportContext } from '../context';
import {
  ACCOUNT_COLUMN,
  NARRATION_COLUMN,
  STATEMENT_COLUMN,
  type ColumnSpec,
  type SheetPlan,
} from '../sheet-writer';

export const NOT_IN_RESPONSE = 'not in this response';

const COLUMNS: ColumnSpec[] = [
  ACCOUNT_COLUMN,
  { header: 'Fraud type', kind: 'text', maxWidth: 34 },
  { header: 'Category', kind: 'text' },
  { header: 'Scope', kind: 'text' },
  STATEMENT_COLUMN,
  { header: 'Transaction hash', kind: 'id', maxWidth: 34 },
  { header: 'Transaction date', kind: 'date', minWidth: 12 },
  NARRATION_COLUMN,
  { header: 'Amount', kind: 'money', minWidth: 12 },
  { header: 'Debit/Credit', kind: 'text' },
  { header: 'Details', kind: 'text', maxWidth: 60 },
  { header: 'Fraud type (API)', kind: 'text', maxWidth: 34 },
];

function details(item: FraudItemView): string {
  return Object.entries(item.extra)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${fieldLabel(k)}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('; ');
}

function itemRow(context: ExportContext, account: AccountView, item: FraudItemView): Value[] {
  const t = item.transactionIndex === null ? null : account.transactions[item.transactionIndex];
  return [
    labelOf(context, item.accountId ?? account.accountId),
    fraudTypeLabel(item.fraudType),
    item.category ? fraudCategoryLabel(item.category) : null,
    item.scope === 'statement' ? 'Statement' : 'Account',
    typed.id(item.statementId),
    typed.id(item.transactionHash),
    t ? typed.date(t.date) : null,
    t ? t.narration : item.unresolved ? NOT_IN_RESPONSE : null,
    t ? typed.money(t.amount) : null,
    t ? transactionTypeLabel(t.type) : null,
    details(item),
    item.fraudType,
  ];
}

export function fraudPlan(context: ExportContext): SheetPlan {
  const items = context.accounts.flatMap((a) => a.fraudItems.map((item) => ({ a, item })));
  const statements = context.accounts.flatMap((a) => a.fraudulentStatements.map((s) => ({ a, s })));
  const rows: SheetRow[] = [];
  if (items.length > 0 || statements.length > 0) {
    rows.push({ style: 'header', cells: COLUMNS.map((c) => c.header) });
    if (items.length === 0) rows.push({ style: 'note', cells: ['No fraud items.'] });
    for (const { a, item } of items) rows.push(itemRow(context, a, item));
    rows.push([], { style: 'title', cells: ['Fraudulent statements'] });
    rows.push({ style: 'header', cells: ['Account', 'Statement'] });
    if (statements.length === 0) {
      rows.push({ style: 'note', cells: ['No statement is marked fraudulent.'] });
    }
    for (const { a, s } of statements) {
      rows.push([labelOf(context, a.accountId), typed.id(s)]);
    }
  }
  return {
    name: 'Fraud',
    columns: COLUMNS,
    tabular: false,
    rowCount: rows.length,
    rows: () => rows,
    emptyNote: 'No fraud items and no fraudulent statements in this response.',
    freeze: { rows: 1, columns: 0 },
    filter: { headerRow: 1, lastRow: 1 + Math.max(1, items.length) },
  };
}
