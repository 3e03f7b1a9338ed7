// What the reviewer's adjustments change, and nothing else: eligible credits without the
// credits excluded from them, and ABB without the effect of the transactions excluded
// from it. Every other figure stays as computed from the data.
//
// Eligible credits here are a stand-in until the Summary model (issue 15) exports its own
// computation: total credits less own-account transfers in, loan disbursals and returned
// items credited back, from the insights already computed. The signature (excluded keys,
// key function) is the one that computation takes, so swapping it in changes no caller.
import type { AccountInsights, SessionInsights } from '../insights/types';
import { meanPaise } from '../insights/tally';
import { ABB_THREE_DAYS } from '../insights/rules';
import { fromPaise, toPaise } from '../model/money';
import type { AccountView, SessionView, TransactionView } from '../model/view-model';

/** A transaction's key in a review: its hash (or, once issue 13 lands it, the derived id). */
export type KeyOf = (t: TransactionView) => string;
export const hashKey: KeyOf = (t) => t.hash;

export interface EligibleCreditsOptions {
  readonly excludedKeys?: ReadonlySet<string>;
  readonly keyOf?: KeyOf;
}

export interface AmountList {
  readonly amount: number;
  readonly count: number;
  /** Positions in the account's transactions. */
  readonly indices: readonly number[];
}

export interface AccountEligibleCredits {
  readonly accountId: string;
  /** Credits the rules count as eligible, before the reviewer's exclusions. */
  readonly unadjusted: AmountList;
  /** The eligible credits the reviewer took out. */
  readonly excluded: AmountList;
  /** Unadjusted minus excluded. */
  readonly adjusted: AmountList;
}

function listOf(account: AccountView, indices: readonly number[]): AmountList {
  let paise = 0;
  for (const i of indices) paise += toPaise(account.transactions[i]!.amount);
  return { amount: fromPaise(paise), count: indices.length, indices };
}

/** The credits the rules leave out of eligible credits, by position. */
function ruleExclusions(insights: AccountInsights, session: SessionInsights): Set<number> {
  const out = new Set<number>();
  for (const t of session.ownTransfers) {
    if (t.to.accountId === insights.accountId) out.add(t.to.index);
  }
  for (const item of insights.obligations.items) {
    if (item.kind === 'loan_disbursal') out.add(item.index);
  }
  for (const item of insights.bounces.items) {
    if (item.type === 'credit' && item.kind !== 'bounce_charge' && item.kind !== 'penalty_charge') {
      out.add(item.index);
    }
  }
  return out;
}

export function eligibleCredits(
  view: SessionView,
  insights: SessionInsights,
  options: EligibleCreditsOptions = {},
): AccountEligibleCredits[] {
  const keyOf = options.keyOf ?? hashKey;
  const excludedKeys = options.excludedKeys ?? new Set<string>();
  return view.accounts.map((account) => {
    const accountInsights = insights.accounts.find((a) => a.accountId === account.accountId);
    const byRule = accountInsights ? ruleExclusions(accountInsights, insights) : new Set<number>();
    const eligible: number[] = [];
    const excluded: number[] = [];
    for (const t of account.transactions) {
      if (t.type !== 'credit' || byRule.has(t.index)) continue;
      eligible.push(t.index);
      if (excludedKeys.has(keyOf(t))) excluded.push(t.index);
    }
    const excludedSet = new Set(excluded);
    return {
      accountId: account.accountId,
      unadjusted: listOf(account, eligible),
      excluded: listOf(account, excluded),
      adjusted: listOf(
        account,
        eligible.filter((i) => !excludedSet.has(i)),
      ),
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
  const keyOf = options.keyOf ?? hashKey;
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
      const shifted = (days: (number | 'last')[] | null) =>
        meanPaise(
          m.abbPoints
            .filter((p) => p.balance && (days === null || days.includes(p.day)))
            .map((p) => toPaise(p.balance!.balance) - effectBy(p.date)),
        );
      return {
        month: m.month,
        unadjusted: m.abb,
        adjusted: shifted(null),
        unadjustedThree: m.abbThree,
        adjustedThree: shifted([...ABB_THREE_DAYS]),
      };
    });
    const mean = (values: (number | null)[]) =>
      meanPaise(values.flatMap((v) => (v === null ? [] : [toPaise(v)])));
    let net = 0;
    for (const e of effects) net += e.paise;
    return {
      accountId: account.accountId,
      unadjusted: balances?.period.abb ?? null,
      adjusted: mean(months.map((m) => m.adjusted)),
      unadjustedThree: balances?.period.abbThree ?? null,
      adjustedThree: mean(months.map((m) => m.adjustedThree)),
      excluded: { amount: fromPaise(net), count: out.length, indices: out.map((t) => t.index) },
      months: months.map((m) => ({
        month: m.month,
        unadjusted: m.unadjusted,
        adjusted: m.adjusted,
      })),
    };
  });
}
