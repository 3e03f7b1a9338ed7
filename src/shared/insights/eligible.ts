// Eligible credits: the credits a lender counts as the applicant's income, i.e. every
// credit less own-account and sister-concern transfers, loan disbursals, reversals and returns (a failed debit
// given back, a deposited cheque's credit taken back) and refunds; a reviewer may exclude
// more by transaction key. Each excluded credit is listed with its reason, so the figure
// is traceable both ways. This is the one computation the Summary, the Insights tab, the
// workbook and the review (H16's adjustments) share.
import { transactionKey } from '../model/transaction-id';
import type { AccountView, TransactionView } from '../model/view-model';
import { toPaise } from '../model/money';
import { finboxSelfTransfer, listedByFinBox } from './classify';
import { monthlyAverage } from './coverage';
import * as rules from './rules';
import { TallyBuilder } from './tally';
import type {
  AccountInsights,
  CreditExclusionReason,
  EligibleCredits,
  EligibleMonth,
  ExcludedCredit,
  SessionInsights,
} from './types';

const { REFUND_PATTERN, REFUND_VALUES } = rules;

/** In the order the exclusions are listed and applied (the first reason found wins). */
export const EXCLUSION_REASONS: readonly CreditExclusionReason[] = [
  'own_transfer',
  'loan_disbursal',
  'reversal',
  'refund',
  'cash_deposit',
  'reviewer',
];

export interface EligibleOptions {
  /** Keys of credits a reviewer excluded (see `keyOf`). */
  readonly excluded?: ReadonlySet<string>;
  readonly keyOf?: (t: TransactionView) => string;
}

/** What of an account's insights eligibility reads. */
export type EligibleInputs = Pick<
  AccountInsights,
  'flows' | 'obligations' | 'bounces' | 'months' | 'coverage' | 'policy'
>;

function isRefund(t: TransactionView): boolean {
  const channel = t.channel.toLowerCase();
  const description = t.description.toLowerCase();
  return (
    REFUND_VALUES.has(channel) || REFUND_VALUES.has(description) || REFUND_PATTERN.test(t.narration)
  );
}

export function computeEligibleCredits(
  account: AccountView,
  a: EligibleInputs,
  ownTransferCredits: Iterable<number>,
  options: EligibleOptions = {},
): EligibleCredits {
  const txs = account.transactions;
  const reason = new Int8Array(txs.length).fill(-1);
  const paired = new Map<number, number>();
  const mark = (i: number, r: CreditExclusionReason) => {
    if (txs[i]?.type === 'credit' && reason[i] === -1) reason[i] = EXCLUSION_REASONS.indexOf(r);
  };
  for (const i of ownTransferCredits) mark(i, 'own_transfer');
  // FinBox's own `self_transfer` mark: own money whether or not the other leg is here.
  for (const m of a.flows.months)
    for (const i of m.credits.indices) if (finboxSelfTransfer(txs[i]!)) mark(i, 'own_transfer');
  // FinBox's list of the applicant's own and sister concerns' transfers: not income.
  for (const i of listedByFinBox(account, 'self_and_sister_transactions')) mark(i, 'own_transfer');
  for (const o of a.obligations.items)
    if (o.kind === 'loan_disbursal') mark(o.index, 'loan_disbursal');
  for (const b of a.bounces.items) {
    if (b.kind !== 'auto_debit_return' && b.kind !== 'cheque_return') continue;
    // A return credit gives back a failed debit; a return debit takes back a credit.
    const credit = b.type === 'credit' ? b.index : b.original;
    if (credit === null) continue;
    mark(credit, 'reversal');
    const other = b.type === 'credit' ? b.original : b.index;
    if (other !== null) paired.set(credit, other);
  }
  const { excluded, keyOf = transactionKey } = options;
  // Cash deposits count as income unless the lender's policy says otherwise.
  const cash = a.policy.cashDepositsEligible
    ? null
    : new Set(a.flows.months.flatMap((m) => m.cashDeposits.indices));

  const credits = new TallyBuilder();
  const eligible = new TallyBuilder();
  const byReason = EXCLUSION_REASONS.map(() => new TallyBuilder());
  const items: ExcludedCredit[] = [];
  const months: EligibleMonth[] = [];
  // The months' credit lists are in date order already: no sort needed.
  for (const m of a.flows.months) {
    const mc = new TallyBuilder();
    const me = new TallyBuilder();
    const mx = new TallyBuilder();
    for (const i of m.credits.indices) {
      const t = txs[i]!;
      if (reason[i] === -1 && isRefund(t)) reason[i] = EXCLUSION_REASONS.indexOf('refund');
      if (reason[i] === -1 && cash?.has(i)) reason[i] = EXCLUSION_REASONS.indexOf('cash_deposit');
      if (reason[i] === -1 && excluded?.has(keyOf(t)))
        reason[i] = EXCLUSION_REASONS.indexOf('reviewer');
      credits.add(i, t.amount);
      mc.add(i, t.amount);
      const r = reason[i]!;
      if (r === -1) {
        eligible.add(i, t.amount);
        me.add(i, t.amount);
        continue;
      }
      mx.add(i, t.amount);
      byReason[r]!.add(i, t.amount);
      items.push({
        index: i,
        date: t.date,
        amount: t.amount,
        reason: EXCLUSION_REASONS[r]!,
        narration: t.narration,
        pairedWith: paired.get(i) ?? null,
      });
    }
    months.push({
      month: m.month,
      credits: mc.build(),
      eligible: me.build(),
      excluded: mx.build(),
    });
  }
  const total = eligible.build();
  const average = monthlyAverage(
    new Map(months.map((m) => [m.month, toPaise(m.eligible.amount)])),
    a.coverage,
    a.policy,
  );
  return {
    credits: credits.build(),
    eligible: total,
    exclusions: EXCLUSION_REASONS.map((r, k) => ({ reason: r, total: byReason[k]!.build() })),
    items,
    months,
    averageMonthly: average.value,
    average,
  };
}

/**
 * Eligible credits of one account of a computed session, with a reviewer's exclusions:
 * what the review recomputes after each adjustment (the automatic rules are the same).
 */
export function eligibleCredits(
  insights: SessionInsights,
  account: AccountView,
  options: EligibleOptions = {},
): EligibleCredits {
  const a = insights.accounts.find((x) => x.accountId === account.accountId);
  if (!a) throw new Error(`No insights for account ${account.accountId}`);
  if (!options.excluded || options.excluded.size === 0) return a.eligible;
  const legs = insights.ownTransfers
    .filter((t) => t.to.accountId === account.accountId)
    .map((t) => t.to.index);
  return computeEligibleCredits(account, a, legs, options);
}
