// `Status`: the session_status response, an account line followed by a line per statement,
// with the codes and messages the API (or its documentation) gives.
import { readApiInstant } from '@shared/model/api-instant';
import type { AccountStatusView } from '@shared/model/view-model';
import type { Value } from '../cells';
import { labelOf, type ExportContext } from '../context';
import { instantLabel } from '../labels';
import {
  ACCOUNT_COLUMN,
  ACCOUNT_ID_COLUMN,
  STATEMENT_COLUMN,
  type ColumnSpec,
  type SheetPlan,
} from '../sheet-writer';

const COLUMNS: ColumnSpec[] = [
  ACCOUNT_COLUMN,
  { header: 'Level', kind: 'text' },
  STATEMENT_COLUMN,
  { header: 'Status', kind: 'text' },
  { header: 'Error code', kind: 'text', maxWidth: 30 },
  { header: 'Message', kind: 'text', maxWidth: 70 },
  { header: 'Source', kind: 'text' },
  { header: 'Created at', kind: 'text', maxWidth: 34 },
  { header: 'Last updated at', kind: 'text', maxWidth: 34 },
  ACCOUNT_ID_COLUMN,
];

function statusAccounts(context: ExportContext): readonly AccountStatusView[] {
  const all = context.view.status?.accounts ?? [];
  return context.accountFilter ? all.filter((a) => a.accountId === context.accountFilter) : all;
}

/** The API's time in the reader's zone, as the workbook writes every time; else as given. */
function timeLabel(text: string | null): string | null {
  const instant = readApiInstant(text);
  return instant ? instantLabel(instant) : text;
}

function* rows(context: ExportContext): Generator<Value[]> {
  for (const a of statusAccounts(context)) {
    const label = labelOf(context, a.accountId);
    yield [
      label,
      'Account',
      null,
      a.status,
      a.errorCode,
      a.message,
      null,
      timeLabel(a.createdAt),
      timeLabel(a.lastUpdatedAt),
      a.accountId,
    ];
    for (const s of a.statements) {
      yield [
        label,
        'Statement',
        s.statementId,
        s.status,
        s.errorCode,
        s.message,
        s.source,
        timeLabel(s.createdAt),
        null,
        a.accountId,
      ];
    }
  }
}

export function statusPlan(context: ExportContext): SheetPlan {
  const accounts = statusAccounts(context);
  return {
    name: 'Status',
    columns: COLUMNS,
    tabular: true,
    rowCount: accounts.reduce((n, a) => n + 1 + a.statements.length, 0),
    rows: () => rows(context),
    emptyNote: context.view.status
      ? 'The session_status response lists no accounts.'
      : 'No status: this data came without the session_status response.',
  };
}
