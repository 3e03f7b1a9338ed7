// The blocks BankConnect derives from the transactions, computed the same way from the
// generated ledger: end-of-day balances, monthly analysis, top 5 credits and debits, and
// predictors. All arithmetic is in whole paise.
import {
  MONTH_ABBREVIATIONS,
  daysInMonth,
  epochDay,
  monthOf,
  monthRange,
  type CalendarDate,
  type MonthKey,
} from '@shared/model/calendar';
import { inGap } from './ledger';
import type { AccountPlan } from './plan';
import type { LedgerEntry } from './transaction-record';

/** `2023-10` -> `Oct-23` (EOD, top 5 and predictor labels). */
export function shortLabel(month: MonthKey): string {
  return `${MONTH_ABBREVIATIONS[Number(month.slice(5, 7)) - 1]}-${month.slice(2, 4)}`;
}

/** `2023-10` -> `Oct-2023` (monthly analysis labels). */
export function longLabel(month: MonthKey): string {
  return `${MONTH_ABBREVIATIONS[Number(month.slice(5, 7)) - 1]}-${month.slice(0, 4)}`;
}

const rupees = (paise: number): number => paise / 100;

/** What the derived blocks need of a month's transactions, counted as the month closes. */
export interface MonthTotals {
  readonly count: number;
  readonly creditPaise: number;
  readonly creditCount: number;
  readonly debitPaise: number;
  readonly debitCount: number;
  readonly cashDepositPaise: number;
  readonly cashWithdrawalPaise: number;
  readonly emiPaise: number;
  readonly salaryPaise: number;
  readonly chequeBounces: number;
  readonly autoDebitBounces: number;
  /** Top five narrations by amount each way (equal narrations collide in this shape). */
  readonly topDebit: Record<string, number>;
  readonly topCredit: Record<string, number>;
}

export interface MonthFigures {
  readonly month: MonthKey;
  /** Closing balance per day (index d-1), null outside the statement or in a gap. */
  readonly eod: (number | null)[];
  readonly openingPaise: number;
  readonly closingPaise: number;
  readonly totals: MonthTotals;
}

const isCredit = (e: LedgerEntry): boolean => e.type === 'credit';
const isDebit = (e: LedgerEntry): boolean => e.type === 'debit';

function sumWhere(entries: readonly LedgerEntry[], test: (e: LedgerEntry) => boolean): number {
  let paise = 0;
  for (const e of entries) if (test(e)) paise += e.amountPaise;
  return paise;
}

function countWhere(entries: readonly LedgerEntry[], test: (e: LedgerEntry) => boolean): number {
  let n = 0;
  for (const e of entries) if (test(e)) n++;
  return n;
}

function topFive(entries: readonly LedgerEntry[]): Record<string, number> {
  const sorted = [...entries].sort((a, b) => b.amountPaise - a.amountPaise);
  const top: Record<string, number> = {};
  let n = 0;
  for (const e of sorted) {
    if (n === 5) break;
    if (Object.hasOwn(top, e.narration)) continue;
    top[e.narration] = rupees(e.amountPaise);
    n++;
  }
  return top;
}

function monthTotals(entries: readonly LedgerEntry[]): MonthTotals {
  const described = (description: string) => (e: LedgerEntry) => e.description === description;
  return {
    count: entries.length,
    creditPaise: sumWhere(entries, isCredit),
    creditCount: countWhere(entries, isCredit),
    debitPaise: sumWhere(entries, isDebit),
    debitCount: countWhere(entries, isDebit),
    cashDepositPaise: sumWhere(entries, (e) => e.channel === 'cash_deposit'),
    cashWithdrawalPaise: sumWhere(entries, (e) => e.channel === 'cash_withdrawal'),
    emiPaise: sumWhere(entries, described('emi')),
    salaryPaise: sumWhere(entries, described('salary')),
    chequeBounces: countWhere(entries, described('chq_bounce_insuff_funds')),
    autoDebitBounces: countWhere(entries, described('auto_debit_payment_bounce')),
    topDebit: topFive(entries.filter(isDebit)),
    topCredit: topFive(entries.filter(isCredit)),
  };
}

/**
 * Walks the ledger (in date order) by month, carrying each day's closing balance forward;
 * a month's transactions are let go once its totals are counted.
 */
export function monthFigures(plan: AccountPlan, entries: Iterable<LedgerEntry>): MonthFigures[] {
  const months = monthRange(monthOf(plan.firstDate), monthOf(plan.lastDate));
  const first = epochDay(plan.firstDate);
  const last = epochDay(plan.lastDate);
  const opening = Math.round(plan.openingBalance * 100);
  const ledger = entries[Symbol.iterator]();
  let pending = ledger.next();
  let balance = opening;
  return months.map((month) => {
    const monthEntries: LedgerEntry[] = [];
    const openingPaise = balance;
    const eod: (number | null)[] = [];
    const days = daysInMonth(month);
    for (let d = 1; d <= days; d++) {
      const date = `${month}-${d < 10 ? `0${d}` : d}`;
      const day = epochDay(date);
      while (!pending.done && pending.value.date === date) {
        monthEntries.push(pending.value);
        balance = pending.value.balancePaise;
        pending = ledger.next();
      }
      eod.push(day < first || day > last || inGap(plan, day) ? null : balance);
    }
    return { month, eod, openingPaise, closingPaise: balance, totals: monthTotals(monthEntries) };
  });
}

function startDateLabel(month: MonthKey, eod: readonly (number | null)[]): string | null {
  const day = eod.findIndex((v) => v !== null) + 1;
  if (day === 0) return null;
  return `${day < 10 ? `0${day}` : day}-${shortLabel(month)}`;
}

export function eodBalances(figures: readonly MonthFigures[]): Record<string, unknown> {
  const block: Record<string, unknown> = {
    Months_order: figures.map((f) => shortLabel(f.month)),
    start_date: figures.map((f) => startDateLabel(f.month, f.eod)),
  };
  for (const f of figures)
    block[shortLabel(f.month)] = f.eod.map((v) => (v === null ? null : rupees(v)));
  return block;
}

function known(eod: readonly (number | null)[]): number[] {
  return eod.filter((v): v is number => v !== null);
}

/** Average of the balances on the 5th, 10th, 15th, 20th, 25th and last day (ABB). */
export function averageOfSixDates(eod: readonly (number | null)[]): number | null {
  const picks = [5, 10, 15, 20, 25, eod.length].map((d) => eod[d - 1] ?? null);
  const values = known(picks);
  if (values.length === 0) return null;
  return Math.round(values.reduce((a, b) => a + b, 0) / values.length);
}

export function monthlyAnalysis(
  figures: readonly MonthFigures[],
): Record<string, Record<string, number | null>> {
  const money =
    (compute: (f: MonthFigures) => number | null) =>
    (f: MonthFigures): number | null => {
      const paise = compute(f);
      return paise === null ? null : rupees(paise);
    };
  const average = (values: number[]): number | null =>
    values.length ? Math.round(values.reduce((a, b) => a + b, 0) / values.length) : null;
  const metrics: Record<string, (f: MonthFigures) => number | null> = {
    opening_balance: money((f) => f.openingPaise),
    closing_balance: money((f) => f.closingPaise),
    total_credit: money((f) => f.totals.creditPaise),
    cnt_credit: (f) => f.totals.creditCount,
    total_debit: money((f) => f.totals.debitPaise),
    cnt_debit: (f) => f.totals.debitCount,
    avg_bal: money((f) => average(known(f.eod))),
    min_bal: money((f) => (known(f.eod).length ? Math.min(...known(f.eod)) : null)),
    max_bal: money((f) => (known(f.eod).length ? Math.max(...known(f.eod)) : null)),
    cash_deposits: money((f) => f.totals.cashDepositPaise),
    cash_withdrawals: money((f) => f.totals.cashWithdrawalPaise),
    total_emi_ecs_loan: money((f) => f.totals.emiPaise),
    cnt_inward_cheque_bounce_insuff_funds: (f) => f.totals.chequeBounces,
    cnt_auto_debit_payment_bounce: (f) => f.totals.autoDebitBounces,
    total_salary: money((f) => f.totals.salaryPaise),
  };
  const out: Record<string, Record<string, number | null>> = {};
  for (const [name, compute] of Object.entries(metrics)) {
    const row: Record<string, number | null> = {};
    for (const f of figures) row[longLabel(f.month)] = compute(f);
    out[name] = row;
  }
  return out;
}

/** Top five by amount each way per month. */
export function topCreditsDebits(
  figures: readonly MonthFigures[],
): Record<string, Record<string, Record<string, number>>> {
  const debit: Record<string, Record<string, number>> = {};
  const credit: Record<string, Record<string, number>> = {};
  for (const f of figures) {
    if (f.totals.count === 0) continue;
    debit[shortLabel(f.month)] = f.totals.topDebit;
    credit[shortLabel(f.month)] = f.totals.topCredit;
  }
  return { top_5_debit: debit, top_5_credit: credit };
}

const PREDICTOR_MONTHS = 12;

export function predictors(
  plan: AccountPlan,
  figures: readonly MonthFigures[],
  fraud: boolean,
): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {
    accountnumber: plan.accountNumber,
    bank_name: plan.bank,
    ifsc_code: plan.ifsc,
    customer_name: plan.holder,
    account_type: plan.category,
    ccod_limit: plan.odLimit ?? 0,
    is_fraud: fraud,
  };
  const latestFirst = [...figures].reverse();
  const perMonth: Record<string, (f: MonthFigures) => number | string | null> = {
    month: (f) => shortLabel(f.month),
    expense: (f) => rupees(f.totals.debitPaise),
    income: (f) => rupees(f.totals.creditPaise),
    balance_on_5th: (f) => (f.eod[4] == null ? null : rupees(f.eod[4])),
    balance_on_15th: (f) => (f.eod[14] == null ? null : rupees(f.eod[14])),
    balance_on_25th: (f) => (f.eod[24] == null ? null : rupees(f.eod[24])),
    bal_avgof_6dates: (f) => {
      const v = averageOfSixDates(f.eod);
      return v === null ? null : rupees(v);
    },
    total_emi: (f) => rupees(f.totals.emiPaise),
    total_inward_chq_bounces_insuff_fund: (f) => f.totals.chequeBounces,
  };
  for (const [field, compute] of Object.entries(perMonth)) {
    for (let i = 0; i < PREDICTOR_MONTHS; i++) {
      const f = latestFirst[i];
      out[`${field}_${i}`] = f ? compute(f) : null;
    }
  }
  return out;
}

export function missingData(
  plan: AccountPlan,
): { from_date: CalendarDate; to_date: CalendarDate }[] {
  return plan.missingGap ? [{ from_date: plan.missingGap.from, to_date: plan.missingGap.to }] : [];
}
