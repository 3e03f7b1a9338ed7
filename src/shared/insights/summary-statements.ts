// The statements behind an account, as the summary lists them: source, period, status,
// and the fraud types naming each (a flagged statement marks the figures resting on it).
import { fraudTypeLabel } from '../format/fraud-types';
import type { AccountView } from '../model/view-model';
import type { StatementSummary } from './summary-types';

const SOURCES: Readonly<Record<string, string>> = {
  pdf: 'PDF',
  aa: 'Account Aggregator',
  account_aggregator: 'Account Aggregator',
  netbanking: 'Net banking',
  net_banking: 'Net banking',
};

function sourceName(source: string | null | undefined): string | null {
  if (!source) return null;
  return SOURCES[source.trim().toLowerCase()] ?? source;
}

/**
 * `ignoreFraud`: fraud types that do not flag a statement here (FinBox's negative_balance
 * on an overdraft account used within its limit).
 */
export function statementsOf(
  account: AccountView,
  ignoreFraud: ReadonlySet<string> = new Set(),
): StatementSummary[] {
  const ids = [
    ...new Set([
      ...(account.status?.statements.map((s) => s.statementId) ?? []),
      ...account.details.statements,
      ...account.statementStats.flatMap((s) => (s.statementId ? [s.statementId] : [])),
    ]),
  ];
  // The newer API's statement_stats says each statement's page count (and its source).
  const stats = new Map(account.statementStats.map((s) => [s.statementId, s]));
  const range = new Map<string, { from: string; to: string; n: number }>();
  for (const t of account.transactions) {
    if (t.statementId === null) continue;
    const r = range.get(t.statementId);
    if (!r) range.set(t.statementId, { from: t.date, to: t.date, n: 1 });
    else {
      if (t.date < r.from) r.from = t.date;
      if (t.date > r.to) r.to = t.date;
      r.n += 1;
    }
  }
  const flagged = new Set(account.fraudulentStatements);
  return ids.map((id) => {
    const s = account.status?.statements.find((x) => x.statementId === id) ?? null;
    const stat = stats.get(id);
    const r = range.get(id);
    const named = account.fraudItems.filter((f) => f.statementId === id);
    const counted = named.filter((f) => !ignoreFraud.has(f.fraudType));
    const fraud = [...new Set(counted.map((f) => fraudTypeLabel(f.fraudType)))];
    // FinBox's own list of flagged statements, unless only ignored checks name this one.
    const listed = flagged.has(id) && (named.length === 0 || counted.length > 0);
    return {
      statementId: id,
      source: sourceName(s?.source ?? stat?.source),
      // One period everywhere: the statement's own (as its status declares it, as More API
      // data shows it), else the span of its transactions.
      from: s?.dateRange?.from ?? r?.from ?? null,
      to: s?.dateRange?.to ?? r?.to ?? null,
      transactions: r?.n ?? 0,
      pages: stat?.pageCount ?? null,
      status: s?.status ?? null,
      tone: s?.tone ?? 'unknown',
      message: s?.message ?? null,
      fraud,
      flagged: listed || fraud.length > 0,
    };
  });
}
