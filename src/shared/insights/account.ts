// All the insights of one account, from its prepared context.
import type { AccountView } from '../model/view-model';
import { computeBalances } from './balances';
import { computeBounces } from './bounces';
import { prepareAccount, type AccountContext } from './context';
import { computeCounterparties } from './counterparties';
import { computeFlows } from './flows';
import { computeIntegrity } from './integrity';
import { computeObligations } from './obligations';
import { computeRecurring } from './recurring';
import { computeSalary } from './salary';
import type { AccountInsights } from './types';

export function insightsFromContext(ctx: AccountContext): AccountInsights {
  const recurring = computeRecurring(ctx);
  return {
    accountId: ctx.account.accountId,
    months: ctx.months,
    flows: computeFlows(ctx),
    balances: computeBalances(ctx),
    bounces: computeBounces(ctx),
    obligations: computeObligations(ctx),
    recurring,
    salary: computeSalary(ctx, recurring),
    counterparties: computeCounterparties(ctx),
    integrity: computeIntegrity(ctx),
  };
}

export function computeAccountInsights(account: AccountView): AccountInsights {
  return insightsFromContext(prepareAccount(account));
}
