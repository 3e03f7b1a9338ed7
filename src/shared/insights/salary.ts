// Salary: the API's `salary_transactions` when it sent any, else credits the statement
// marks as salary, else (individual accounts) the largest regular monthly credit. Then
// employer, monthly totals and how regular they are.
import { dayOf, monthOf, toMonthKey } from '../model/calendar';
import type { MonthKey } from '../model/calendar';
import { toPaise } from '../model/money';
import type { AccountContext } from './context';
import {
  SALARY_AMOUNT_TOLERANCE,
  SALARY_DAY_SPREAD,
  SALARY_DETECTED_MIN_AMOUNT,
  SALARY_REGULAR_MONTH_SHARE,
} from './rules';
import { medianPaise, meanPaise, TallyBuilder } from './tally';
import type { RecurringSeries, SalaryInsights } from './types';

interface SalaryCredit {
  readonly index: number;
  /** The month it was credited (its own date). */
  readonly month: MonthKey;
  /** FinBox's `salary_month`, when it names another month than the credit's date. */
  readonly finboxMonth: MonthKey | null;
  readonly employer: string | null;
}

/**
 * Words a narration puts where a name would be that name no employer: payment rails and
 * their prefixes (IMP for IMPS, NEFT, ...), cash, and salary words alone.
 */
const NOT_AN_EMPLOYER =
  /^(?:(?:IMPS?|NEFT|RTGS|UPI|NACH|ECS|ACH|MMT|TRF|TRANSFER|CLG|INB|MB|P2A|P2P|BY|CASH|SAL(?:ARY)?|CREDIT|CR|PAY|PAYROLL|STIPEND|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC|\d+)[\s./-]*)+$/i;

/** An employer's name as given, or null when it is a rail prefix, cash or no name at all. */
export function employerName(name: string | null | undefined): string | null {
  const trimmed = name?.trim() ?? '';
  return trimmed === '' || NOT_AN_EMPLOYER.test(trimmed) ? null : trimmed;
}

function fromApiList(ctx: AccountContext): { credits: SalaryCredit[]; untraced: number } {
  const credits: SalaryCredit[] = [];
  let untraced = 0;
  for (const s of ctx.account.salaryTransactions) {
    const t = ctx.txs[s.index];
    if (!t || t.hash !== s.hash) {
      untraced++;
      continue;
    }
    const employer = s.extra['employer_name'];
    const salaryMonth = s.extra['salary_month'];
    // Salary counts in the month it was credited; FinBox may name the month it is for.
    const month = monthOf(t.date);
    const finbox = typeof salaryMonth === 'string' ? toMonthKey(salaryMonth) : null;
    credits.push({
      index: s.index,
      month,
      finboxMonth: finbox !== null && finbox !== month ? finbox : null,
      employer:
        employerName(typeof employer === 'string' ? employer : null) ??
        employerName(ctx.party[s.index]?.name),
    });
  }
  return { credits, untraced };
}

function isIndividual(ctx: AccountContext): boolean {
  const category = ctx.account.details.category?.toLowerCase() ?? '';
  return /individual|saving|salary|personal/.test(category);
}

/** Smallest arc of the month (31 days round) holding every pay day. */
function circularSpread(days: number[]): number | null {
  if (days.length === 0) return null;
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  let largestGap = 31 - sorted[sorted.length - 1]! + sorted[0]!;
  for (let j = 1; j < sorted.length; j++)
    largestGap = Math.max(largestGap, sorted[j]! - sorted[j - 1]!);
  return 31 - largestGap;
}

export function computeSalary(
  ctx: AccountContext,
  recurring: readonly RecurringSeries[],
): SalaryInsights {
  let source: SalaryInsights['source'] = 'none';
  let credits: SalaryCredit[] = [];
  let untraced = 0;
  if (ctx.account.salaryTransactions.length > 0) {
    ({ credits, untraced } = fromApiList(ctx));
    source = 'salary_transactions';
  }
  if (credits.length === 0) {
    for (const i of ctx.byDate)
      if (ctx.salaryRule[i])
        credits.push({
          index: i,
          month: ctx.month[i]!,
          finboxMonth: null,
          employer: employerName(ctx.party[i]?.name),
        });
    if (credits.length > 0) source = 'marked';
  }
  if (credits.length === 0 && isIndividual(ctx)) {
    const probable = recurring.find(
      (r) =>
        r.type === 'credit' &&
        r.cadence === 'monthly' &&
        r.typicalAmount >= SALARY_DETECTED_MIN_AMOUNT,
    );
    if (probable) {
      source = 'recurring';
      credits = probable.total.indices.map((i) => ({
        index: i,
        month: ctx.month[i]!,
        finboxMonth: null,
        employer: employerName(probable.counterparty),
      }));
    }
  }
  credits.sort((a, b) => a.index - b.index);

  const total = new TallyBuilder();
  const byMonth = new Map<MonthKey, TallyBuilder>();
  const byEmployer = new Map<string, TallyBuilder>();
  const payDays: number[] = [];
  const firstOfMonth = new Set<MonthKey>();
  for (const c of [...credits].sort((a, b) => ctx.day[a.index]! - ctx.day[b.index]!)) {
    const t = ctx.txs[c.index]!;
    total.add(c.index, t.amount);
    let m = byMonth.get(c.month);
    if (!m) byMonth.set(c.month, (m = new TallyBuilder()));
    m.add(c.index, t.amount);
    const name = c.employer ?? 'Unknown';
    let e = byEmployer.get(name);
    if (!e) byEmployer.set(name, (e = new TallyBuilder()));
    e.add(c.index, t.amount);
    if (!firstOfMonth.has(c.month)) {
      firstOfMonth.add(c.month);
      payDays.push(dayOf(t.date));
    }
  }
  const months = [...byMonth.keys()].sort().map((month) => ({
    month,
    total: byMonth.get(month)!.build(),
  }));
  const covered = ctx.account.details.months.length > 0 ? ctx.account.details.months : ctx.months;
  const firstSalary = months[0]?.month;
  const span = firstSalary ? covered.filter((m) => m >= firstSalary) : [];
  const missingMonths = span.filter((m) => !byMonth.has(m));
  const monthPaise = months.map((m) => toPaise(m.total.amount));
  const medianMonthly = medianPaise([...monthPaise]);
  const medianP = medianMonthly === null ? 0 : toPaise(medianMonthly);
  const amountVariation =
    medianMonthly === null || medianP === 0
      ? null
      : Math.max(...monthPaise.map((p) => Math.abs(p - medianP))) / medianP;
  const daySpread = circularSpread(payDays);
  const regular =
    months.length >= 2 &&
    months.length >= span.length * SALARY_REGULAR_MONTH_SHARE &&
    (amountVariation ?? 1) <= SALARY_AMOUNT_TOLERANCE &&
    (daySpread ?? 31) <= SALARY_DAY_SPREAD;
  return {
    source,
    employers: [...byEmployer]
      .map(([name, tally]) => ({ name, total: tally.build() }))
      .sort((a, b) => b.total.amount - a.total.amount),
    months,
    total: total.build(),
    missingMonths,
    averageMonthly: meanPaise(monthPaise),
    medianMonthly,
    amountVariation,
    daySpread,
    regular,
    untraced,
    finboxMonths: credits.flatMap((c) =>
      c.finboxMonth === null
        ? []
        : [{ index: c.index, month: c.month, finboxMonth: c.finboxMonth }],
    ),
  };
}
