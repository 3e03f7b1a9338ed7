// `Reconciliation`: our figures beside FinBox's own wherever the response carries FinBox's
// value for a figure we compute, one row each, with whether they agree and, where they
// differ by more than a paisa, the reason (@shared/insights/reconciliation).
import {
  RECONCILIATION_REASON_LABEL,
  type ReconciliationItem,
} from '@shared/insights/reconciliation';
import { typed, type Value } from '../cells';
import { labelOf, type ExportContext } from '../context';
import { summaryFor } from './insights';
import { ACCOUNT_COLUMN, MONTH_COLUMN, type ColumnSpec, type SheetPlan } from '../sheet-writer';

const COLUMNS: ColumnSpec[] = [
  ACCOUNT_COLUMN,
  { header: 'Figure', kind: 'text', minWidth: 16, maxWidth: 36 },
  MONTH_COLUMN,
  { header: "FinBox's field", kind: 'text', maxWidth: 44 },
  { header: "FinBox's value", kind: 'number', minWidth: 14 },
  { header: 'Ours', kind: 'number', minWidth: 14 },
  { header: 'Agree', kind: 'text' },
  { header: 'Reason', kind: 'text', maxWidth: 44 },
  { header: 'Note', kind: 'text', maxWidth: 90 },
];

function valueCell(item: ReconciliationItem, value: number | null): Value {
  if (value === null) return null;
  if (item.kind === 'money') return typed.money(value);
  if (item.kind === 'count') return typed.count(value);
  return value;
}

export function reconciliationPlan(context: ExportContext): SheetPlan {
  const accounts = summaryFor(context).accounts.filter((a) =>
    context.accounts.some((x) => x.accountId === a.accountId),
  );
  function* rows(): Generator<Value[]> {
    for (const a of accounts) {
      const label = labelOf(context, a.accountId);
      for (const item of a.answer.reconciliation.items)
        yield [
          label,
          item.figure,
          item.month,
          item.finboxKey,
          valueCell(item, item.finbox),
          valueCell(item, item.ours),
          item.agrees === null ? 'not compared' : item.agrees ? 'Yes' : 'No',
          item.reason ? RECONCILIATION_REASON_LABEL[item.reason] : null,
          item.note,
        ];
    }
  }
  return {
    name: 'Reconciliation',
    columns: COLUMNS,
    tabular: true,
    rowCount: accounts.reduce((n, a) => n + a.answer.reconciliation.items.length, 0),
    rows,
    emptyNote: "No figures of FinBox's in this response to check ours against.",
  };
}
