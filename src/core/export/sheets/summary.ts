// `Summary`: what this workbook is (session, when and where the data came from, when it was
// made), a row per account, then each account's credit summary as label/value rows (the
// same model the Summary tab and the memo show: @shared/insights/summary).
import { plural } from '@shared/format/value';
import { bankName } from '@shared/format/bank-names';
import type { AccountSummary } from '@shared/insights';
import {
  OBLIGATION_SOURCE_LABEL,
  REPAYMENT_KIND_LABEL,
} from '@shared/insights/obligation-schedule';
import { reconciliationLine } from '@shared/insights/reconciliation';
import { formatDate, formatDateRange, formatMonth } from '@shared/model/calendar';
import type { AccountView } from '@shared/model/view-model';
import { figureCell, summaryFor } from './insights';
import { typed, type SheetRow, type Value } from '../cells';
import { labelOf, type ExportContext } from '../context';
import { dayLabel, instantLabel, maskAccountNumber, monthsCovered } from '../labels';
import { ACCOUNT_ID_COLUMN, type ColumnSpec, type SheetPlan } from '../sheet-writer';

const COLUMNS: ColumnSpec[] = [
  { header: 'Account', kind: 'text', minWidth: 16, maxWidth: 30 },
  { header: 'Bank', kind: 'text', maxWidth: 20 },
  { header: 'Account number', kind: 'id', maxWidth: 24 },
  { header: 'Holder', kind: 'text', maxWidth: 36 },
  { header: 'Category', kind: 'text' },
  { header: 'IFSC', kind: 'id' },
  { header: 'Months covered', kind: 'text', maxWidth: 34 },
  { header: 'Statements', kind: 'count' },
  { header: 'Status', kind: 'text' },
  { header: 'Status message', kind: 'text', maxWidth: 60 },
  { header: 'Missing data', kind: 'text', maxWidth: 60 },
  { header: 'Transactions', kind: 'count' },
  { header: 'Total credits', kind: 'money', minWidth: 14 },
  { header: 'Total debits', kind: 'money', minWidth: 14 },
  { header: 'Fraud items', kind: 'count' },
  ACCOUNT_ID_COLUMN,
];

function statusText(account: AccountView): { status: string | null; message: string | null } {
  const s = account.status;
  if (!s) return { status: null, message: null };
  const code = s.errorCode ? `${s.errorCode}: ` : '';
  return {
    status: s.status,
    message: s.message || s.errorCode ? `${code}${s.message ?? ''}` : null,
  };
}

function accountRow(context: ExportContext, a: AccountView): Value[] {
  const { status, message } = statusText(a);
  const statements = a.status?.statements.length ?? a.details.statements.length;
  return [
    labelOf(context, a.accountId),
    bankName(a.details.bank) ?? a.details.bank,
    context.unmasked ? a.details.accountNumber : maskAccountNumber(a.details.accountNumber),
    a.details.holderName,
    a.details.category,
    a.details.ifsc,
    monthsCovered(a),
    statements,
    status,
    message,
    a.details.missingData.map((r) => `${dayLabel(r.from)} to ${dayLabel(r.to)}`).join('; '),
    a.transactions.length,
    typed.money(a.totals.credits),
    typed.money(a.totals.debits),
    a.fraudItems.length,
    typed.id(a.accountId),
  ];
}

export interface SummaryInput {
  /** Lines about the workbook itself (sheets continued, accounts left out...). */
  readonly notes: readonly string[];
}

export function summaryPlan(context: ExportContext, input: SummaryInput): SheetPlan {
  const { meta, view } = context;
  const rows: SheetRow[] = [
    { style: 'title', cells: ['BankConnect session report'] },
    ['Session id', typed.id(view.sessionId)],
    ['Data fetched', instantLabel(meta.fetchedAt) ?? 'not recorded'],
    [
      'Source',
      meta.sandbox ? `${meta.source}: generated demo data, not real bank data` : meta.source,
    ],
    ['Generated', instantLabel(context.generatedAt.toISOString())],
    [
      'Accounts',
      context.accountFilter
        ? `${labelOf(context, context.accountFilter)} only (of ${view.accounts.length})`
        : `All (${view.accounts.length})`,
    ],
    ['Amounts', 'Indian rupees as the API sent them; dates are calendar days'],
    ['Policy', context.policy.name, 'every figure below is made with this credit policy'],
    ...input.notes.map((note): SheetRow => ['Note', note]),
    [
      'Account numbers',
      context.unmasked
        ? 'in full (asked for at export)'
        : 'masked to their last four digits (for the full numbers, tick Full account numbers before Export in the app, or run bcv export --unmasked)',
    ],
    ...leadRows(context),
    [],
  ];
  const headerRow = rows.length + 1;
  rows.push({ style: 'header', cells: COLUMNS.map((c) => c.header) });
  if (context.accounts.length === 0) {
    rows.push({ style: 'note', cells: ['No accounts in this response.'] });
  }
  for (const a of context.accounts) rows.push(accountRow(context, a));
  const lastTableRow = rows.length;
  for (const a of summaryFor(context).accounts)
    if (context.accounts.some((x) => x.accountId === a.accountId))
      rows.push(...accountSummaryRows(labelOf(context, a.accountId), a));
  return {
    name: 'Summary',
    columns: COLUMNS,
    tabular: false,
    rowCount: rows.length,
    rows: () => rows,
    emptyNote: '',
    freeze: { rows: headerRow, columns: 1 },
    filter: { headerRow, lastRow: lastTableRow },
  };
}

/**
 * What the sheet leads with: the monthly obligations and FOIR (the session's, or the one
 * account's when one is exported) and how many of FinBox's figures agree.
 */
function leadRows(context: ExportContext): SheetRow[] {
  const summary = summaryFor(context);
  const one = context.accountFilter
    ? summary.accounts.find((a) => a.accountId === context.accountFilter)
    : undefined;
  const figures = one
    ? (one.sections.find((s) => s.key === 'obligations')?.figures ?? [])
    : summary.figures.slice(0, 2);
  const scope = one ? labelOf(context, one.accountId) : 'whole session';
  return [
    ...figures.map((f): SheetRow => [f.label, figureCell({ ...f, trace: [] }), scope]),
    [
      "FinBox's figures",
      one ? reconciliationLine(one.answer.reconciliation) : summary.reconciliation.line,
      'see the Reconciliation sheet',
    ],
  ];
}

/** One account's credit summary as label/value rows (then a note and the definition). */
function accountSummaryRows(label: string, a: AccountSummary): SheetRow[] {
  const rows: SheetRow[] = [
    [],
    { style: 'title', cells: [`${label}: credit summary`] },
    ['Holder', a.holder],
    ['Bank', a.bank],
    ['Account number', typed.id(a.maskedNumber)],
    ['Category', a.category],
    [
      'Period',
      a.from && a.to ? formatDateRange(a.from, a.to) : null,
      plural(a.monthCount, 'month'),
    ],
    ...a.gaps.map((g): SheetRow => ['Gap', formatDateRange(g.from, g.to)]),
    ...a.statements.map((s): SheetRow => [
      'Statement',
      typed.id(s.statementId),
      [
        s.source,
        s.from && s.to ? formatDateRange(s.from, s.to) : null,
        s.status,
        s.fraud.length ? `flagged: ${s.fraud.join(', ')}` : null,
      ]
        .filter(Boolean)
        .join('; '),
    ]),
    ['Policy', a.answer.policy],
    [
      "FinBox's figures",
      reconciliationLine(a.answer.reconciliation),
      'see the Reconciliation sheet',
    ],
    ['Data trust', a.trust.label],
    ...a.trust.reasons.map((r): SheetRow => ['Trust reason', r.text]),
  ];
  for (const section of a.sections) {
    rows.push({
      style: 'header',
      cells: [section.title, 'Value', 'Note', 'How it is computed'],
    });
    for (const f of section.figures)
      rows.push([
        f.label,
        figureCell(f),
        [f.note, f.caution ? 'rests on a failed or flagged statement' : null]
          .filter(Boolean)
          .join('; ') || null,
        f.definition,
      ]);
    if (section.key === 'obligations') rows.push(...scheduleRows(a));
  }
  rows.push({
    style: 'header',
    cells: ['Month', 'Eligible credits', 'Excluded credits', 'Credits'],
  });
  for (const m of a.eligibleMonths)
    rows.push([
      formatMonth(m.month),
      typed.money(m.eligible.amount),
      typed.money(m.excluded.amount),
      typed.money(m.credits.amount),
    ]);
  return rows;
}

/** The obligations schedule: one row per lender's repayment stream, after the figures' header. */
function scheduleRows(a: AccountSummary): SheetRow[] {
  const streams = a.answer.schedule.streams;
  if (streams.length === 0) return [['Repayment streams', 'none found']];
  return streams.map((s): SheetRow => [
    `${s.lender}${s.active ? '' : ' (ended: not counted)'}`,
    typed.money(s.monthlyAmount),
    [
      REPAYMENT_KIND_LABEL[s.kind],
      `${plural(s.monthsPaid, 'month')} paid`,
      `${s.returned} returned`,
      `last paid ${s.lastPaid ? formatDate(s.lastPaid) : 'never'}`,
      `found in ${s.sources.map((x) => OBLIGATION_SOURCE_LABEL[x]).join(', ')}`,
    ].join('; '),
  ]);
}
