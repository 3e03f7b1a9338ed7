// What the reviewer's adjustments change, and nothing else: eligible credits without the
// credits excluded from them (through the Summary model's own eligible-credits
// computation, src/shared/insights/eligible.ts), and ABB without the effect of the
// transactions excluded from it. Every other figure stays as computed from the data.
import { eligibleCredits as eligibleOf } from '../insights/eligible';
import { transactionKey } from '../model/transaction-id';
import type { SessionInsights, Tally } from '../insights/types';
import { exactMeanPaise, rupeesToThePaisa } from '../insights/tally';
import { meanOfMonthsPaise } from '../insights/coverage';
import { THREE_DAY_ABB } from '../insights/policy';
import { fromPaise, toPaise } from '../model/money';
import type { SessionView, TransactionView } from '../model/view-model';

/** A transaction's key in a review: its hash, or the derived id when the API sent none. */
export type KeyOf = (t: TransactionView) => string;
export const reviewKey: KeyOf = transactionKey;

export interface EligibleCreditsOptions {
  readonly excludedKeys?: ReadonlySet<string>;
  readonly keyOf?: KeyOf;
}

export type AmountList = Tally;

export interface AccountEligibleCredits {
  readonly accountId: string;
  /** Credits the rules count as eligible, before the reviewer's exclusions. */
  readonly unadjusted: AmountList;
  /** The eligible credits the reviewer took out. */
  readonly excluded: AmountList;
  /** Unadjusted minus excluded. */
  readonly adjusted: AmountList;
  /** The average month, before and after (over the same months). */
  readonly unadjustedMonthly: number | null;
  readonly adjustedMonthly: number | null;
}

function listOf(
  account: { transactions: readonly TransactionView[] },
  indices: readonly number[],
): AmountList {
  let paise = 0;
  for (const i of indices) paise += toPaise(account.transactions[i]!.amount);
  return { amount: fromPaise(paise), count: indices.length, indices };
}

export function eligibleCredits(
  view: SessionView,
  insights: SessionInsights,
  options: EligibleCreditsOptions = {},
): AccountEligibleCredits[] {
  const keyOf = options.keyOf ?? reviewKey;
  const excluded = options.excludedKeys ?? new Set<string>();
  return view.accounts.map((account) => {
    const unadjusted = eligibleOf(insights, account);
    const adjusted = eligibleOf(insights, account, { excluded, keyOf });
    const byReviewer = adjusted.items.filter((i) => i.reason === 'reviewer').map((i) => i.index);
    return {
      accountId: account.accountId,
      unadjusted: unadjusted.eligible,
      excluded: listOf(account, byReviewer),
      adjusted: adjusted.eligible,
      unadjustedMonthly: unadjusted.averageMonthly,
      adjustedMonthly: adjusted.averageMonthly,
    };
  });
}

export interface AccountAdjustedAbb {
  readonly accountId: string;
  readonly unadjusted: number | null;
  readonly adjusted: number | null;
  readonly unadjustedThree: number | null;
  readonly adjustedThree: number | null;
  /** The transactions taken out (positions), and their net effect on balances (credits +). */
  readonly excluded: AmountList;
  readonly months: readonly {
    readonly month: string;
    readonly unadjusted: number | null;
    readonly adjusted: number | null;
  }[];
}

/**
 * ABB as if the excluded transactions had not happened: each ABB date's balance less the
 * excluded credits (plus the excluded debits) up to and including that date.
 */
export function adjustedAbb(
  view: SessionView,
  insights: SessionInsights,
  options: EligibleCreditsOptions = {},
): AccountAdjustedAbb[] {
  const keyOf = options.keyOf ?? reviewKey;
  const excludedKeys = options.excludedKeys ?? new Set<string>();
  return view.accounts.map((account) => {
    const balances = insights.accounts.find((a) => a.accountId === account.accountId)?.balances;
    const out = account.transactions.filter((t) => excludedKeys.has(keyOf(t)));
    // Signed paise by date, then a running effect as of any date.
    const effects = out
      .map((t) => ({
        date: t.date,
        paise: t.type === 'credit' ? toPaise(t.amount) : -toPaise(t.amount),
      }))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const effectBy = (date: string) => {
      let sum = 0;
      for (const e of effects) {
        if (e.date > date) break;
        sum += e.paise;
      }
      return sum;
    };
    const months = (balances?.months ?? []).map((m) => {
      // In paise, unrounded: the period ABB weighs the months' exact ABBs.
      const shifted = (days: (number | 'last')[] | null) =>
        exactMeanPaise(
          m.abbPoints
            .filter((p) => p.balance && (days === null || days.includes(p.day)))
            .map((p) => toPaise(p.balance!.balance) - effectBy(p.date)),
        );
      return {
        month: m.month,
        unadjusted: m.abb,
        adjustedPaise: shifted(null),
        adjustedThreePaise: shifted([...THREE_DAY_ABB]),
      };
    });
    const a = insights.accounts.find((x) => x.accountId === account.accountId);
    // The period ABB as the insights take it: the months weighed by the policy's rule.
    const mean = (values: (number | null)[]) =>
      a
        ? meanOfMonthsPaise(
            new Map(months.map((m, k) => [m.month, values[k] ?? null])),
            a.coverage,
            a.policy,
          )
        : null;
    let net = 0;
    for (const e of effects) net += e.paise;
    return {
      accountId: account.accountId,
      unadjusted: balances?.period.abb ?? null,
      adjusted: mean(months.map((m) => m.adjustedPaise)),
      unadjustedThree: balances?.period.abbThree ?? null,
      adjustedThree: mean(months.map((m) => m.adjustedThreePaise)),
      excluded: { amount: fromPaise(net), count: out.length, indices: out.map((t) => t.index) },
      months: months.map((m) => ({
        month: m.month,
        unadjusted: m.unadjusted,
        adjusted: rupeesToThePaisa(m.adjustedPaise),
      })),
    };
  });
}
