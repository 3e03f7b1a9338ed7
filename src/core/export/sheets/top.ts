// `Top Credits & Debits`: the API's top five per month and direction, ranked.
import { typed, type Value } from '../cells';
import { labelOf, type ExportContext } from '../context';
import { ACCOUNT_COLUMN, MONTH_COLUMN, type ColumnSpec, type SheetPlan } from '../sheet-writer';
import { transactionTypeLabel } from '@shared/format/transaction-type';

const COLUMNS: ColumnSpec[] = [
  ACCOUNT_COLUMN,
  MONTH_COLUMN,
  { header: 'Type', kind: 'text' },
  { header: 'Rank', kind: 'count' },
  { header: 'Narration', kind: 'text', maxWidth: 70 },
  { header: 'Amount', kind: 'money', minWidth: 13 },
];

export function topPlan(context: ExportContext): SheetPlan {
  function* rows(): Generator<Value[]> {
    for (const account of context.accounts) {
      const label = labelOf(context, account.accountId);
      for (const e of account.topCreditsDebits) {
        yield [
          label,
          e.month,
          transactionTypeLabel(e.type),
          e.rank,
          e.narration,
          typed.money(e.amount),
        ];
      }
    }
  }
  return {
    name: 'Top Credits & Debits',
    columns: COLUMNS,
    tabular: true,
    rowCount: context.accounts.reduce((n, a) => n + a.topCreditsDebits.length, 0),
    rows,
    emptyNote: 'No top credits or debits in this response.',
  };
}
