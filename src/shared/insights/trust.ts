// The data-trust verdict: whether the figures can be relied on, with each reason and the
// transactions behind it. A bad reason (a failed or flagged statement, a balance-chain
// break) means "Do not rely on this data"; warnings mean "Use with caution".
import { fraudTypeLabel } from '../format/fraud-types';
import { plural } from '../format/value';
import { formatDate, formatDateRange } from '../model/calendar';
import { formatRupees } from '../model/money';
import type { AccountView } from '../model/view-model';
import { GAP_MIN_DAYS } from './rules';
import type { StatementSummary, TrustLevel, TrustReason, TrustVerdict } from './summary-types';
import type { AccountInsights } from './types';

const TRUST_LABEL: Record<TrustLevel, string> = {
  reliable: 'Data can be relied on',
  caution: 'Use with caution',
  unreliable: 'Do not rely on this data',
};

export function verdict(reasons: TrustReason[]): TrustVerdict {
  const level: TrustLevel = reasons.some((r) => r.severity === 'bad')
    ? 'unreliable'
    : reasons.length > 0
      ? 'caution'
      : 'reliable';
  return { level, label: TRUST_LABEL[level], reasons };
}

/**
 * FinBox's `negative_balance` fraud check fires on any balance below zero. On an overdraft
 * or credit account used within its limit that is the facility working, not a reason to
 * distrust the statement: such a statement is not flagged for it.
 */
export function negativeBalanceExpected(a: AccountInsights, limit: number | null): boolean {
  return limit !== null && limit > 0 && a.balances.period.overdrawnDays.length === 0;
}

export const NEGATIVE_BALANCE_FRAUD = 'negative_balance';

export function accountTrustReasons(
  account: AccountView,
  a: AccountInsights,
  statements: readonly StatementSummary[],
  limit: number | null,
): TrustReason[] {
  const txs = account.transactions;
  const failed = account.status?.tone === 'failed';
  const reasons: TrustReason[] = [];
  if (failed)
    reasons.push({
      severity: 'bad',
      text: `The account failed to process${account.status?.message ? `: ${account.status.message}` : ''}.`,
      trace: [],
    });
  for (const st of statements) {
    if (st.tone === 'failed')
      reasons.push({
        severity: 'bad',
        text: `Statement ${st.statementId.slice(0, 8)} failed${st.message ? `: ${st.message}` : ''}.`,
        trace: [],
      });
    if (st.flagged)
      reasons.push({
        severity: 'bad',
        text: `Statement ${st.statementId.slice(0, 8)} is flagged${st.fraud.length ? `: ${st.fraud.join(', ')}` : ''}.`,
        trace: txs.flatMap((t) =>
          t.statementId === st.statementId && t.fraudTypes.length ? [t.index] : [],
        ),
      });
  }
  const breaks = a.integrity.balanceBreaks;
  if (breaks.length > 0)
    reasons.push({
      severity: 'bad',
      text: `${plural(breaks.length, 'balance-chain break')}: a balance does not follow from the previous one.`,
      trace: breaks.map((x) => x.index),
    });
  // Below zero with no limit: an undisclosed facility, or the data is wrong.
  const negative = a.balances.period.negativeDays;
  if (negative.length > 0 && !(limit !== null && limit > 0)) {
    const lowest = a.balances.period.min;
    reasons.push({
      severity: 'warn',
      text: `Balance below zero on ${plural(negative.length, 'day')} (lowest ${formatRupees(lowest?.balance)}${lowest ? ` on ${formatDate(lowest.date)}` : ''}) with no overdraft limit: an undisclosed facility or a data problem.`,
      trace: [...new Set(negative.flatMap((d) => (d.index === null ? [] : [d.index])))],
    });
  }
  for (const g of account.details.missingData)
    reasons.push({
      severity: 'warn',
      text: `No statement coverage from ${formatDateRange(g.from, g.to)}.`,
      trace: [],
    });
  const undeclared = a.integrity.gaps.filter((g) => g.declared === null);
  if (undeclared.length > 0)
    reasons.push({
      severity: 'warn',
      text: `${plural(undeclared.length, 'stretch', 'stretches')} of more than ${GAP_MIN_DAYS} days without a transaction, not declared missing.`,
      trace: undeclared.flatMap((g) => [g.beforeIndex, g.afterIndex]),
    });
  const inside = a.integrity.missingRanges.flatMap((m) => m.transactionsInside);
  if (inside.length > 0)
    reasons.push({
      severity: 'warn',
      text: `${plural(inside.length, 'transaction')} dated inside a range declared missing.`,
      trace: inside,
    });
  if (a.integrity.duplicates.length > 0)
    reasons.push({
      severity: 'warn',
      text: `${plural(a.integrity.duplicates.length, 'possible duplicate')}.`,
      trace: a.integrity.duplicates.flatMap((d) => d.indices),
    });
  const accountFraud = account.fraudItems.filter(
    (x) =>
      x.scope === 'account' &&
      !(x.fraudType === NEGATIVE_BALANCE_FRAUD && negativeBalanceExpected(a, limit)),
  );
  if (accountFraud.length > 0)
    reasons.push({
      severity: 'warn',
      text: `Account-level fraud checks: ${[...new Set(accountFraud.map((x) => fraudTypeLabel(x.fraudType)))].join(', ')}.`,
      trace: accountFraud.flatMap((x) => (x.transactionIndex !== null ? [x.transactionIndex] : [])),
    });
  return reasons;
}
