// `Other API data`: nothing received is dropped silently. Per account, the newer blocks in
// readable rows (score, statement statistics, expense categories, recurring debits and
// credits, FinBox's other transaction lists, the link to FinBox's own report), then every
// part of the response no other sheet has a place for (under its JSON path, as JSON
// text), and the items set aside because they could not be read.
import type { AccountView } from '@shared/model/view-model';
import { typed, type Value } from '../cells';
import { labelOf, type ExportContext } from '../context';
import { ACCOUNT_COLUMN, type ColumnSpec, type SheetPlan } from '../sheet-writer';

const COLUMNS: ColumnSpec[] = [
  ACCOUNT_COLUMN,
  { header: 'Kind', kind: 'text', maxWidth: 30 },
  { header: 'What', kind: 'text', maxWidth: 60 },
  { header: 'Value', kind: 'text', maxWidth: 80 },
  { header: 'Amount', kind: 'money' },
  { header: 'Count', kind: 'count' },
];

function json(value: unknown): string {
  try {
    return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    return String(value);
  }
}

function* accountRows(context: ExportContext, a: AccountView): Generator<Value[]> {
  const label = labelOf(context, a.accountId);
  if (a.score !== null) yield [label, 'Score', 'BankConnect score', null, null, a.score];
  for (const s of a.statementStats) {
    const scanned = s.scannedPdf === null ? '' : s.scannedPdf ? ', scanned PDF' : ', not scanned';
    yield [
      label,
      'Statement',
      typed.id(s.statementId),
      `${s.source ?? '?'}, ${s.pageCount ?? '?'} pages${scanned}`,
      null,
      s.transactionCount,
    ];
  }
  for (const e of a.expenseCategories) {
    yield [label, 'Expense category', e.category, `${e.percent}% of debits`, null, null];
  }
  for (const [kind, sets] of [
    ['Recurring debit', a.recurring.debit],
    ['Recurring credit', a.recurring.credit],
  ] as const) {
    for (const set of sets) {
      yield [
        label,
        kind,
        set.counterparty,
        `${set.channel} ${set.startDate ?? ''} to ${set.endDate ?? ''}`.trim(),
        typed.money(set.median),
        set.transactions.length,
      ];
    }
  }
  for (const set of a.transactionSets) {
    yield [label, 'Transaction list', set.key, null, null, set.transactions.length];
  }
  if (a.reportUrls.xlsx) {
    yield [
      label,
      "FinBox's own report",
      'xlsx_report_url (valid one hour after fetching)',
      a.reportUrls.xlsx,
      null,
      null,
    ];
  }
  for (const item of a.other)
    yield [label, 'Not shown elsewhere', item.path, json(item.value), null, null];
}

function* rows(context: ExportContext): Generator<Value[]> {
  for (const a of context.accounts) yield* accountRows(context, a);
  if (!context.accountFilter) {
    for (const item of context.view.other) {
      yield ['', 'Not shown elsewhere', item.path, json(item.value), null, null];
    }
  }
  for (const item of context.view.unreadable) {
    yield [
      '',
      'Set aside (could not be read)',
      item.path,
      `${item.value} (${item.reason})`,
      null,
      null,
    ];
  }
}

export function otherDataPlan(context: ExportContext): SheetPlan {
  let count = 0;
  for (const _ of rows(context)) count++;
  return {
    name: 'Other API data',
    columns: COLUMNS,
    tabular: true,
    rowCount: count,
    rows: () => rows(context),
    emptyNote: 'Nothing else was received: every part of the response is on the other sheets.',
  };
}
