// Turns validated API responses into the shared view model. Pure and synchronous; the
// transactions are read once and nothing else is copied.
import type {
  AccountBlock,
  ApiTransaction,
  EodBalances,
  FraudItem,
  Predictors,
  SessionStatusResponse,
  SubscribedDataResponse,
  TopCreditsDebits,
} from '../api/schemas';
import { dayMonthYearToDate, toCalendarDate, toMonthKey } from './calendar';
import type { MonthKey } from './calendar';
import { normalizeSessionStatus } from './normalize-status';
import type {
  AccountDetailsView,
  AccountStatusView,
  AccountTotals,
  AccountView,
  EodMonthView,
  FraudItemView,
  MissingRange,
  MonthlyAnalysisView,
  PredictorsView,
  SessionView,
  TopEntryView,
  TransactionView,
} from './view-model';

/** Fields lifted into named properties of TransactionView; the rest go to `extra`. */
const CORE_TRANSACTION_FIELDS = new Set([
  'transaction_type',
  'transaction_note',
  'chq_num',
  'amount',
  'balance',
  'date',
  'transaction_channel',
  'hash',
  'description',
  'category',
  'statement_id',
  'account_id',
]);

function text(value: unknown): string {
  return typeof value === 'string' ? value : value == null ? '' : String(value);
}

function nullableText(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function parseLimit(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const n = Number(value.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

export function normalizeTransaction(
  t: ApiTransaction,
  index: number,
  accountId: string,
  fraudTypesByHash: ReadonlyMap<string, readonly string[]>,
): TransactionView {
  const extra: Record<string, unknown> = {};
  for (const key in t) {
    if (CORE_TRANSACTION_FIELDS.has(key)) continue;
    const value = (t as Record<string, unknown>)[key];
    if (value !== null && value !== undefined && value !== '') extra[key] = value;
  }
  return {
    index,
    accountId: t.account_id || accountId,
    // The schema guarantees the shape; an impossible day (2023-02-30) keeps its text.
    date: toCalendarDate(t.date) ?? t.date.slice(0, 10),
    type: t.transaction_type,
    amount: t.amount,
    balance: t.balance,
    narration: text(t.transaction_note),
    ref: text(t.chq_num),
    channel: text(t.transaction_channel),
    category: text(t.category),
    description: text(t.description),
    hash: t.hash,
    statementId: nullableText(t.statement_id),
    fraudTypes: fraudTypesByHash.get(t.hash) ?? [],
    extra,
  };
}

function normalizeMissing(ranges: AccountBlock['account_details'][number]['missing_data']) {
  const out: MissingRange[] = [];
  for (const r of ranges ?? []) {
    const from = toCalendarDate(r.from_date);
    const to = toCalendarDate(r.to_date);
    if (from && to) out.push({ from, to });
  }
  return out;
}

function normalizeDetails(block: AccountBlock, accountId: string): AccountDetailsView {
  const first = block.account_details[0];
  const months = (first?.months ?? [])
    .map((m) => toMonthKey(m))
    .filter((m): m is MonthKey => m !== null)
    .sort();
  const holder = block.predictors?.['customer_name'];
  return {
    accountId: first?.account_id ?? accountId,
    accountNumber: nullableText(first?.account_number),
    bank: nullableText(first?.bank),
    category: nullableText(first?.account_category),
    ifsc: nullableText(first?.ifsc),
    micr: nullableText(first?.micr),
    openingDate: toCalendarDate(first?.account_opening_date ?? null),
    creditLimit: parseLimit(first?.credit_limit),
    odLimit: parseLimit(first?.od_limit),
    currency: nullableText(first?.currency_code),
    countryCode: nullableText(first?.country_code),
    salaryConfidence: first?.salary_confidence ?? null,
    statements: first?.statements ?? [],
    months: [...new Set(months)],
    missingData: block.account_details.flatMap((d) => normalizeMissing(d.missing_data)),
    holderName: typeof holder === 'string' && holder.trim() !== '' ? holder.trim() : null,
    raw: block.account_details,
  };
}

function normalizeMonthly(monthly: AccountBlock['monthly_analysis']): MonthlyAnalysisView {
  const metrics = Object.keys(monthly ?? {});
  const monthSet = new Set<MonthKey>();
  const values: Record<string, Record<MonthKey, number | string | null>> = {};
  for (const metric of metrics) {
    const row: Record<MonthKey, number | string | null> = {};
    for (const [label, value] of Object.entries(monthly?.[metric] ?? {})) {
      const month = toMonthKey(label);
      if (!month) continue;
      monthSet.add(month);
      row[month] = value;
    }
    values[metric] = row;
  }
  return { months: [...monthSet].sort(), metrics, values };
}

function normalizeEod(eod: EodBalances | null | undefined): EodMonthView[] {
  if (!eod) return [];
  const out: EodMonthView[] = [];
  eod.Months_order.forEach((label, i) => {
    const month = toMonthKey(label);
    if (!month) return;
    const series = (eod as Record<string, unknown>)[label];
    out.push({
      month,
      label,
      startDate: dayMonthYearToDate(eod.start_date?.[i]),
      balances: Array.isArray(series) ? (series as (number | null)[]) : [],
    });
  });
  return out.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
}

function normalizeTop(top: TopCreditsDebits | null | undefined): TopEntryView[] {
  const out: TopEntryView[] = [];
  const add = (byMonth: TopCreditsDebits['top_5_debit'], type: 'debit' | 'credit') => {
    for (const [label, entries] of Object.entries(byMonth ?? {})) {
      const month = toMonthKey(label);
      if (!month) continue;
      const ranked = Object.entries(entries).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0));
      ranked.forEach(([narration, amount], i) =>
        out.push({ month, type, rank: i + 1, narration, amount }),
      );
    }
  };
  add(top?.top_5_credit, 'credit');
  add(top?.top_5_debit, 'debit');
  return out.sort((a, b) =>
    a.month !== b.month
      ? a.month < b.month
        ? -1
        : 1
      : a.type !== b.type
        ? a.type === 'credit'
          ? -1
          : 1
        : a.rank - b.rank,
  );
}

const PER_MONTH_KEY = /^(.*)_(\d{1,2})$/;

export function normalizePredictors(predictors: Predictors | null | undefined): PredictorsView {
  const scalars: { key: string; value: unknown }[] = [];
  const monthLabels: (string | null)[] = [];
  const seriesByField = new Map<string, unknown[]>();
  for (const [key, value] of Object.entries(predictors ?? {})) {
    const match = PER_MONTH_KEY.exec(key);
    if (!match) {
      scalars.push({ key, value });
      continue;
    }
    const [, field, n] = match as unknown as [string, string, string];
    const i = Number(n);
    if (field === 'month') {
      monthLabels[i] = typeof value === 'string' ? value : null;
      continue;
    }
    let values = seriesByField.get(field);
    if (!values) seriesByField.set(field, (values = []));
    values[i] = value;
  }
  const width = Math.max(
    monthLabels.length,
    ...[...seriesByField.values()].map((v) => v.length),
    0,
  );
  const months = Array.from({ length: width }, (_, i) => monthLabels[i] ?? null);
  const series = [...seriesByField].map(([field, values]) => ({
    field,
    values: Array.from({ length: width }, (_, i) => values[i] ?? null),
  }));
  return { scalars, months, series };
}

function normalizeFraud(
  items: readonly FraudItem[],
  hashIndex: ReadonlyMap<string, number>,
): FraudItemView[] {
  return items.map((item) => {
    const extra: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(item)) {
      if (
        ![
          'statement_id',
          'fraud_type',
          'account_id',
          'transaction_hash',
          'fraud_category',
        ].includes(k)
      )
        extra[k] = v;
    }
    const hash = nullableText(item.transaction_hash);
    const index = hash ? hashIndex.get(hash) : undefined;
    const statementId = nullableText(item.statement_id);
    return {
      fraudType: item.fraud_type,
      category: nullableText(item.fraud_category),
      statementId,
      accountId: nullableText(item.account_id),
      scope: statementId ? 'statement' : 'account',
      transactionHash: hash,
      transactionIndex: index ?? null,
      unresolved: hash !== null && index === undefined,
      extra,
    };
  });
}

/** Debit and credit sums (exact, in paise) and counts of a list of transactions. */
export function transactionTotals(transactions: readonly TransactionView[]): AccountTotals {
  let credits = 0;
  let debits = 0;
  let creditCount = 0;
  let debitCount = 0;
  for (const t of transactions) {
    const paise = Math.round(t.amount * 100);
    if (t.type === 'credit') {
      credits += paise;
      creditCount++;
    } else {
      debits += paise;
      debitCount++;
    }
  }
  return { credits: credits / 100, debits: debits / 100, creditCount, debitCount };
}

export function normalizeAccount(
  accountId: string,
  block: AccountBlock,
  status: AccountStatusView | null,
): AccountView {
  const fraudItems = block.fraud?.fraud_type ?? [];
  const fraudTypesByHash = new Map<string, string[]>();
  for (const item of fraudItems) {
    const hash = item.transaction_hash;
    if (!hash) continue;
    const list = fraudTypesByHash.get(hash) ?? [];
    if (!list.includes(item.fraud_type)) list.push(item.fraud_type);
    fraudTypesByHash.set(hash, list);
  }
  const transactions = (block.transactions ?? []).map((t, i) =>
    normalizeTransaction(t, i, accountId, fraudTypesByHash),
  );
  const hashIndex = new Map<string, number>();
  transactions.forEach((t) => {
    if (!hashIndex.has(t.hash)) hashIndex.set(t.hash, t.index);
  });
  const salaryTransactions = (block.salary_transactions ?? []).map((t, i) =>
    normalizeTransaction(t, hashIndex.get(t.hash) ?? i, accountId, fraudTypesByHash),
  );
  return {
    accountId,
    details: normalizeDetails(block, accountId),
    transactions,
    salaryTransactions,
    monthly: normalizeMonthly(block.monthly_analysis),
    eod: normalizeEod(block.eod_balances),
    topCreditsDebits: normalizeTop(block.top_credits_debits),
    fraudulentStatements: block.fraud?.fraudulent_statements ?? [],
    fraudItems: normalizeFraud(fraudItems, hashIndex),
    predictors: normalizePredictors(block.predictors),
    totals: transactionTotals(transactions),
    status,
  };
}

export function normalizeSession(
  data: SubscribedDataResponse,
  statusResponse: SessionStatusResponse | null = null,
): SessionView {
  const status = statusResponse ? normalizeSessionStatus(statusResponse) : null;
  const statusById = new Map(status?.accounts.map((a) => [a.accountId, a]) ?? []);
  return {
    sessionId: data.session_id,
    accounts: Object.entries(data.accounts).map(([id, block]) =>
      normalizeAccount(id, block, statusById.get(id) ?? null),
    ),
    status,
  };
}

/** A view of only the session_status response, for sessions whose data failed. */
export { normalizeSessionStatus };
