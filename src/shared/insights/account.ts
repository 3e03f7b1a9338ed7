// All the insights of one account, from its prepared context.
import type { AccountView } from '../model/view-model';
import { computeBalances } from './balances';
import { computeBounces } from './bounces';
import { prepareAccount, type AccountContext } from './context';
import { finboxSelfTransfer } from './classify';
import { computeCounterparties } from './counterparties';
import { monthCoverage } from './coverage';
import { DEFAULT_POLICY, type CreditPolicy } from './policy';
import { computeEligibleCredits } from './eligible';
import { computeFlows } from './flows';
import { computeIntegrity } from './integrity';
import { computeObligations } from './obligations';
import { computeRecurring } from './recurring';
import { pairReturns } from './returns';
import { computeSalary } from './salary';
import type { AccountInsights } from './types';

export interface AccountResult {
  readonly insights: AccountInsights;
  /**
   * 1 for transactions that are not dealings with a business counterparty: credits not
   * eligible (own transfers, loans, reversals, refunds), debits that came back and the
   * returns themselves. Top payers and payees leave them out.
   */
  readonly notCounterparty: Uint8Array;
}

/** `ownTransferCredits`: this account's credits that are legs of own-account transfers. */
export function insightsFromContext(
  ctx: AccountContext,
  ownTransferCredits: readonly number[] = [],
  policy: CreditPolicy = DEFAULT_POLICY,
): AccountResult {
  const coverage = monthCoverage(ctx);
  const pairs = pairReturns(ctx);
  const recurring = computeRecurring(ctx, pairs.returnedBy);
  const flows = computeFlows(ctx);
  const bounces = computeBounces(ctx, pairs);
  const obligations = computeObligations(ctx, pairs);
  const eligible = computeEligibleCredits(
    ctx.account,
    { flows, bounces, obligations, months: ctx.months, coverage, policy },
    ownTransferCredits,
  );
  const notCounterparty = new Uint8Array(ctx.txs.length);
  for (const x of eligible.items) notCounterparty[x.index] = 1;
  // Debits FinBox marks `self_transfer` are the holder's own money moving, not a payee.
  for (let i = 0; i < ctx.txs.length; i++)
    if (!ctx.credit[i] && finboxSelfTransfer(ctx.txs[i]!)) notCounterparty[i] = 1;
  for (let i = 0; i < ctx.txs.length; i++)
    if (pairs.returnedBy[i]! >= 0 || pairs.original[i]! >= 0) notCounterparty[i] = 1;
  const insights: AccountInsights = {
    accountId: ctx.account.accountId,
    months: ctx.months,
    coverage,
    policy,
    flows,
    balances: computeBalances(ctx, coverage, policy),
    bounces,
    obligations,
    recurring,
    salary: computeSalary(ctx, recurring),
    counterparties: computeCounterparties(ctx, notCounterparty),
    integrity: computeIntegrity(ctx),
    eligible,
  };
  return { insights, notCounterparty };
}

export function computeAccountInsights(
  account: AccountView,
  policy: CreditPolicy = DEFAULT_POLICY,
): AccountInsights {
  return insightsFromContext(prepareAccount(account), [], policy).insights;
}
