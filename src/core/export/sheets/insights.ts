// `Insights`: the underwriting insights of the app's Analyses, right after Summary. Per
// account: the headline figures and the month-by-month table (the same rows the tab lays
// out, from @shared/insights/figures), the balances on the ABB dates, then every listed
// item (bounces, obligations, recurring series, salary, counterparties, integrity). Then
// the session: months across the accounts, own-account transfers and circular flows.
import {
  computeSessionInsights,
  monthColumns,
  monthRows,
  periodFigures,
  type AccountInsights,
  type CounterpartyTotal,
  type Figure,
  type SessionCounterparty,
  type SessionInsights,
  type SessionSummary,
  summarizeSession,
} from '@shared/insights';
import { DEFAULT_POLICY, type CreditPolicy } from '@shared/insights/policy';
import { abbLabel } from '@shared/insights/policy';
import { abbDateColumns, abbDateLabel, BALANCE_SOURCE_LABELS } from '@shared/insights/abb-dates';
import {
  BOUNCE_KIND,
  CADENCE,
  DIRECTION,
  EXCLUSION_REASON,
  OBLIGATION_KIND,
  obligationOutcome,
  ruleLabel,
  SALARY_SOURCE,
  SESSION_FLOW,
  SESSION_FLOW_KEYS,
} from '@shared/insights/labels';
import { formatMonth } from '@shared/model/calendar';
import type { SessionView } from '@shared/model/view-model';
import { typed, type SheetRow, type Value } from '../cells';
import { labelOf, type ExportContext } from '../context';
import type { ColumnSpec, SheetPlan } from '../sheet-writer';
import { transactionTypeLabel } from '@shared/format/transaction-type';
import { formatValue } from '@shared/format/value';

const computed = new WeakMap<SessionView, Map<CreditPolicy, SessionInsights>>();

/** The session's insights under a policy, computed once per export (every sheet reads them). */
export function insightsFor(
  view: SessionView,
  policy: CreditPolicy = DEFAULT_POLICY,
): SessionInsights {
  let byPolicy = computed.get(view);
  if (!byPolicy) computed.set(view, (byPolicy = new Map()));
  let insights = byPolicy.get(policy);
  if (!insights) byPolicy.set(policy, (insights = computeSessionInsights(view, policy)));
  return insights;
}

const summaries = new WeakMap<SessionView, Map<CreditPolicy, SessionSummary>>();

/** The session's summary under the export's policy, made once (Summary and Reconciliation read it). */
export function summaryFor(context: ExportContext): SessionSummary {
  let byPolicy = summaries.get(context.view);
  if (!byPolicy) summaries.set(context.view, (byPolicy = new Map()));
  let summary = byPolicy.get(context.policy);
  if (!summary) {
    summary = summarizeSession(
      context.view,
      insightsFor(context.view, context.policy),
      context.policy,
    );
    byPolicy.set(context.policy, summary);
  }
  return summary;
}

/** A share (0..1) as the percentage the tab shows, to two decimals. */
export function percent(share: number | null): number | null {
  return share === null ? null : Math.round(share * 10_000) / 100;
}

/** A figure's cell: money as money, counts and days as counts, shares as percentages. */
export function figureCell(figure: Figure): Value {
  const { value } = figure;
  if (value === null || typeof value === 'string') return value;
  switch (figure.kind) {
    case 'money':
      return typed.money(value);
    case 'share':
      return typed.percent(percent(value));
    case 'ratio':
      return typed.times(Math.round(value * 100) / 100);
    default:
      return typed.count(value);
  }
}

const title = (text: string): SheetRow => ({ style: 'title', cells: [text] });
const header = (...cells: Value[]): SheetRow => ({ style: 'header', cells });
const note = (text: string): SheetRow => ({ style: 'note', cells: [text] });
const section = (text: string, count?: number): SheetRow => ({
  style: 'total',
  cells: [count === undefined ? text : `${text} (${count})`],
});

function* list<T>(
  heading: string,
  items: readonly T[],
  headers: readonly string[],
  row: (item: T) => Value[],
  empty: string,
): Generator<SheetRow> {
  yield section(heading, items.length);
  if (items.length === 0) {
    yield note(empty);
  } else {
    yield header(...headers);
    for (const item of items) yield row(item);
  }
  yield [];
}

/** A top-payers or top-payees list, of an account or across the session. */
function counterpartyList(
  heading: string,
  parties: readonly (CounterpartyTotal | SessionCounterparty)[],
): Generator<SheetRow> {
  return list(
    heading,
    parties,
    ['Counterparty', 'Transactions', 'Amount', 'Share (%)'],
    (p) => [p.name, typed.count(p.total.count), typed.money(p.total.amount), percent(p.share)],
    'None.',
  );
}

function* accountRows(context: ExportContext, a: AccountInsights): Generator<SheetRow> {
  const account = context.accounts.find((x) => x.accountId === a.accountId)!;
  yield title(
    `${labelOf(context, a.accountId)}${account.details.holderName ? ` — ${account.details.holderName}` : ''}`,
  );

  yield section('Whole period');
  yield header('Figure', 'Value', 'How it is computed');
  for (const f of periodFigures(a)) yield [f.label, figureCell(f), f.definition ?? null];
  yield [];

  const rows = monthRows(a);
  yield section('Month by month');
  yield header('Figure', ...rows.map((r) => formatMonth(r.month)));
  for (const [c, column] of monthColumns(a.balances.abbDays).entries())
    yield [column.label, ...rows.map((r) => figureCell(r.cells[c]!))];
  yield [];

  yield section('Balances on the ABB dates');
  const columns = abbDateColumns(a.balances.months);
  const width = columns.length;
  yield header(
    'Month',
    ...columns.map(abbDateLabel),
    abbLabel(a.balances.abbDays),
    'ABB (5/15/25)',
    'From',
  );
  for (const m of a.balances.months)
    yield [
      formatMonth(m.month),
      ...Array.from({ length: width }, (_, k) => typed.money(m.abbPoints[k]?.balance?.balance)),
      typed.money(m.abb),
      typed.money(m.abbThree),
      BALANCE_SOURCE_LABELS[m.source],
    ];
  yield [];

  yield* list(
    'Bounces and penal charges',
    a.bounces.items,
    ['Date', 'Kind', 'Direction', 'Amount', 'Found by', 'Narration'],
    (b) => [
      typed.date(b.date),
      BOUNCE_KIND[b.kind],
      b.direction ? DIRECTION[b.direction] : null,
      typed.money(b.amount),
      ruleLabel(b.rule),
      b.narration,
    ],
    'No returns, return charges or penal charges found.',
  );
  yield* list(
    'EMI, loan and mandate debits, loan disbursals',
    a.obligations.items,
    ['Date', 'Kind', 'Outcome', 'Amount', 'Counterparty', 'Found by', 'Narration'],
    (o) => [
      typed.date(o.date),
      OBLIGATION_KIND[o.kind],
      obligationOutcome(o),
      typed.money(o.amount),
      o.counterparty,
      ruleLabel(o.rule),
      o.narration,
    ],
    'None found.',
  );
  yield* list(
    'Credits not counted as eligible (own transfers, loans, reversals, refunds)',
    a.eligible.items,
    ['Date', 'Reason', 'Amount', 'Narration'],
    (x) => [typed.date(x.date), EXCLUSION_REASON[x.reason], typed.money(x.amount), x.narration],
    'Every credit counts as eligible.',
  );
  yield* list(
    'Recurring debits and credits',
    a.recurring,
    [
      'Counterparty',
      'Type',
      'Cadence',
      'Every (days)',
      'Typical amount',
      'Payments',
      'Total',
      'From',
      'To',
    ],
    (r) => [
      r.counterparty,
      transactionTypeLabel(r.type),
      CADENCE[r.cadence],
      r.intervalDays,
      typed.money(r.typicalAmount),
      typed.count(r.total.count),
      typed.money(r.total.amount),
      typed.date(r.first),
      typed.date(r.last),
    ],
    'None found.',
  );

  const s = a.salary;
  yield section('Salary');
  yield ['Found from', SALARY_SOURCE[s.source]];
  if (s.total.count > 0) {
    yield ['Regular', formatValue(s.regular)];
    yield ['Average month', typed.money(s.averageMonthly)];
    yield ['Median month', typed.money(s.medianMonthly)];
    yield ['Largest distance from the median (%)', percent(s.amountVariation)];
    yield ['Pay days within (days)', typed.count(s.daySpread)];
    yield ['Months without salary', s.missingMonths.map(formatMonth).join(', ') || 'none'];
    for (const x of s.finboxMonths)
      yield [
        `Credited in ${formatMonth(x.month)}`,
        `FinBox's salary month: ${formatMonth(x.finboxMonth)}`,
      ];
    for (const e of s.employers)
      yield [`Employer: ${e.name}`, typed.money(e.total.amount), typed.count(e.total.count)];
    yield header('Month', 'Salary', 'Credits');
    for (const m of s.months)
      yield [formatMonth(m.month), typed.money(m.total.amount), typed.count(m.total.count)];
  }
  yield [];

  yield* counterpartyList('Top payers (credits)', a.counterparties.payers);
  yield* counterpartyList('Top payees (debits)', a.counterparties.payees);

  const g = a.integrity;
  yield section('Integrity');
  yield ['Running balances re-checked', typed.count(g.checkedLinks)];
  yield [
    'Covered months without a transaction',
    g.monthsWithoutTransactions.map(formatMonth).join(', ') || 'none',
  ];
  yield [];
  yield* list(
    'Balance breaks',
    g.balanceBreaks,
    ['Date', 'Expected balance', 'Balance found', 'Difference', 'Narration'],
    (b) => [
      typed.date(b.date),
      typed.money(b.expected),
      typed.money(b.found),
      typed.money(b.difference),
      account.transactions[b.index]?.narration ?? null,
    ],
    'Every running balance follows from the one before it.',
  );
  yield* list(
    'Possible duplicates',
    g.duplicates,
    ['Date', 'Entries', 'Amount', 'Same', 'Narration'],
    (d) => [
      typed.date(d.date),
      typed.count(d.indices.length),
      typed.money(d.amount),
      d.reason === 'hash' ? 'hash' : 'every detail and balance',
      d.narration,
    ],
    'No entry appears twice.',
  );
  yield* list(
    'Stretches without transactions',
    g.gaps,
    ['From', 'To', 'Days', 'Declared missing'],
    (x) => [
      typed.date(x.from),
      typed.date(x.to),
      typed.count(x.days),
      x.declared ? 'declared' : 'not declared',
    ],
    'No stretch of more than ten days without a transaction.',
  );
  yield* list(
    'Monthly analysis: opening and closing balances',
    g.monthly,
    [
      'Month',
      'Opening (API)',
      'Opening (transactions)',
      'Check',
      'Closing (API)',
      'Closing (transactions)',
      'Check',
    ],
    (m) => [
      formatMonth(m.month),
      typed.money(m.apiOpening),
      typed.money(m.computedOpening),
      m.openingMatches === null ? null : m.openingMatches ? 'matches' : 'differs',
      typed.money(m.apiClosing),
      typed.money(m.computedClosing),
      m.closingMatches === null ? null : m.closingMatches ? 'matches' : 'differs',
    ],
    'No opening or closing balances in the monthly analysis.',
  );
}

function* sessionRows(context: ExportContext, s: SessionInsights): Generator<SheetRow> {
  const label = (accountId: string) => labelOf(context, accountId);
  const dateOf = (ref: { accountId: string; index: number }) =>
    typed.date(
      context.view.accounts.find((a) => a.accountId === ref.accountId)?.transactions[ref.index]
        ?.date,
    );
  yield title('Whole session');
  yield section('All accounts, month by month');
  yield header('Month', ...SESSION_FLOW_KEYS.map((key) => SESSION_FLOW[key]));
  for (const m of s.months)
    yield [formatMonth(m.month), ...SESSION_FLOW_KEYS.map((key) => typed.money(m[key].amount))];
  yield [];
  yield* list(
    'Transfers between the session’s own accounts',
    s.ownTransfers,
    ['Date', 'From', 'To', 'Amount', 'Days apart', 'Also'],
    (t) => [
      typed.date(t.fromDate),
      label(t.from.accountId),
      label(t.to.accountId),
      typed.money(t.amount),
      typed.count(t.dayGap),
      t.evidence.length === 0 ? 'amount and date only' : t.evidence.join(', '),
    ],
    'None found.',
  );
  yield* list(
    'Circular flows (money out and back within days)',
    s.circularFlows,
    ['First', 'Account', 'Counterparty', 'First amount', 'Back', 'Days', 'Via'],
    (c) => [
      dateOf(c.first),
      label(c.first.accountId),
      c.counterparty,
      typed.money(c.firstType === 'debit' ? -c.firstAmount : c.firstAmount),
      typed.money(c.firstType === 'debit' ? c.secondAmount : -c.secondAmount),
      typed.count(c.days),
      c.via === 'own-accounts' ? 'own accounts' : 'same counterparty',
    ],
    'None found.',
  );
  yield* counterpartyList('Top payers across accounts', s.topPayers);
  yield* counterpartyList('Top payees across accounts', s.topPayees);
}

export function insightsPlan(context: ExportContext): SheetPlan {
  const session = insightsFor(context.view, context.policy);
  const exported = new Set(context.accounts.map((a) => a.accountId));
  const rows: SheetRow[] = [
    title('Underwriting insights'),
    note(
      'Computed by BankConnect Viewer from the transactions BankConnect sent, by the rules ' +
        "its documentation describes (Insights). The app's Analyses list the transactions " +
        'behind every figure that adds them up. Shares are percentages.',
    ),
    [],
  ];
  for (const a of session.accounts)
    if (exported.has(a.accountId)) rows.push(...accountRows(context, a), []);
  if (!context.accountFilter) rows.push(...sessionRows(context, session));
  const width = Math.max(10, ...session.accounts.map((a) => a.flows.months.length + 1));
  const columns: ColumnSpec[] = [
    { header: '', kind: 'text', minWidth: 30, maxWidth: 44 },
    ...Array.from({ length: width - 1 }, (): ColumnSpec => ({
      header: '',
      kind: 'text',
      minWidth: 12,
      maxWidth: 60,
    })),
  ];
  return {
    name: 'Insights',
    columns,
    tabular: false,
    rowCount: rows.length,
    rows: () => rows,
    emptyNote: '',
    freeze: { rows: 0, columns: 1 },
  };
}
