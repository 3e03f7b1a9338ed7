// Underwriting insights computed on the device from the session's view model: pure
// functions, no I/O. `computeSessionInsights` is the one entry point the app, the
// exporter and the benchmark call.
import type { SessionView } from '../model/view-model';
import { insightsFromContext } from './account';
import { prepareAccount } from './context';
import { InsightsMemo } from './memo';
import { DEFAULT_POLICY, type CreditPolicy } from './policy';
import { sessionFigures } from './session';
import { findCircularFlows, findOwnTransfers } from './transfers';
import type { SessionInsights } from './types';

export function computeSessionInsights(
  session: SessionView,
  policy: CreditPolicy = DEFAULT_POLICY,
): SessionInsights {
  const memo = new InsightsMemo();
  const contexts = session.accounts.map((a) => prepareAccount(a, memo));
  const ownTransfers = findOwnTransfers(contexts);
  const results = contexts.map((ctx) =>
    insightsFromContext(
      ctx,
      ownTransfers.filter((t) => t.to.accountId === ctx.account.accountId).map((t) => t.to.index),
      policy,
    ),
  );
  const accounts = results.map((r) => r.insights);
  return {
    sessionId: session.sessionId,
    accounts,
    ownTransfers,
    circularFlows: findCircularFlows(contexts, ownTransfers),
    ...sessionFigures(
      contexts,
      accounts,
      ownTransfers,
      results.map((r) => r.notCounterparty),
    ),
  };
}

export { computeAccountInsights } from './account';
export { computeEligibleCredits, eligibleCredits, EXCLUSION_REASONS } from './eligible';
export type { EligibleOptions } from './eligible';
export { MONTH_COLUMNS, monthColumns, monthRows, monthRowTotals, periodFigures } from './figures';
export type { Figure, FigureColumn, FigureKind, MonthRow } from './figures';
export { summarizeAccount, summarizeSession } from './summary';
export type * from './summary';
export { counterpartyFromNarration, counterpartyOf } from './counterparty';
export * from './types';
export * as rules from './rules';
export { DEFAULT_POLICY } from './policy';
export type { CreditPolicy } from './policy';
export { monthlyAverage, meanOfMonths } from './coverage';
export type { MonthCoverage, MonthlyAverage } from './coverage';
export { defineFigure, figureDefinitions, figureName, isFigureId } from './definitions';
export type { FigureDefinition, FigureId, PolicyField } from './definitions';
