// The underwriter's credit summary: per account and for the whole session, the answer in
// one screen (who, period and gaps, statements, ABB, eligible credits, EMIs honoured vs
// bounced, bounces, salary, days negative and OD utilisation, cash share, fraud) and a
// data-trust verdict with its reasons. The Summary tab, the memo (PDF, Copy summary) and
// the workbook's Summary sheet all lay out this one model. Every figure keeps its
// transactions and its definition (definitions.ts); a figure resting on a failed or
// flagged statement says so (`caution`).
import { bankName } from '../format/bank-names';
import { fraudTypeLabel } from '../format/fraud-types';
import { formatPercent, maskedNumber, plural } from '../format/value';
import { formatWhole, fromPaise, toPaise } from '../model/money';
import { setAsideLine } from '../model/unreadable';
import type { AccountView, EodMonthView, SessionView } from '../model/view-model';
import { monthsWithBalances } from './balances';
import { defineFigure, figureName, type FigureId } from './definitions';
import { abbTrace, uniqueIndices, type FigureKind } from './figures';
import { FOIR_BASIS_LABEL } from './foir';
import { obligationsAnswer } from './obligations-answer';
import { overdraftUse } from './overdraft';
import { DEFAULT_POLICY, THREE_DAY_ABB, type CreditPolicy } from './policy';
import { countsOf, reconciliationLine } from './reconciliation';
import { statementsOf } from './summary-statements';
import type {
  AccountSummary,
  SessionFigure,
  SessionSummary,
  SummaryFigure,
  SummarySection,
  TrustReason,
} from './summary-types';
import {
  accountTrustReasons,
  NEGATIVE_BALANCE_FRAUD,
  negativeBalanceExpected,
  verdict,
} from './trust';
import type { AccountInsights, SessionInsights, Tally } from './types';

export type * from './summary-types';

/** `policy`: the one the insights were computed with, unless given. */
export function summarizeAccount(
  account: AccountView,
  a: AccountInsights,
  policy: CreditPolicy = a.policy,
): AccountSummary {
  const limit = account.details.odLimit || account.details.creditLimit || null;
  const statements = statementsOf(
    account,
    negativeBalanceExpected(a, limit) ? new Set([NEGATIVE_BALANCE_FRAUD]) : new Set(),
  );
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
    id: FigureId,
    kind: FigureKind,
    value: number | string | null,
    trace: readonly number[],
    extra: { tone?: 'bad' | 'ok'; note?: string } = {},
  ): SummaryFigure => ({
    key: id,
    label: figureName(id, policy),
    definition: defineFigure(id, policy),
    kind,
    value,
    trace,
    caution: caution(trace),
    ...extra,
  });
  const badIf = (n: number) => (n > 0 ? { tone: 'bad' as const } : {});
  /** A count of days, traced to each day's transaction: bad when there is any. */
  const daysFig = (id: FigureId, days: readonly { readonly index: number | null }[]) =>
    fig(id, 'days', days.length, uniqueIndices(days), badIf(days.length));
  /** A count of events (returns, bounces): bad when there is any. */
  const badCountFig = (id: FigureId, t: Tally) =>
    fig(id, 'count', t.count, t.indices, badIf(t.count));

  const f = a.flows.period;
  const b = a.balances.period;
  const o = a.obligations.period;
  const r = a.bounces.period;
  const e = a.eligible;
  const s = a.salary;

  const use = overdraftUse(a.balances, limit);
  const abbIndices = abbTrace(a);
  const abbThreeIndices = abbTrace(a, THREE_DAY_ABB);
  const exclusion = (reason: string) => e.exclusions.find((x) => x.reason === reason)!.total;
  const exclusionFig = (id: FigureId, reason: string) =>
    fig(id, 'money', exclusion(reason).amount, exclusion(reason).indices);
  const atMin = b.min?.index != null ? [b.min.index] : [];
  const returns = {
    amount: 0,
    count: r.inwardReturns.count + r.outwardReturns.count + r.otherReturns.count,
    indices: [...r.inwardReturns.indices, ...r.outwardReturns.indices, ...r.otherReturns.indices],
  };
  const salaryMonths = s.months.filter((m) => m.total.count > 0).length;
  const cashOut = exclusion('cash_deposit');
  const answer = obligationsAnswer(account, a, policy);
  const { schedule, foir } = answer;
  const active = schedule.streams.filter((x) => x.active).length;

  const sections: SummarySection[] = [
    {
      title: 'Obligations',
      key: 'obligations',
      figures: [
        fig('monthlyObligations', 'money', schedule.monthlyTotal, schedule.trace, {
          note: plural(active, 'stream'),
        }),
        fig('foir', 'share', foir.ratio, schedule.trace, {
          note: `of ${foir.income === null ? 'no' : formatLimit(foir.income)} ${FOIR_BASIS_LABEL[foir.basis]}; limit ${formatPercent(foir.limit)}`,
          ...(foir.over === null ? {} : { tone: foir.over ? 'bad' : 'ok' }),
        }),
        fig('abbOverEmi', 'ratio', answer.abbOverEmi, schedule.trace),
      ],
    },
    {
      title: 'Credits',
      figures: [
        fig('totalCredits', 'money', f.credits.amount, f.credits.indices),
        fig('eligibleCredits', 'money', e.eligible.amount, e.eligible.indices),
        fig('eligibleMonthly', 'money', e.averageMonthly, e.eligible.indices, {
          note: `${monthsText(e.average.months)} of ${plural(a.coverage.length, 'month')}`,
        }),
        exclusionFig('ownTransfersIn', 'own_transfer'),
        // Every loan credit, as the figure is defined and the Analyses show it: one that is
        // also an own transfer is left out of income as that, and is still loan money.
        fig(
          'loanDisbursals',
          'money',
          a.obligations.period.loanDisbursals.amount,
          a.obligations.period.loanDisbursals.indices,
        ),
        exclusionFig('reversals', 'reversal'),
        exclusionFig('refunds', 'refund'),
        ...(a.policy.cashDepositsEligible
          ? []
          : [
              fig('cashDeposits', 'money', cashOut.amount, cashOut.indices, {
                note: 'not eligible under the policy',
              }),
            ]),
        fig('cashShare', 'share', f.cashDepositShare, f.cashDeposits.indices),
      ],
    },
    {
      title: 'Balances',
      figures: [
        fig('abb', 'money', b.abb, abbIndices),
        ...(a.policy.abbDays === 'three'
          ? []
          : [fig('abbThree', 'money', b.abbThree, abbThreeIndices)]),
        fig('averageBalance', 'money', b.average, b.indices),
        fig(
          'minBalance',
          'money',
          b.min?.balance ?? null,
          atMin,
          b.min && b.min.balance < 0 ? { tone: 'bad' } : {},
        ),
        daysFig('negativeDays', b.negativeDays),
        ...(limit && use
          ? [
              fig(
                'odPeak',
                'share',
                use.peak,
                atMin,
                use.peak > 0.9 ? { tone: 'bad' as const } : {},
              ),
              fig('odAverage', 'share', use.average, b.indices),
              daysFig('overdrawnDays', b.overdrawnDays),
            ]
          : []),
      ],
    },
    {
      title: 'EMIs and bounces',
      figures: [
        fig('emiHonoured', 'count', o.emi.count, o.emi.indices, {
          note: `amount ${formatLimit(o.emi.amount)}`,
        }),
        fig('emiBounced', 'count', o.emiBounced.count, o.emiBounced.indices, {
          ...badIf(o.emiBounced.count),
          note: `amount ${formatLimit(fromPaise(toPaise(o.emiBounced.amount)))}`,
        }),
        badCountFig('mandateBounced', o.mandateBounced),
        badCountFig('inwardReturns', r.inwardReturns),
        fig('allReturns', 'count', returns.count, returns.indices),
        fig('returnCharges', 'money', r.charges.amount, r.charges.indices, badIf(r.charges.count)),
        fig(
          'penalCharges',
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
        fig('salaryAverage', 'money', s.averageMonthly, s.total.indices, {
          note: s.source === 'none' ? 'none found' : plural(salaryMonths, 'month'),
        }),
        fig(
          'salaryEmployer',
          'text',
          s.employers[0]?.name ?? null,
          s.employers[0]?.total.indices ?? [],
        ),
        fig(
          'salaryMissing',
          'count',
          s.source === 'none' ? null : s.missingMonths.length,
          [],
          s.source !== 'none' && s.missingMonths.length > 0 ? { tone: 'bad' } : {},
        ),
      ],
    },
  ];

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
    trust: verdict(accountTrustReasons(account, a, statements, limit)),
    failed,
    odLimit: limit,
    policy: policy.name,
    eod: eodOf(a),
    answer,
  };
}

/** The insights' daily balances as EOD months, from the first to the last month with one. */
function eodOf(a: AccountInsights): EodMonthView[] {
  return monthsWithBalances(a.balances).map((m) => ({
    month: m.month,
    label: '',
    startDate: null,
    balances: m.daily,
  }));
}

/** `₹10,00,000` without paise, for notes beside a figure. */
function formatLimit(amount: number): string {
  return `₹${formatWhole(amount)}`;
}

/** `3`, `2.13` (pro-rated partial months): the months an average divides by. */
function monthsText(months: number): string {
  return String(Math.round(months * 100) / 100);
}

export function summarizeSession(
  session: SessionView,
  insights: SessionInsights,
  policy?: CreditPolicy,
): SessionSummary {
  const accounts = session.accounts.map((account, k) =>
    summarizeAccount(account, insights.accounts[k]!, policy),
  );
  const sessionPolicy = policy ?? insights.accounts[0]?.policy ?? DEFAULT_POLICY;
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
  /**
   * A count that belongs to each account (days negative): listed per account, never added
   * up (two accounts negative on the same day are not two days).
   */
  const perAccount = (
    key: string,
    label: string,
    pick: (a: AccountSummary) => SummaryFigure | undefined,
  ): SessionFigure => {
    const found = accounts.flatMap((a) => {
      const f = pick(a);
      return f && typeof f.value === 'number' ? [{ a, f, value: f.value }] : [];
    });
    const value =
      found.length === 0
        ? null
        : found.length === 1
          ? String(found[0]!.value)
          : found.map((x) => `${x.value} (${x.a.title})`).join(' · ');
    return {
      key,
      label,
      kind: 'text',
      value,
      parts: found.flatMap((x) =>
        x.f.trace.length > 0 ? [{ accountId: x.a.accountId, indices: x.f.trace }] : [],
      ),
      ...(found.some((x) => x.value > 0) ? { tone: 'bad' as const } : {}),
    };
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
    sessionFoir(accounts, obligations, sessionPolicy),
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
    perAccount('negativeDays', 'Days negative, by account', by('negativeDays')),
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
      text: `${setAsideLine(unread.length, 'in the response')}.`,
      trace: [],
    });
  const counts = countsOf(accounts.flatMap((a) => a.answer.reconciliation.items));
  return {
    sessionId: session.sessionId,
    accounts,
    figures,
    trust: verdict(reasons),
    policy: sessionPolicy.name,
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
