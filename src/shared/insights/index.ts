// Underwriting insights computed on the device from the session's view model: pure
// functions, no I/O. `computeSessionInsights` is the one entry point the app, the
// exporter and the benchmark call.
import type { SessionView } from '../model/view-model';
import { insightsFromContext } from './account';
import { prepareAccount } from './context';
import { InsightsMemo } from './memo';
import { sessionFigures } from './session';
import { findCircularFlows, findOwnTransfers } from './transfers';
import type { SessionInsights } from './types';

export function computeSessionInsights(session: SessionView): SessionInsights {
  const memo = new InsightsMemo();
  const contexts = session.accounts.map((a) => prepareAccount(a, memo));
  const ownTransfers = findOwnTransfers(contexts);
  const accounts = contexts.map(insightsFromContext);
  return {
    sessionId: session.sessionId,
    accounts,
    ownTransfers,
    circularFlows: findCircularFlows(contexts, ownTransfers),
    ...sessionFigures(contexts, accounts, ownTransfers),
  };
}

export { computeAccountInsights } from './account';
export { MONTH_COLUMNS, monthRows, periodFigures } from './figures';
export type { Figure, FigureColumn, FigureKind, MonthRow } from './figures';
export { counterpartyFromNarration, counterpartyOf } from './counterparty';
export * from './types';
export * as rules from './rules';
