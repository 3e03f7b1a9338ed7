// The same session in the Insights endpoint's shape (FinBox's successor to subscribed_data):
// accounts as a list of {account_id, data}, account_details as one object, fraud as a list
// without account ids, top credits/debits as lists of transactions by month, the channel
// and description inside `metadata`, limits as numbers, and the newer blocks the Insights
// page documents (recurring transactions, statement stats, expense categories, score, the
// links to FinBox's own report). Built from the subscribed_data response, so both
// endpoints serve the same facts.
import type { ApiTransaction, SubscribedDataResponse } from '@shared/api/schemas';
import { MONTH_ABBREVIATIONS, monthOf, toMonthKey } from '@shared/model/calendar';
import { isRecord, type Json } from '@shared/model/read-values';

export interface InsightsOptions {
  /** FinBox's own report for an account (a presigned link), or null for none. */
  readonly reportUrl?: (accountId: string, kind: 'xlsx' | 'xml') => string | null;
}

function numberOrNull(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** `2023-10-23 00:00:00` -> `23-Oct-23`, as the Insights top lists write dates. */
function dayMonYY(date: string): string {
  const m = Number(date.slice(5, 7));
  return `${date.slice(8, 10)}-${MONTH_ABBREVIATIONS[m - 1]}-${date.slice(2, 4)}`;
}

/** A transaction as Insights sends it: channel, description, merchant inside `metadata`. */
export function insightsTransaction(t: ApiTransaction): Json {
  const {
    transaction_channel: channel,
    description,
    merchant_category: merchant,
    ...rest
  } = t as ApiTransaction & Json;
  return {
    ...rest,
    metadata: {
      transaction_channel: channel ?? null,
      description: description ?? null,
      unclean_merchant: merchant ?? null,
    },
  };
}

function topLists(block: Json, transactions: readonly ApiTransaction[]): Json[] {
  const top = (block['top_credits_debits'] ?? {}) as Record<
    string,
    Record<string, Record<string, number>>
  >;
  return ['top_5_debit', 'top_5_credit'].map((type) => {
    const byMonth = top[type] ?? {};
    const kind = type === 'top_5_debit' ? 'debit' : 'credit';
    return {
      type,
      data: Object.entries(byMonth).map(([label, entries]) => {
        const month = toMonthKey(label);
        const data = Object.entries(entries).map(([narration, amount]) => {
          const found = transactions.find(
            (t) =>
              t.transaction_type === kind &&
              t.transaction_note === narration &&
              t.amount === amount &&
              monthOf(t.date.slice(0, 10)) === month,
          );
          return found
            ? { ...insightsTransaction(found), date: dayMonYY(found.date) }
            : { transaction_type: kind, transaction_note: narration, amount };
        });
        return { month: label, data };
      }),
    };
  });
}

/** Counterparty words of a narration: what stays the same from one month to the next. */
function counterpartyOf(narration: string): string {
  return narration
    .replace(/\d{4,}/g, ' ')
    .replace(/[^A-Za-z ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .split(' ')
    .slice(0, 4)
    .join(' ');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[mid]!
    : Math.round(((sorted[mid - 1]! + sorted[mid]!) / 2) * 100) / 100;
}

/** Sets of transactions with one counterparty in at least three different months. */
function recurring(transactions: readonly ApiTransaction[]): Json {
  const sets = (kind: 'debit' | 'credit'): Json[] => {
    const groups = new Map<string, ApiTransaction[]>();
    for (const t of transactions) {
      if (t.transaction_type !== kind) continue;
      const key = `${t.transaction_channel ?? ''}|${counterpartyOf(t.transaction_note ?? '')}`;
      const list = groups.get(key) ?? [];
      list.push(t);
      groups.set(key, list);
    }
    const out: Json[] = [];
    for (const [key, list] of groups) {
      const months = new Set(list.map((t) => t.date.slice(0, 7)));
      if (months.size < 3 || list.length > months.size * 2) continue;
      const [channel, counterparty] = key.split('|') as [string, string];
      out.push({
        transaction_channel: channel.toUpperCase(),
        clean_transaction_note: counterparty,
        median: median(list.map((t) => t.amount)),
        start_date: list[0]!.date,
        end_date: list.at(-1)!.date,
        transactions: list.map(insightsTransaction),
      });
    }
    return out.slice(0, 12);
  };
  return { debit_transactions: sets('debit'), credit_transactions: sets('credit') };
}

/** Whole percentages of debits by category, summing to 100 (largest remainders). */
function expenseCategories(transactions: readonly ApiTransaction[]): Json {
  const byCategory = new Map<string, number>();
  let total = 0;
  for (const t of transactions) {
    if (t.transaction_type !== 'debit' || typeof t.amount !== 'number') continue;
    const category = t.category || 'Others';
    byCategory.set(category, (byCategory.get(category) ?? 0) + t.amount);
    total += t.amount;
  }
  if (total <= 0) return {};
  const shares = [...byCategory].map(([category, amount]) => {
    const exact = (amount / total) * 100;
    return { category, floor: Math.floor(exact), rest: exact - Math.floor(exact) };
  });
  let left = 100 - shares.reduce((n, s) => n + s.floor, 0);
  for (const s of [...shares].sort((a, b) => b.rest - a.rest)) {
    if (left <= 0) break;
    s.floor++;
    left--;
  }
  return Object.fromEntries(shares.filter((s) => s.floor > 0).map((s) => [s.category, s.floor]));
}

function statementStats(
  statements: readonly string[],
  transactions: readonly ApiTransaction[],
): Json {
  const out: Json = {};
  statements.forEach((id, i) => {
    const count =
      transactions.filter((t) => t.statement_id === id).length ||
      Math.round(transactions.length / Math.max(statements.length, 1));
    out[id] = {
      source: i % 2 === 0 ? 'PDF' : 'AA',
      page_count: i % 2 === 0 ? Math.max(1, Math.ceil(count / 28)) : null,
      transaction_count: count,
      is_scanned_pdf: false,
    };
  });
  return out;
}

/** A score from the session's own figures: 300-900, higher with fewer bounces and frauds. */
function score(block: Json, transactions: readonly ApiTransaction[]): number {
  const fraud = (block['fraud'] as { fraud_type?: unknown[] } | undefined)?.fraud_type?.length ?? 0;
  const bounces = transactions.filter((t) =>
    /bounce|RTN|RETURN/i.test(`${t.transaction_channel} ${t.transaction_note}`),
  ).length;
  return Math.max(
    300,
    Math.min(900, 780 - fraud * 40 - bounces * 15 + Math.min(transactions.length, 100)),
  );
}

export function insightsResponse(
  subscribed: SubscribedDataResponse,
  options: InsightsOptions = {},
): Json {
  const accounts = Object.entries(subscribed.accounts).map(([accountId, block]) => {
    // The sandbox's unreadable demo sessions carry entries that are not objects: they are
    // served as they are, in the other shape too.
    if (!isRecord(block)) return { account_id: accountId, data: block };
    const sent = (block.transactions ?? []) as unknown[];
    const transactions = sent.filter(isRecord) as ApiTransaction[];
    const details = block.account_details[0] ?? { account_id: accountId };
    const holder = block.predictors?.['customer_name'];
    const fraud = block.fraud?.fraud_type ?? [];
    const data: Json = {
      account_details: {
        ...details,
        name: typeof holder === 'string' ? holder : null,
        credit_limit: numberOrNull(details.credit_limit),
        od_limit: numberOrNull(details.od_limit),
        account_status: 'active',
        holder_type: '',
      },
      fraud: fraud.map(({ account_id: _a, previous_date: _p, current_date: _c, ...item }) => item),
      transactions: sent.map((t) => (isRecord(t) ? insightsTransaction(t as ApiTransaction) : t)),
      salary_transactions: (block.salary_transactions ?? []).map(insightsTransaction),
      top_credits_debits: topLists(block, transactions),
      monthly_analysis: block.monthly_analysis,
      predictors: block.predictors,
      eod_balances: block.eod_balances,
      recurring_transactions: recurring(transactions),
      statement_stats: statementStats(details.statements ?? [], transactions),
      expense_categories: expenseCategories(transactions),
      score: score(block, transactions),
      xlsx_report_url: options.reportUrl?.(accountId, 'xlsx') ?? null,
      xml_report_url: options.reportUrl?.(accountId, 'xml') ?? null,
    };
    return { account_id: accountId, data };
  });
  return { session_id: subscribed.session_id, accounts };
}
