// The underwriter's credit summary: per account and for the whole session, the answer in
// one screen (who, period and gaps, statements, ABB, eligible credits, EMIs honoured vs
// bounced, bounces, salary, days negative and OD utilisation, cash share, fraud) and a
// data-trust verdict with its reasons. The Summary tab, the memo (PDF, Copy summary) and
// the workbook's Summary sheet all lay out this one model. Every figure keeps its
// transactions; a figure resting on a failed or flagged statement says so (`caution`).
import { bankName } from '../format/bank-names';
import { fraudTypeLabel } from '../format/fraud-types';
import { maskedNumber } from '../format/value';
import type { CalendarDate } from '../model/calendar';
import { formatDate } from '../model/calendar';
import { formatWhole, fromPaise, toPaise } from '../model/money';
import type { AccountView, MissingRange, SessionView, StatusTone } from '../model/view-model';
import type { Figure, FigureKind } from './figures';
import { FOIR_BASIS_LABEL } from './foir';
import { obligationsAnswer, type ObligationsAnswer } from './obligations-answer';
import { DEFAULT_POLICY, type CreditPolicy } from './policy';
import { countsOf, reconciliationLine, type ReconciliationCounts } from './reconciliation';
import type { AccountInsights, EligibleMonth, SessionInsights } from './types';

/**
 * A figure the reviewer's adjustments changed (issue 16; src/shared/review/summary-adjustments.ts):
 * the figure as computed stays here, one click away, with the transactions taken out.
 */
export interface FigureAdjustment {
  readonly unadjusted: number | null;
  readonly unadjustedTrace: readonly number[];
  /** What the reviewer took out (positions in the account; amount: their sum or net effect). */
  readonly excluded: {
    readonly amount: number;
    readonly count: number;
    readonly indices: readonly number[];
  };
  /** `adjusted by the reviewer: 3 transactions, ₹4,20,000.00`. */
  readonly line: string;
}

export interface SummaryFigure extends Figure {
  /** Stable name for tests, the sheet and the memo. */
  readonly key: string;
  /** Set when the reviewer's adjustments changed the figure (`value` is then the adjusted one). */
  readonly adjustment?: FigureAdjustment | undefined;
  readonly tone?: 'bad' | 'ok' | undefined;
  /** Some of its transactions come from a failed or flagged statement. */
  readonly caution: boolean;
  /** A short word beside the value (`of ₹10,00,000 limit`, `3 months`). */
  readonly note?: string | undefined;
}

export interface SummarySection {
  readonly title: string;
  /** `obligations`: the answer a summary leads with, laid out as a band of its own. */
  readonly key?: string | undefined;
  readonly figures: readonly SummaryFigure[];
}

export interface StatementSummary {
  readonly statementId: string;
  /** `PDF`, `Account Aggregator`, or as the API sent it; null when not told. */
  readonly source: string | null;
  readonly from: CalendarDate | null;
  readonly to: CalendarDate | null;
  readonly transactions: number;
  /** Page count when the API sent one. */
  readonly pages: number | null;
  readonly status: string | null;
  readonly tone: StatusTone;
  readonly message: string | null;
  /** Fraud types naming this statement, in words. */
  readonly fraud: readonly string[];
  readonly flagged: boolean;
}

export type TrustLevel = 'reliable' | 'caution' | 'unreliable';

export interface TrustReason {
  readonly severity: 'bad' | 'warn';
  readonly text: string;
  /** Transactions behind the reason, when it has some. */
  readonly trace: readonly number[];
  /** The account the trace is in (session-level reasons). */
  readonly accountId?: string | undefined;
}

export interface TrustVerdict {
  readonly level: TrustLevel;
  /** `Data can be relied on`, `Use with caution`, `Do not rely on this data`. */
  readonly label: string;
  readonly reasons: readonly TrustReason[];
}

export interface AccountSummary {
  readonly accountId: string;
  /** `ICICI Bank XXXXXXXX1234`. */
  readonly title: string;
  readonly holder: string | null;
  readonly bank: string | null;
  readonly maskedNumber: string;
  readonly category: string | null;
  readonly from: CalendarDate | null;
  readonly to: CalendarDate | null;
  readonly monthCount: number;
  readonly gaps: readonly MissingRange[];
  readonly statements: readonly StatementSummary[];
  readonly sections: readonly SummarySection[];
  readonly eligibleMonths: readonly EligibleMonth[];
  readonly fraud: readonly { readonly type: string; readonly statementId: string | null }[];
  readonly trust: TrustVerdict;
  /** The account itself failed to process: every figure is marked. */
  readonly failed: boolean;
  readonly odLimit: number | null;
  /** Obligations schedule, FOIR, ABB over EMI and the reconciliation, under `answer.policy`. */
  readonly answer: ObligationsAnswer;
}

export interface FigureParts {
  readonly accountId: string;
  readonly indices: readonly number[];
}

export interface SessionFigure {
  readonly key: string;
  readonly label: string;
  readonly kind: FigureKind;
  readonly value: number | null;
  readonly parts: readonly FigureParts[];
  readonly tone?: 'bad' | undefined;
  /** As for an account's figure: the figure as computed and what the reviewer took out. */
  readonly adjustment?:
    | {
        readonly unadjusted: number | null;
        readonly unadjustedParts: readonly FigureParts[];
        readonly excludedParts: readonly FigureParts[];
        readonly line: string;
      }
    | undefined;
}

export interface SessionSummary {
  readonly sessionId: string;
  readonly accounts: readonly AccountSummary[];
  readonly figures: readonly SessionFigure[];
  readonly trust: TrustVerdict;
  /** The name of the credit policy every figure was made with. */
  readonly policy: string;
  /** FinBox's figures against ours, over the accounts, and its one line. */
  readonly reconciliation: ReconciliationCounts & { readonly line: string };
}

const SOURCES: Readonly<Record<string, string>> = {
  pdf: 'PDF',
  aa: 'Account Aggregator',
  account_aggregator: 'Account Aggregator',
  netbanking: 'Net banking',
  net_banking: 'Net banking',
};

function sourceName(source: string | null | undefined): string | null {
  if (!source) return null;
  return SOURCES[source.trim().toLowerCase()] ?? source;
}

const TRUST_LABEL: Record<TrustLevel, string> = {
  reliable: 'Data can be relied on',
  caution: 'Use with caution',
  unreliable: 'Do not rely on this data',
};

function verdict(reasons: TrustReason[]): TrustVerdict {
  const level: TrustLevel = reasons.some((r) => r.severity === 'bad')
    ? 'unreliable'
    : reasons.length > 0
      ? 'caution'
      : 'reliable';
  return { level, label: TRUST_LABEL[level], reasons };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function statementsOf(account: AccountView): StatementSummary[] {
  const ids = [
    ...new Set([
      ...(account.status?.statements.map((s) => s.statementId) ?? []),
      ...account.details.statements,
      ...account.statementStats.flatMap((s) => (s.statementId ? [s.statementId] : [])),
    ]),
  ];
  // The newer API's statement_stats says each statement's page count (and its source).
  const stats = new Map(account.statementStats.map((s) => [s.statementId, s]));
  const range = new Map<string, { from: string; to: string; n: number }>();
  for (const t of account.transactions) {
    if (t.statementId === null) continue;
    const r = range.get(t.statementId);
    if (!r) range.set(t.statementId, { from: t.date, to: t.date, n: 1 });
    else {
      if (t.date < r.from) r.from = t.date;
      if (t.date > r.to) r.to = t.date;
      r.n += 1;
    }
  }
  const flagged = new Set(account.fraudulentStatements);
  return ids.map((id) => {
    const s = account.status?.statements.find((x) => x.statementId === id) ?? null;
    const stat = stats.get(id);
    const r = range.get(id);
    const fraud = [
      ...new Set(
        account.fraudItems
          .filter((f) => f.statementId === id)
          .map((f) => fraudTypeLabel(f.fraudType)),
      ),
    ];
    return {
      statementId: id,
      source: sourceName(s?.source ?? stat?.source),
      from: r?.from ?? null,
      to: r?.to ?? null,
      transactions: r?.n ?? 0,
      pages: stat?.pageCount ?? null,
      status: s?.status ?? null,
      tone: s?.tone ?? 'unknown',
      message: s?.message ?? null,
      fraud,
      flagged: flagged.has(id) || fraud.length > 0,
    };
  });
}

/** End-of-day balances in paise: the EOD series where sent, else each day's last running balance. */
function dayBalances(account: AccountView): number[] {
  const out: number[] = [];
  if (account.eod.length > 0) {
    for (const m of account.eod) for (const b of m.balances) if (b !== null) out.push(toPaise(b));
    return out;
  }
  const last = new Map<string, number>();
  for (const t of account.transactions)
    if (t.balance !== null) last.set(t.date, toPaise(t.balance));
  return [...last.values()];
}

export function summarizeAccount(
  account: AccountView,
  a: AccountInsights,
  policy: CreditPolicy = DEFAULT_POLICY,
): AccountSummary {
  const statements = statementsOf(account);
  const badStatements = new Set(
    statements.filter((s) => s.tone === 'failed' || s.flagged).map((s) => s.statementId),
  );
  const failed = account.status?.tone === 'failed';
  const txs = account.transactions;
  const caution = (trace: readonly number[]) =>
    failed ||
    (badStatements.size > 0 &&
      trace.some((i) => {
        const sid = txs[i]?.statementId;
        return sid != null && badStatements.has(sid);
      }));
  const fig = (
    key: string,
    label: string,
    kind: FigureKind,
    value: number | string | null,
    trace: readonly number[],
    extra: { tone?: 'bad' | 'ok'; note?: string } = {},
  ): SummaryFigure => ({ key, label, kind, value, trace, caution: caution(trace), ...extra });
  const badIf = (n: number) => (n > 0 ? { tone: 'bad' as const } : {});

  const f = a.flows.period;
  const b = a.balances.period;
  const o = a.obligations.period;
  const r = a.bounces.period;
  const e = a.eligible;
  const s = a.salary;

  const limit = account.details.odLimit || account.details.creditLimit || null;
  const balances = dayBalances(account);
  let peakUse: number | null = null;
  let averageUse: number | null = null;
  if (limit && limit > 0 && balances.length > 0) {
    const limitPaise = toPaise(limit);
    let sum = 0;
    let peak = 0;
    for (const p of balances) {
      const used = p < 0 ? -p : 0;
      sum += used;
      if (used > peak) peak = used;
    }
    peakUse = peak / limitPaise;
    averageUse = sum / balances.length / limitPaise;
  }
  const abbIndices = a.balances.months.flatMap((m) =>
    m.abbPoints.flatMap((p) => (p.balance?.index != null ? [p.balance.index] : [])),
  );
  const abbThreeIndices = a.balances.months.flatMap((m) =>
    m.abbPoints.flatMap((p) =>
      p.balance?.index != null && (p.day === 5 || p.day === 15 || p.day === 25)
        ? [p.balance.index]
        : [],
    ),
  );
  const exclusion = (reason: string) => e.exclusions.find((x) => x.reason === reason)!.total;
  const returns = {
    amount: 0,
    count: r.inwardReturns.count + r.outwardReturns.count + r.otherReturns.count,
    indices: [...r.inwardReturns.indices, ...r.outwardReturns.indices, ...r.otherReturns.indices],
  };
  const salaryMonths = s.months.filter((m) => m.total.count > 0).length;
  const answer = obligationsAnswer(account, a, policy);
  const { schedule, foir } = answer;
  const active = schedule.streams.filter((x) => x.active).length;

  const sections: SummarySection[] = [
    {
      title: 'Obligations',
      key: 'obligations',
      figures: [
        fig(
          'monthlyObligations',
          'Monthly obligations',
          'money',
          schedule.monthlyTotal,
          schedule.trace,
          {
            note: plural(active, 'stream'),
          },
        ),
        fig('foir', 'FOIR', 'share', foir.ratio, schedule.trace, {
          note: `of ${foir.income === null ? 'no' : formatLimit(foir.income)} ${FOIR_BASIS_LABEL[foir.basis]}; limit ${Math.round(foir.limit * 1000) / 10}%`,
          ...(foir.over === null ? {} : { tone: foir.over ? 'bad' : 'ok' }),
        }),
        fig('abbOverEmi', 'ABB over EMI', 'ratio', answer.abbOverEmi, schedule.trace),
      ],
    },
    {
      title: 'Credits',
      figures: [
        fig('totalCredits', 'Total credits', 'money', f.credits.amount, f.credits.indices),
        fig('eligibleCredits', 'Eligible credits', 'money', e.eligible.amount, e.eligible.indices),
        fig(
          'eligibleMonthly',
          'Eligible, average month',
          'money',
          e.averageMonthly,
          e.eligible.indices,
        ),
        fig(
          'ownTransfersIn',
          'Own-account transfers in',
          'money',
          exclusion('own_transfer').amount,
          exclusion('own_transfer').indices,
        ),
        fig(
          'loanDisbursals',
          'Loan disbursals',
          'money',
          exclusion('loan_disbursal').amount,
          exclusion('loan_disbursal').indices,
        ),
        fig(
          'reversals',
          'Reversals and returns',
          'money',
          exclusion('reversal').amount,
          exclusion('reversal').indices,
        ),
        fig('refunds', 'Refunds', 'money', exclusion('refund').amount, exclusion('refund').indices),
        fig('cashShare', 'Cash % of credits', 'share', f.cashDepositShare, f.cashDeposits.indices),
      ],
    },
    {
      title: 'Balances',
      figures: [
        fig('abb', 'ABB (5/10/15/20/25/last)', 'money', b.abb, abbIndices),
        fig('abbThree', 'ABB (5/15/25)', 'money', b.abbThree, abbThreeIndices),
        fig('averageBalance', 'Average balance', 'money', b.average, b.indices),
        fig(
          'minBalance',
          'Minimum balance',
          'money',
          b.min?.balance ?? null,
          b.min?.index != null ? [b.min.index] : [],
          b.min && b.min.balance < 0 ? { tone: 'bad' } : {},
        ),
        fig(
          'negativeDays',
          'Days negative',
          'days',
          b.negativeDays.length,
          unique(b.negativeDays.map((d) => d.index)),
          badIf(b.negativeDays.length),
        ),
        ...(limit
          ? [
              fig(
                'odPeak',
                'Overdraft used, peak',
                'share',
                peakUse,
                b.min?.index != null ? [b.min.index] : [],
                peakUse !== null && peakUse > 0.9 ? { tone: 'bad' as const } : {},
              ),
              fig('odAverage', 'Overdraft used, average', 'share', averageUse, b.indices),
              fig(
                'overdrawnDays',
                'Days beyond the limit',
                'days',
                b.overdrawnDays.length,
                unique(b.overdrawnDays.map((d) => d.index)),
                badIf(b.overdrawnDays.length),
              ),
            ]
          : []),
      ],
    },
    {
      title: 'EMIs and bounces',
      figures: [
        fig('emiHonoured', 'EMIs honoured', 'count', o.emi.count, o.emi.indices, {
          note: formatLimit(o.emi.amount),
        }),
        fig('emiBounced', 'EMIs bounced', 'count', o.emiBounced.count, o.emiBounced.indices, {
          ...badIf(o.emiBounced.count),
          note: formatLimit(fromPaise(toPaise(o.emiBounced.amount))),
        }),
        fig(
          'mandateBounced',
          'Other mandates bounced',
          'count',
          o.mandateBounced.count,
          o.mandateBounced.indices,
          badIf(o.mandateBounced.count),
        ),
        fig(
          'inwardReturns',
          'Inward returns (cheque, ECS/NACH)',
          'count',
          r.inwardReturns.count,
          r.inwardReturns.indices,
          badIf(r.inwardReturns.count),
        ),
        fig('allReturns', 'All returns', 'count', returns.count, returns.indices),
        fig(
          'returnCharges',
          'Return charges',
          'money',
          r.charges.amount,
          r.charges.indices,
          badIf(r.charges.count),
        ),
        fig(
          'penalCharges',
          'Penal charges',
          'money',
          r.penalties.amount,
          r.penalties.indices,
          badIf(r.penalties.count),
        ),
      ],
    },
    {
      title: 'Salary',
      figures: [
        fig('salaryAverage', 'Salary, average month', 'money', s.averageMonthly, s.total.indices, {
          note: s.source === 'none' ? 'none found' : plural(salaryMonths, 'month'),
        }),
        fig(
          'salaryEmployer',
          'Employer',
          'text',
          s.employers[0]?.name ?? null,
          s.employers[0]?.total.indices ?? [],
        ),
        fig(
          'salaryMissing',
          'Months without salary',
          'count',
          s.source === 'none' ? null : s.missingMonths.length,
          [],
          s.source !== 'none' && s.missingMonths.length > 0 ? { tone: 'bad' } : {},
        ),
      ],
    },
  ];

  const reasons: TrustReason[] = [];
  if (failed)
    reasons.push({
      severity: 'bad',
      text: `The account failed to process${account.status?.message ? `: ${account.status.message}` : ''}.`,
      trace: [],
    });
  for (const st of statements) {
    if (st.tone === 'failed')
      reasons.push({
        severity: 'bad',
        text: `Statement ${st.statementId.slice(0, 8)} failed${st.message ? `: ${st.message}` : ''}.`,
        trace: [],
      });
    if (st.flagged)
      reasons.push({
        severity: 'bad',
        text: `Statement ${st.statementId.slice(0, 8)} is flagged${st.fraud.length ? `: ${st.fraud.join(', ')}` : ''}.`,
        trace: txs.flatMap((t) =>
          t.statementId === st.statementId && t.fraudTypes.length ? [t.index] : [],
        ),
      });
  }
  const breaks = a.integrity.balanceBreaks;
  if (breaks.length > 0)
    reasons.push({
      severity: 'bad',
      text: `${plural(breaks.length, 'balance-chain break')}: a balance does not follow from the previous one.`,
      trace: breaks.map((x) => x.index),
    });
  for (const g of account.details.missingData)
    reasons.push({
      severity: 'warn',
      text: `No statement coverage from ${formatDate(g.from)} to ${formatDate(g.to)}.`,
      trace: [],
    });
  const undeclared = a.integrity.gaps.filter((g) => g.declared === null);
  if (undeclared.length > 0)
    reasons.push({
      severity: 'warn',
      text: `${plural(undeclared.length, 'stretch', 'stretches')} of more than 10 days without a transaction, not declared missing.`,
      trace: undeclared.flatMap((g) => [g.beforeIndex, g.afterIndex]),
    });
  const inside = a.integrity.missingRanges.flatMap((m) => m.transactionsInside);
  if (inside.length > 0)
    reasons.push({
      severity: 'warn',
      text: `${plural(inside.length, 'transaction')} dated inside a range declared missing.`,
      trace: inside,
    });
  if (a.integrity.duplicates.length > 0)
    reasons.push({
      severity: 'warn',
      text: `${plural(a.integrity.duplicates.length, 'possible duplicate')}.`,
      trace: a.integrity.duplicates.flatMap((d) => d.indices),
    });
  const accountFraud = account.fraudItems.filter((x) => x.scope === 'account');
  if (accountFraud.length > 0)
    reasons.push({
      severity: 'warn',
      text: `Account-level fraud checks: ${[...new Set(accountFraud.map((x) => fraudTypeLabel(x.fraudType)))].join(', ')}.`,
      trace: accountFraud.flatMap((x) => (x.transactionIndex !== null ? [x.transactionIndex] : [])),
    });

  const months = account.details.months;
  const dates = txs.length > 0 ? txs.map((t) => t.date).sort() : [];
  const bank = bankName(account.details.bank ?? account.status?.bankName ?? null);
  const masked = maskedNumber(
    account.details.accountNumber ?? account.status?.accountNumber ?? null,
  );
  return {
    accountId: account.accountId,
    title: [bank, masked === '—' ? null : masked].filter(Boolean).join(' ') || account.accountId,
    holder: account.details.holderName,
    bank,
    maskedNumber: masked,
    category: account.details.category,
    from: dates[0] ?? (months[0] ? `${months[0]}-01` : null),
    to: dates[dates.length - 1] ?? null,
    monthCount: months.length || a.months.length,
    gaps: account.details.missingData,
    statements,
    sections,
    eligibleMonths: e.months,
    fraud: account.fraudItems.map((x) => ({
      type: fraudTypeLabel(x.fraudType),
      statementId: x.statementId,
    })),
    trust: verdict(reasons),
    failed,
    odLimit: limit,
    answer,
  };
}

function unique(list: readonly (number | null)[]): number[] {
  return [...new Set(list.filter((i): i is number => i !== null))];
}

/** `₹10,00,000` without paise, for notes beside a figure. */
function formatLimit(amount: number): string {
  return `₹${formatWhole(amount)}`;
}

export function summarizeSession(
  session: SessionView,
  insights: SessionInsights,
  policy: CreditPolicy = DEFAULT_POLICY,
): SessionSummary {
  const accounts = session.accounts.map((account, k) =>
    summarizeAccount(account, insights.accounts[k]!, policy),
  );
  const sum = (
    key: string,
    label: string,
    kind: FigureKind,
    pick: (a: AccountSummary) => SummaryFigure | undefined,
    tone?: 'bad',
  ): SessionFigure => {
    let paise = 0;
    let seen = false;
    const parts: { accountId: string; indices: readonly number[] }[] = [];
    for (const a of accounts) {
      const f = pick(a);
      if (!f || typeof f.value !== 'number') continue;
      seen = true;
      paise += kind === 'money' ? toPaise(f.value) : f.value;
      if (f.trace.length > 0) parts.push({ accountId: a.accountId, indices: f.trace });
    }
    const value = !seen ? null : kind === 'money' ? fromPaise(paise) : paise;
    return { key, label, kind, value, parts, ...(tone && value ? { tone } : {}) };
  };
  const by = (key: string) => (a: AccountSummary) =>
    a.sections.flatMap((s) => s.figures).find((f) => f.key === key);
  const transfers = insights.ownTransfers;
  const obligations = sum(
    'monthlyObligations',
    'Monthly obligations',
    'money',
    by('monthlyObligations'),
  );
  const figures: SessionFigure[] = [
    obligations,
    sessionFoir(accounts, obligations, policy),
    sum('totalCredits', 'Total credits', 'money', by('totalCredits')),
    sum('eligibleCredits', 'Eligible credits', 'money', by('eligibleCredits')),
    sum('eligibleMonthly', 'Eligible a month', 'money', by('eligibleMonthly')),
    {
      key: 'ownTransfers',
      label: 'Own-account transfers',
      kind: 'count',
      value: transfers.length,
      parts: session.accounts
        .map((acc) => ({
          accountId: acc.accountId,
          indices: transfers
            .flatMap((t) => [t.from, t.to])
            .filter((x) => x.accountId === acc.accountId)
            .map((x) => x.index),
        }))
        .filter((p) => p.indices.length > 0),
    },
    sum('emiHonoured', 'EMIs honoured', 'count', by('emiHonoured')),
    sum('emiBounced', 'EMIs bounced', 'count', by('emiBounced'), 'bad'),
    sum('inwardReturns', 'Inward returns', 'count', by('inwardReturns'), 'bad'),
    sum('penalCharges', 'Penal charges', 'money', by('penalCharges'), 'bad'),
    sum('negativeDays', 'Days negative', 'days', by('negativeDays'), 'bad'),
  ];
  const reasons: TrustReason[] = accounts.flatMap((a) =>
    a.trust.reasons.map((r) => ({ ...r, text: `${a.title}: ${r.text}`, accountId: a.accountId })),
  );
  // Items set aside while reading the response (contract 2: SessionView.unreadable, read
  // loosely until every producer sets it).
  const unread = (session as { readonly unreadable?: readonly unknown[] }).unreadable;
  if (unread && unread.length > 0)
    reasons.push({
      severity: 'warn',
      text: `${plural(unread.length, 'item')} in the response could not be read and were set aside.`,
      trace: [],
    });
  const counts = countsOf(accounts.flatMap((a) => a.answer.reconciliation.items));
  return {
    sessionId: session.sessionId,
    accounts,
    figures,
    trust: verdict(reasons),
    policy: policy.name,
    reconciliation: { ...counts, line: reconciliationLine(counts) },
  };
}

/** The session's FOIR: the accounts' obligations over the accounts' income, as the policy says. */
function sessionFoir(
  accounts: readonly AccountSummary[],
  obligations: SessionFigure,
  policy: CreditPolicy,
): SessionFigure {
  let income = 0;
  for (const a of accounts) income += toPaise(a.answer.foir.income ?? 0);
  const ratio =
    income > 0 && typeof obligations.value === 'number'
      ? toPaise(obligations.value) / income
      : null;
  return {
    key: 'foir',
    label: 'FOIR',
    kind: 'share',
    value: ratio,
    parts: obligations.parts,
    ...(ratio !== null && ratio > policy.foirLimit ? { tone: 'bad' as const } : {}),
  };
}
