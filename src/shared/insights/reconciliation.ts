// Our figures beside FinBox's own, where the response carries FinBox's value for a figure
// we compute: monthly_analysis (credits, debits, counts, avg_bal, EMI debits, cash,
// salary, opening and closing balances), the EOD series against the running balances,
// predictors (FOIR, adjusted ABB, ABB over EMI, income, monthly EMI) and the score. A
// difference beyond a paisa is marked with its reason: a different definition, data
// FinBox has that the response does not carry, or a disagreement.
import type { CalendarDate, MonthKey } from '../model/calendar';
import {
  daysInMonth,
  formatDate,
  formatMonth,
  lastDayOf,
  monthOf,
  toMonthKey,
} from '../model/calendar';
import { formatCount, NONE, plural } from '../format/value';
import { formatAmount, formatRupees, toPaise } from '../model/money';
import type { AccountView } from '../model/view-model';
import type { AccountInsights, Tally } from './types';

export type ReconciliationReason = 'definition' | 'finbox_data' | 'disagreement';

export const RECONCILIATION_REASON_LABEL: Readonly<Record<ReconciliationReason, string>> = {
  definition: 'a different definition',
  finbox_data: 'data FinBox has that this response does not carry',
  disagreement: 'a disagreement',
};

export type ReconciliationKind = 'money' | 'count' | 'ratio';

export interface ReconciliationItem {
  readonly figure: string;
  /** Where FinBox's value is: `monthly_analysis.amt_credit`, `predictors.adjusted_abb`. */
  readonly finboxKey: string;
  readonly month: MonthKey | null;
  readonly kind: ReconciliationKind;
  readonly finbox: number | null;
  readonly ours: number | null;
  /** Null when one side has no value (listed, not counted). */
  readonly agrees: boolean | null;
  readonly reason: ReconciliationReason | null;
  /** What the reason is, in words; null when the figures agree. */
  readonly note: string | null;
}

export interface ReconciliationCounts {
  readonly compared: number;
  readonly agree: number;
  readonly differ: number;
  readonly byReason: Readonly<Record<ReconciliationReason, number>>;
}

export interface Reconciliation extends ReconciliationCounts {
  readonly items: readonly ReconciliationItem[];
}

/** What this account's figures are, as the reconciliation reads them. */
export interface OurFigures {
  readonly foir: number | null;
  readonly abb: number | null;
  readonly abbOverEmi: number | null;
  readonly eligibleMonthly: number | null;
}

/** A FinBox value as a number: numbers, and numeric strings ("0", "12.5"). */
function numberOf(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return null;
}

function sameValue(kind: ReconciliationKind, a: number, b: number): boolean {
  if (kind === 'money') return Math.abs(toPaise(a) - toPaise(b)) <= 1;
  if (kind === 'count') return a === b;
  // Ratios: to the fourth decimal (0.01 percentage point).
  return Math.abs(a - b) < 0.00005;
}

function text(kind: ReconciliationKind, v: number): string {
  return kind === 'money' ? formatAmount(v) : kind === 'count' ? String(v) : v.toFixed(4);
}

interface Judged {
  readonly reason: ReconciliationReason;
  readonly note: string;
}

class Items {
  readonly list: ReconciliationItem[] = [];
  add(
    figure: string,
    finboxKey: string,
    month: MonthKey | null,
    kind: ReconciliationKind,
    finbox: number | null,
    ours: number | null,
    why: (finbox: number, ours: number) => Judged,
  ): void {
    if (finbox === null) return;
    const row = { figure, finboxKey, month, kind, finbox, ours };
    if (ours === null) {
      this.list.push({
        ...row,
        agrees: null,
        reason: null,
        note: 'FinBox only: no figure of ours to set beside it',
      });
      return;
    }
    const agrees = sameValue(kind, finbox, ours);
    const judged = agrees ? null : why(finbox, ours);
    this.list.push({
      ...row,
      agrees,
      reason: judged?.reason ?? null,
      note: judged
        ? `${judged.note} (FinBox ${text(kind, finbox)}, ours ${text(kind, ours)})`
        : null,
    });
  }
}

/** FinBox's monthly value under the first of its names the response carries. */
function monthlyValue(
  account: AccountView,
  keys: readonly string[],
  month: MonthKey,
): { key: string; value: number } | null {
  for (const key of keys) {
    const v = numberOf(account.monthly.values[key]?.[month]);
    if (v !== null) return { key, value: v };
  }
  return null;
}

function predictorScalar(account: AccountView, key: string): number | null {
  return numberOf(account.predictors.scalars.find((s) => s.key === key)?.value);
}

const disagreement = (note: string): Judged => ({ reason: 'disagreement', note });
const definition = (note: string): Judged => ({ reason: 'definition', note });
const finboxData = (note: string): Judged => ({ reason: 'finbox_data', note });

/** FinBox counts more of a kind than the response lists: it saw transactions we do not have. */
function countedMore(finboxCount: number | null, ours: number, what: string): Judged | null {
  return finboxCount !== null && finboxCount > ours
    ? finboxData(`FinBox counted ${finboxCount} ${what}; this response lists ${ours}`)
    : null;
}

/** End-of-day balances rebuilt from the running balances alone (carried over days without one). */
export function runningEod(account: AccountView): Map<CalendarDate, number> {
  const txs = account.transactions;
  let up = true;
  let down = true;
  for (let i = 1; i < txs.length; i++) {
    if (txs[i]!.date < txs[i - 1]!.date) up = false;
    else if (txs[i]!.date > txs[i - 1]!.date) down = false;
  }
  // Oldest first, each day's entries in running order: the day's last balance wins. A
  // newest-first list is read backwards; a mixed one is sorted by date (stably).
  const ordered = up
    ? txs
    : down
      ? [...txs].reverse()
      : [...txs].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const eod = new Map<CalendarDate, number>();
  for (const t of ordered) if (t.balance !== null) eod.set(t.date, t.balance);
  return eod;
}

function eodItems(account: AccountView, items: Items): void {
  if (account.eod.length === 0 || account.transactions.length === 0) return;
  const running = runningEod(account);
  const days = [...running.keys()].sort();
  const first = days[0]!;
  // Carried to the end of the last transaction's month: FinBox's series runs to the
  // statement's end, which a response does not state otherwise.
  const lastDay = days[days.length - 1]!;
  const last = lastDayOf(monthOf(lastDay));
  const missing = account.details.missingData;
  let k = 0;
  let carried: number | null = null;
  for (const m of account.eod) {
    let compared = 0;
    let matching = 0;
    let firstMiss: string | null = null;
    let missReason: ReconciliationReason = 'disagreement';
    const length = Math.min(m.balances.length, daysInMonth(m.month));
    for (let d = 1; d <= length; d++) {
      const date = `${m.month}-${String(d).padStart(2, '0')}`;
      while (k < days.length && days[k]! <= date) carried = running.get(days[k++]!)!;
      const finbox = m.balances[d - 1];
      if (finbox === null || finbox === undefined) continue;
      compared++;
      const inGap = missing.some((g) => g.from <= date && date <= g.to);
      const ours = date < first || date > last || inGap ? null : carried;
      if (ours !== null && toPaise(ours) === toPaise(finbox)) {
        matching++;
        continue;
      }
      if (firstMiss === null) {
        firstMiss =
          ours === null
            ? `${formatDate(date)}: FinBox ${formatAmount(finbox)}, no running balance that day`
            : `${formatDate(date)}: FinBox ${formatAmount(finbox)}, running balance ${formatAmount(ours)}`;
        missReason = ours === null ? 'finbox_data' : 'disagreement';
      }
    }
    if (compared === 0) continue;
    items.add(
      'End-of-day balances agreeing (days)',
      'eod_balances',
      m.month,
      'count',
      compared,
      matching,
      () => ({
        reason: missReason,
        note: `${compared - matching} of ${compared} days differ; first ${firstMiss ?? ''}`,
      }),
    );
  }
}

/**
 * Why FinBox's EMI amount for a month differs from the EMIs honoured: equal to those
 * presented (honoured and returned), FinBox counts the returned EMI; else a disagreement.
 */
function emiDifference(
  finbox: number,
  o: { readonly emi: Tally; readonly emiBounced: Tally } | undefined,
  otherwise: (j: Judged) => Judged,
): Judged {
  const paid = toPaise(o?.emi.amount ?? 0);
  const presented = paid + toPaise(o?.emiBounced.amount ?? 0);
  return Math.abs(toPaise(finbox) - presented) <= 1 && presented !== paid
    ? definition('FinBox counts a returned EMI as debited; ours counts only EMIs that stood')
    : otherwise(disagreement('The debits each side reads as EMIs differ'));
}

function salaryIn(a: AccountInsights, month: MonthKey): number {
  return a.salary.months.find((s) => s.month === month)?.total.amount ?? 0;
}

/**
 * One account's reconciliation. `ours` carries the figures made with the policy (FOIR,
 * ABB, ABB over EMI, eligible income), so the comparison uses what the Summary shows.
 */
export function reconcileAccount(
  account: AccountView,
  a: AccountInsights,
  ours: OurFigures,
): Reconciliation {
  const items = new Items();
  const flows = new Map(a.flows.months.map((f) => [f.month, f]));
  const balances = new Map(a.balances.months.map((b) => [b.month, b]));
  const obligations = new Map(a.obligations.months.map((o) => [o.month, o]));
  const checks = new Map(a.integrity.monthly.map((c) => [c.month, c]));
  const salaryShifted = account.salaryTransactions.some((t) => {
    const m = t.extra['salary_month'];
    return typeof m === 'string' && toMonthKey(m) !== null && toMonthKey(m) !== monthOf(t.date);
  });

  for (const month of account.monthly.months) {
    const f = flows.get(month);
    const label = formatMonth(month);
    const value = (keys: readonly string[]) => monthlyValue(account, keys, month);
    const noData = !f || f.credits.count + f.debits.count === 0;
    const missingMonth = (j: Judged) =>
      noData
        ? finboxData(
            `FinBox has figures for ${label}; this response has no transactions that month`,
          )
        : j;

    // Amounts FinBox counts as it sums: more counted than listed is data we do not have.
    const counted: readonly {
      readonly figure: string;
      readonly countFigure: string | null;
      readonly amountKeys: readonly string[];
      readonly countKeys: readonly string[];
      readonly ours: { readonly amount: number; readonly count: number } | undefined;
      readonly word: string;
    }[] = [
      {
        figure: 'Credits',
        countFigure: 'Credit count',
        amountKeys: ['amt_credit', 'total_credit'],
        countKeys: ['cnt_credit'],
        ours: f?.credits,
        word: 'credits',
      },
      {
        figure: 'Debits',
        countFigure: 'Debit count',
        amountKeys: ['amt_debit', 'total_debit'],
        countKeys: ['cnt_debit'],
        ours: f?.debits,
        word: 'debits',
      },
      {
        figure: 'Cash deposits',
        countFigure: null,
        amountKeys: ['amt_cash_deposit_credit', 'cash_deposits'],
        countKeys: ['cnt_cash_deposit_credit'],
        ours: f?.cashDeposits,
        word: 'cash deposits',
      },
      {
        figure: 'Cash withdrawals',
        countFigure: null,
        amountKeys: ['amt_cash_withdrawl_debit', 'amt_cash_withdrawal_debit', 'cash_withdrawals'],
        countKeys: ['cnt_cash_withdrawl_debit'],
        ours: f?.cashWithdrawals,
        word: 'cash withdrawals',
      },
    ];
    for (const c of counted) {
      const amount = value(c.amountKeys);
      const count = value(c.countKeys);
      const ours = c.ours ?? { amount: 0, count: 0 };
      const why = () =>
        missingMonth(
          countedMore(count?.value ?? null, ours.count, c.word) ??
            disagreement(`FinBox and this app read the ${c.word} of ${label} differently`),
        );
      if (amount)
        items.add(
          c.figure,
          `monthly_analysis.${amount.key}`,
          month,
          'money',
          amount.value,
          ours.amount,
          why,
        );
      if (count && c.countFigure)
        items.add(
          c.countFigure,
          `monthly_analysis.${count.key}`,
          month,
          'count',
          count.value,
          ours.count,
          why,
        );
    }

    const avg = value(['avg_bal']);
    const b = balances.get(month);
    if (avg)
      items.add(
        'Average balance',
        'monthly_analysis.avg_bal',
        month,
        'money',
        avg.value,
        b?.average ?? null,
        () =>
          missingMonth(
            b?.source === 'eod'
              ? definition(
                  'FinBox averages its own day set; ours is every day with an end-of-day balance in its EOD series',
                )
              : definition(
                  'Ours is rebuilt from the running balances (FinBox sent no EOD series for the month)',
                ),
          ),
      );

    const emi = value(['amt_emi_debit', 'total_emi_ecs_loan']);
    const o = obligations.get(month);
    if (emi)
      items.add(
        'EMI debits',
        `monthly_analysis.${emi.key}`,
        month,
        'money',
        emi.value,
        o?.emi.amount ?? 0,
        (fb) => emiDifference(fb, o, missingMonth),
      );

    const salary = value(['total_amount_of_salary', 'total_salary']);
    if (salary)
      items.add(
        'Salary',
        `monthly_analysis.${salary.key}`,
        month,
        'money',
        salary.value,
        salaryIn(a, month),
        () =>
          salaryShifted
            ? definition(
                'FinBox counts salary in its salary_month; ours counts it in the month it was credited',
              )
            : missingMonth(disagreement('The credits each side reads as salary differ')),
      );

    const check = checks.get(month);
    const opening = value(['opening_balance']);
    if (opening)
      items.add(
        'Opening balance',
        'monthly_analysis.opening_balance',
        month,
        'money',
        opening.value,
        check?.computedOpening ?? null,
        () =>
          missingMonth(
            disagreement(
              "FinBox's opening balance is not the balance before the month's first transaction",
            ),
          ),
      );
    const closing = value(['closing_balance']);
    if (closing)
      items.add(
        'Closing balance',
        'monthly_analysis.closing_balance',
        month,
        'money',
        closing.value,
        check?.computedClosing ?? null,
        () =>
          missingMonth(
            disagreement(
              "FinBox's closing balance is not the balance after the month's last transaction",
            ),
          ),
      );
  }

  eodItems(account, items);

  // Predictors: period figures. FinBox's FOIR may come as a fraction or a percentage.
  const foir = predictorScalar(account, 'fixed_obligation_to_income_ratio');
  if (foir !== null) {
    const fraction = foir > 1 && (ours.foir === null || ours.foir <= 1) ? foir / 100 : foir;
    items.add(
      'FOIR',
      'predictors.fixed_obligation_to_income_ratio',
      null,
      'ratio',
      fraction,
      ours.foir,
      () =>
        definition(
          "FinBox divides its own obligation set by its own income figure; ours divides the obligations schedule by the policy's income",
        ),
    );
  }
  items.add(
    'ABB',
    'predictors.adjusted_abb',
    null,
    'money',
    predictorScalar(account, 'adjusted_abb'),
    ours.abb,
    () =>
      definition(
        "FinBox's adjusted ABB is its own day set and adjustments; ours is the policy ABB",
      ),
  );
  items.add(
    'ABB over EMI',
    'predictors.abb_isto_emi',
    null,
    'ratio',
    predictorScalar(account, 'abb_isto_emi'),
    ours.abbOverEmi,
    () =>
      definition(
        "FinBox's ratio uses its own ABB and EMI set; ours the policy ABB over the obligations schedule",
      ),
  );
  items.add(
    'Income, average month',
    'predictors.avg_monthly_income',
    null,
    'money',
    predictorScalar(account, 'avg_monthly_income'),
    ours.eligibleMonthly,
    () =>
      definition(
        "FinBox's income is its own figure, not our eligible credits (own transfers, loans, reversals and refunds out)",
      ),
  );
  // Per-month predictors: `month_N` labels beside `income_N`, `total_emi_N`.
  const labels = account.predictors.months;
  for (const field of ['total_emi', 'income'] as const) {
    const series = account.predictors.series.find((s) => s.field === field);
    if (!series) continue;
    series.values.forEach((v, i) => {
      const month = toMonthKey(labels[i] ?? null);
      const fb = numberOf(v);
      if (!month || fb === null) return;
      const f = flows.get(month);
      const o = obligations.get(month);
      if (field === 'total_emi') {
        items.add(
          'EMI, month',
          `predictors.total_emi_${i}`,
          month,
          'money',
          fb,
          o?.emi.amount ?? 0,
          (x) => emiDifference(x, o, (j) => j),
        );
      } else {
        items.add(
          'Credits (FinBox: income), month',
          `predictors.income_${i}`,
          month,
          'money',
          fb,
          f?.credits.amount ?? null,
          () =>
            definition(
              `FinBox's income is its own figure; beside it, our total credits for ${formatMonth(month)}`,
            ),
        );
      }
    });
  }
  items.add('BankConnect score', 'score', null, 'count', account.score, null, () => definition(''));
  return { items: items.list, ...countsOf(items.list) };
}

export function countsOf(items: readonly ReconciliationItem[]): ReconciliationCounts {
  const byReason: Record<ReconciliationReason, number> = {
    definition: 0,
    finbox_data: 0,
    disagreement: 0,
  };
  let agree = 0;
  let differ = 0;
  for (const x of items) {
    if (x.agrees === null) continue;
    if (x.agrees) agree++;
    else {
      differ++;
      byReason[x.reason!]++;
    }
  }
  return { compared: agree + differ, agree, differ, byReason };
}

/** `12 of 14 of FinBox's figures agree; 2 differ (1 by definition, 1 disagreement)`. */
export function reconciliationLine(c: ReconciliationCounts): string {
  if (c.compared === 0) return "No figures of FinBox's to check ours against";
  const head = `${c.agree} of ${c.compared} of FinBox's figures agree`;
  if (c.differ === 0) return head;
  const parts = [
    c.byReason.definition ? `${c.byReason.definition} by definition` : null,
    c.byReason.finbox_data ? `${c.byReason.finbox_data} from data FinBox has` : null,
    c.byReason.disagreement ? plural(c.byReason.disagreement, 'disagreement') : null,
  ].filter(Boolean);
  return `${head}; ${c.differ} differ (${parts.join(', ')})`;
}

/** A compared value as the Insights tab and the memo show it: rupees, a count, a ratio. */
export function formatReconciled(kind: ReconciliationKind, value: number | null): string {
  if (value === null) return NONE;
  if (kind === 'money') return formatRupees(value);
  if (kind === 'count') return formatCount(value);
  return value.toFixed(4);
}
