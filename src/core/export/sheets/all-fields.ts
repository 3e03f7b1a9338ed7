// `Transactions (all fields)`, when asked for: every field the API sent for any transaction,
// under the API's own names, in the API's order, one row per transaction.
import type { TransactionView } from '@shared/model/view-model';
import type { CellKind, Value } from '../cells';
import { labelOf, type ExportContext } from '../context';
import { ACCOUNT_COLUMN, type ColumnSpec, type SheetPlan } from '../sheet-writer';

/** The fields TransactionView lifts out of the API's record, in the API's order. */
const CORE: readonly { key: string; kind: CellKind; get: (t: TransactionView) => Value }[] = [
  { key: 'transaction_type', kind: 'text', get: (t) => t.type },
  { key: 'transaction_note', kind: 'text', get: (t) => t.narration },
  { key: 'chq_num', kind: 'id', get: (t) => t.ref },
  { key: 'amount', kind: 'money', get: (t) => t.amount },
  { key: 'balance', kind: 'money', get: (t) => t.balance },
  { key: 'date', kind: 'date', get: (t) => t.date },
  { key: 'transaction_channel', kind: 'text', get: (t) => t.channel },
  { key: 'hash', kind: 'id', get: (t) => t.hash },
  { key: 'description', kind: 'text', get: (t) => t.description },
  { key: 'category', kind: 'text', get: (t) => t.category },
  { key: 'statement_id', kind: 'id', get: (t) => t.statementId },
  { key: 'account_id', kind: 'id', get: (t) => t.accountId },
];

function kindOf(key: string): CellKind {
  if (/(^|_)amount$|balance$/.test(key)) return 'money';
  if (/(^|_)date$/.test(key)) return 'date';
  if (/account_number|ifsc|hash|cheque_number|reference|_id$/.test(key)) return 'id';
  return 'text';
}

function extraValue(value: unknown): Value {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  return JSON.stringify(value);
}

export function allFieldsPlan(context: ExportContext): SheetPlan {
  const extraKeys: string[] = [];
  const seen = new Set<string>();
  for (const a of context.accounts) {
    for (const t of a.transactions) {
      for (const key in t.extra) {
        if (!seen.has(key)) {
          seen.add(key);
          extraKeys.push(key);
        }
      }
    }
  }
  const columns: ColumnSpec[] = [
    ACCOUNT_COLUMN,
    ...CORE.map((c): ColumnSpec => ({ header: c.key, kind: c.kind, maxWidth: 60 })),
    ...extraKeys.map((key): ColumnSpec => ({ header: key, kind: kindOf(key), maxWidth: 40 })),
  ];
  function* rows(): Generator<Value[]> {
    for (const a of context.accounts) {
      const label = labelOf(context, a.accountId);
      for (const t of a.transactions) {
        yield [
          label,
          ...CORE.map((c) => c.get(t)),
          ...extraKeys.map((key) => extraValue(t.extra[key])),
        ];
      }
    }
  }
  return {
    name: 'Transactions (all fields)',
    columns,
    tabular: true,
    rowCount: context.accounts.reduce((n, a) => n + a.transactions.length, 0),
    rows,
    emptyNote: 'No transactions in this response.',
  };
}
