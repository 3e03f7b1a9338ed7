// Turns the API responses into the shared view model. Either data endpoint's shape is
// read (subscribed_data: accounts keyed by id; insights: a list of {account_id, data}), in
// every variant real responses carry. What cannot be read with one meaning is set aside
// (SessionView.unreadable), never guessed; what no screen has a place for is kept under
// "other". Only a response with no readable account at all is refused (SCHEMA_MISMATCH).
// Pure and synchronous; the transactions are read once.
import type { DataEndpoint } from '../api/endpoints';
import { jsonPath } from '../api/json-path';
import { SchemaMismatchError } from '../api/schema-mismatch';
import type { SessionStatusResponse } from '../api/schemas';
import { withDuplicateKeys } from '../json/duplicate-items';
import type { DuplicateKey } from '../json/read-json';
import { setOwnField } from '../json/own-field';
import { readApiDate } from './calendar';
import { normalizeSessionStatus } from './normalize-status';
import type { BlockContext, Path } from './blocks/context';
import { keepOther } from './blocks/context';
import {
  detailsEntries,
  readLimit,
  readMissing,
  readMonths,
  readStringList,
} from './blocks/details';
import { readEod } from './blocks/eod';
import { readFraud } from './blocks/fraud';
import { readMonthly } from './blocks/monthly';
import { readExpenseCategories, readScore, readStatementStats, readUrl } from './blocks/newer';
import { readPredictors } from './blocks/predictors';
import { readTop } from './blocks/top';
import { readTransactionList, type TransactionContext } from './read-transactions';
import { isRecord, nullableText, readNumber, text, type Json } from './read-values';
import { DerivedIds } from './transaction-id';
import { SetAside } from './unreadable';
import type {
  AccountDetailsView,
  AccountStatusView,
  AccountView,
  FraudItemView,
  OtherDataItem,
  RecurringSetView,
  RecurringView,
  SessionView,
  TransactionSetView,
  TransactionView,
} from './view-model';
import { transactionTotals } from '../transactions/totals';

/** One account as found in the response, before reading. */
export interface AccountEntry {
  readonly accountId: string;
  readonly block: Json;
  readonly path: Path;
}

export interface DataShape {
  readonly shape: DataEndpoint;
  readonly accounts: readonly AccountEntry[];
}

function detailsAccountId(block: Json): string | null {
  const details = detailsEntries(block['account_details'], [], null);
  return nullableText(details[0]?.['account_id']);
}

/**
 * The accounts of a data response of either shape, with their JSON paths. Throws
 * SchemaMismatchError when the response is not an object with accounts, or when it lists
 * accounts and none can be read; entries that cannot be read are set aside.
 */
export function accountEntries(
  data: unknown,
  setAside: SetAside | null,
  what = 'The data response',
): DataShape {
  if (!isRecord(data)) throw new SchemaMismatchError(what, '$', 'an object');
  const accounts = data['accounts'];
  const out: AccountEntry[] = [];
  let shape: DataEndpoint;
  if (Array.isArray(accounts)) {
    shape = 'insights';
    accounts.forEach((item, i) => {
      if (!isRecord(item)) {
        setAside?.add(jsonPath(['accounts', i]), item, 'expected an account');
        return;
      }
      // {account_id, data: {...blocks}}; an item carrying the blocks itself is read too.
      const nested = isRecord(item['data']);
      const block = nested ? (item['data'] as Json) : item;
      const id = nullableText(item['account_id']) ?? detailsAccountId(block);
      if (!id) {
        setAside?.add(jsonPath(['accounts', i]), item, 'expected an account with an account_id');
        return;
      }
      out.push({ accountId: id, block, path: nested ? ['accounts', i, 'data'] : ['accounts', i] });
    });
  } else if (isRecord(accounts)) {
    shape = 'subscribed_data';
    for (const [id, block] of Object.entries(accounts)) {
      if (!isRecord(block)) {
        setAside?.add(jsonPath(['accounts', id]), block, 'expected an account block');
        continue;
      }
      out.push({ accountId: id, block, path: ['accounts', id] });
    }
  } else {
    throw new SchemaMismatchError(what, '$.accounts', 'a list or an object of accounts');
  }
  const listed = Array.isArray(accounts) ? accounts.length : Object.keys(accounts).length;
  if (listed > 0 && out.length === 0) {
    const first = Array.isArray(accounts)
      ? '$.accounts[0]'
      : jsonPath(['accounts', Object.keys(accounts)[0]!]);
    throw new SchemaMismatchError(what, first, 'at least one readable account');
  }
  return { shape, accounts: out };
}

const FRAUD_FIELDS = new Set([
  'statement_id',
  'fraud_type',
  'account_id',
  'transaction_hash',
  'fraud_category',
]);

function fraudViews(
  items: readonly Json[],
  hashIndex: ReadonlyMap<string, number>,
): FraudItemView[] {
  return items.map((item) => {
    const extra: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(item)) if (!FRAUD_FIELDS.has(k)) setOwnField(extra, k, v);
    const hash = nullableText(item['transaction_hash']);
    const index = hash ? hashIndex.get(hash) : undefined;
    const statementId = nullableText(item['statement_id']);
    return {
      fraudType: item['fraud_type'] as string,
      category: nullableText(item['fraud_category']),
      statementId,
      accountId: nullableText(item['account_id']),
      scope: statementId ? 'statement' : 'account',
      transactionHash: hash,
      transactionIndex: index ?? null,
      unresolved: hash !== null && index === undefined,
      extra,
    };
  });
}

/** The `account_details` fields the view takes as text, each under its view name. */
const DETAIL_TEXT_FIELDS = {
  accountNumber: 'account_number',
  bank: 'bank',
  category: 'account_category',
  ifsc: 'ifsc',
  micr: 'micr',
  currency: 'currency_code',
  countryCode: 'country_code',
  address: 'address',
  pan: 'pan_number',
  phone: 'phone_number',
  email: 'email',
  dob: 'dob',
  accountStatus: 'account_status',
  holderType: 'holder_type',
} as const satisfies Partial<Record<keyof AccountDetailsView, string>>;

function detailTexts(first: Json): Record<keyof typeof DETAIL_TEXT_FIELDS, string | null> {
  return Object.fromEntries(
    Object.entries(DETAIL_TEXT_FIELDS).map(([key, field]) => [key, nullableText(first[field])]),
  ) as Record<keyof typeof DETAIL_TEXT_FIELDS, string | null>;
}

function readDetails(
  block: Json,
  path: Path,
  accountId: string,
  predictors: unknown,
  ctx: BlockContext,
): AccountDetailsView {
  const detailsPath: Path = [...path, 'account_details'];
  const raw = detailsEntries(block['account_details'], detailsPath, ctx);
  const first: Json = raw[0] ?? {};
  const firstPath: Path = Array.isArray(block['account_details'])
    ? [...detailsPath, 0]
    : detailsPath;
  const holder = isRecord(predictors) ? predictors['customer_name'] : null;
  const name = nullableText(first['name']);
  const opening = first['account_opening_date'];
  const openingDate = typeof opening === 'string' && opening !== '' ? readApiDate(opening) : null;
  if (typeof opening === 'string' && opening !== '' && !openingDate) {
    ctx.setAside.add(jsonPath([...firstPath, 'account_opening_date']), opening, 'expected a date');
  }
  const salary = first['salary_confidence'];
  return {
    accountId: nullableText(first['account_id']) ?? accountId,
    ...detailTexts(first),
    openingDate,
    creditLimit: readLimit(first['credit_limit'], [...firstPath, 'credit_limit'], ctx),
    odLimit: readLimit(first['od_limit'], [...firstPath, 'od_limit'], ctx),
    salaryConfidence: typeof salary === 'number' || typeof salary === 'string' ? salary : null,
    statements: readStringList(first['statements']),
    months: readMonths(first['months'], [...firstPath, 'months'], ctx),
    missingData: raw.flatMap((d, i) =>
      readMissing(
        d['missing_data'],
        [
          ...(Array.isArray(block['account_details']) ? [...detailsPath, i] : detailsPath),
          'missing_data',
        ],
        ctx,
      ),
    ),
    holderName:
      name?.trim() || (typeof holder === 'string' && holder.trim() !== '' ? holder.trim() : null),
    raw,
  };
}

function readRecurring(
  value: unknown,
  path: Path,
  tctx: TransactionContext,
  ctx: BlockContext,
): RecurringView {
  const empty: RecurringView = { debit: [], credit: [] };
  if (value === null || value === undefined) return empty;
  if (!isRecord(value)) {
    ctx.setAside.add(jsonPath(path), value, 'expected {debit_transactions, credit_transactions}');
    return empty;
  }
  const sets = (key: string): RecurringSetView[] => {
    const list = value[key];
    if (list === null || list === undefined) return [];
    if (!Array.isArray(list)) {
      ctx.setAside.add(jsonPath([...path, key]), list, 'expected a list of recurring sets');
      return [];
    }
    const out: RecurringSetView[] = [];
    list.forEach((set, i) => {
      const at: Path = [...path, key, i];
      if (!isRecord(set)) {
        ctx.setAside.add(jsonPath(at), set, 'expected a recurring set');
        return;
      }
      const median = readNumber(set['median']);
      if (median === undefined)
        ctx.setAside.add(jsonPath([...at, 'median']), set['median'], 'expected an amount');
      out.push({
        counterparty: text(set['clean_transaction_note'] ?? set['transaction_note']),
        channel: text(set['transaction_channel']),
        median: median ?? null,
        startDate: typeof set['start_date'] === 'string' ? readApiDate(set['start_date']) : null,
        endDate: typeof set['end_date'] === 'string' ? readApiDate(set['end_date']) : null,
        transactions: readTransactionList(set['transactions'], [...at, 'transactions'], tctx),
      });
    });
    return out;
  };
  for (const key of Object.keys(value)) {
    if (key !== 'debit_transactions' && key !== 'credit_transactions')
      keepOther(ctx, [...path, key], value[key]);
  }
  return { debit: sets('debit_transactions'), credit: sets('credit_transactions') };
}

/** Blocks read into named parts of the view; any other key goes to `other`. */
const KNOWN_BLOCKS = new Set([
  'account_details',
  'fraud',
  'transactions',
  'salary_transactions',
  'top_credits_debits',
  'monthly_analysis',
  'predictors',
  'eod_balances',
  'recurring_transactions',
  'statement_stats',
  'expense_categories',
  'score',
  'xlsx_report_url',
  'xml_report_url',
]);

/** Flat transaction lists read as transactions (shown with the other lists). */
const TRANSACTION_SETS = [
  'lender_transactions',
  'self_and_sister_transactions',
  'bounced_or_penal_transactions',
];

/** The FinBox hashes the other lists and the fraud items name. */
function namedHashes(block: Json, fraudItems: readonly Json[]): Set<string> {
  const named = new Set<string>();
  for (const item of fraudItems) {
    const hash = nullableText(item['transaction_hash']);
    if (hash) named.add(hash);
  }
  for (const key of ['salary_transactions', ...TRANSACTION_SETS]) {
    const list = block[key];
    if (!Array.isArray(list)) continue;
    for (const t of list as unknown[]) {
      const hash = isRecord(t) ? t['hash'] : undefined;
      if (typeof hash === 'string' && hash !== '') named.add(hash);
    }
  }
  return named;
}

/**
 * Where each named hash first appears in the main list. Only those are looked for: they
 * are a few hundred of 200,000 (a map of every hash took 150 ms of opening 200,000).
 */
function firstIndexes(
  transactions: readonly TransactionView[],
  named: ReadonlySet<string>,
): Map<string, number> {
  const found = new Map<string, number>();
  if (named.size === 0) return found;
  for (const t of transactions) {
    if (named.has(t.hash) && !found.has(t.hash)) {
      found.set(t.hash, t.index);
      if (found.size === named.size) break;
    }
  }
  return found;
}

export function normalizeAccount(
  entry: AccountEntry,
  status: AccountStatusView | null,
  setAside: SetAside,
): AccountView {
  const { accountId, block, path } = entry;
  const other: OtherDataItem[] = [];
  const ctx: BlockContext = { setAside, other };
  const fraud = readFraud(block['fraud'], [...path, 'fraud'], ctx);
  const fraudTypesByHash = new Map<string, string[]>();
  for (const item of fraud.items) {
    const hash = nullableText(item['transaction_hash']);
    if (!hash) continue;
    const list = fraudTypesByHash.get(hash) ?? [];
    const type = item['fraud_type'] as string;
    if (!list.includes(type)) list.push(type);
    fraudTypesByHash.set(hash, list);
  }
  const tctx: TransactionContext = {
    accountId,
    fraudTypesByHash,
    derived: new DerivedIds(),
    setAside,
  };
  const transactions = readTransactionList(block['transactions'], [...path, 'transactions'], tctx);
  const hashIndex = firstIndexes(transactions, namedHashes(block, fraud.items));
  // Other lists name the same transactions again: their rows point at the main list's
  // entry when the hash is FinBox's. Their derived ids come from their own counter, so a
  // salary credit without a hash gets the same id as its twin in the main list.
  const alsoListed = (key: string): TransactionView[] =>
    readTransactionList(
      block[key],
      [...path, key],
      { ...tctx, derived: new DerivedIds() },
      (t, i) =>
        typeof t['hash'] === 'string' && t['hash'] !== '' ? (hashIndex.get(t['hash']) ?? i) : i,
    );
  const salaryTransactions = alsoListed('salary_transactions');
  const transactionSets: TransactionSetView[] = [];
  for (const key of TRANSACTION_SETS) {
    if (block[key] !== undefined && block[key] !== null)
      transactionSets.push({ key, transactions: alsoListed(key) });
  }
  for (const key of Object.keys(block)) {
    if (!KNOWN_BLOCKS.has(key) && !TRANSACTION_SETS.includes(key))
      keepOther(ctx, [...path, key], block[key]);
  }
  return {
    accountId,
    details: readDetails(block, path, accountId, block['predictors'], ctx),
    transactions,
    salaryTransactions,
    monthly: readMonthly(block['monthly_analysis'], [...path, 'monthly_analysis'], ctx),
    eod: readEod(block['eod_balances'], [...path, 'eod_balances'], ctx),
    topCreditsDebits: readTop(block['top_credits_debits'], [...path, 'top_credits_debits'], ctx),
    fraudulentStatements: fraud.statements,
    fraudItems: fraudViews(fraud.items, hashIndex),
    predictors: readPredictors(block['predictors'], [...path, 'predictors'], ctx),
    totals: transactionTotals(transactions),
    status,
    recurring: readRecurring(
      block['recurring_transactions'],
      [...path, 'recurring_transactions'],
      tctx,
      ctx,
    ),
    statementStats: readStatementStats(block['statement_stats'], [...path, 'statement_stats'], ctx),
    expenseCategories: readExpenseCategories(
      block['expense_categories'],
      [...path, 'expense_categories'],
      ctx,
    ),
    score: readScore(block['score'], [...path, 'score'], ctx),
    transactionSets,
    reportUrls: {
      xlsx: readUrl(block['xlsx_report_url'], [...path, 'xlsx_report_url'], ctx),
      xml: readUrl(block['xml_report_url'], [...path, 'xml_report_url'], ctx),
    },
    other,
  };
}

const KNOWN_TOP_LEVEL = new Set(['session_id', 'accounts', 'aggregate_xlsx_report_url']);

/**
 * The view of a data response (either endpoint's shape) and, when given, the session_status
 * response. Throws SchemaMismatchError only when no account can be read at all.
 */
export function normalizeSession(
  data: unknown,
  statusResponse: SessionStatusResponse | null = null,
): SessionView {
  const setAside = new SetAside();
  const { shape, accounts } = accountEntries(data, setAside);
  const record = data as Json;
  const status = statusResponse ? normalizeSessionStatus(statusResponse) : null;
  const statusById = new Map(status?.accounts.map((a) => [a.accountId, a]) ?? []);
  const other: OtherDataItem[] = [];
  const ctx: BlockContext = { setAside, other };
  for (const key of Object.keys(record)) {
    if (!KNOWN_TOP_LEVEL.has(key)) keepOther(ctx, [key], record[key]);
  }
  let sessionId = nullableText(record['session_id']);
  if (!sessionId) {
    setAside.add('$.session_id', record['session_id'], 'expected the session id');
    sessionId = status?.sessionId ?? '';
  }
  const views = accounts.map((entry) =>
    normalizeAccount(entry, statusById.get(entry.accountId) ?? null, setAside),
  );
  return {
    sessionId,
    accounts: views,
    status,
    dataShape: shape,
    unreadable: setAside.items,
    other,
    aggregateReportUrl: readUrl(
      record['aggregate_xlsx_report_url'],
      ['aggregate_xlsx_report_url'],
      ctx,
    ),
  };
}

/** The view of a session whose data could not be fetched (statuses only). */
export function statusOnlyView(
  sessionId: string,
  statusResponse: SessionStatusResponse | null,
): SessionView {
  return {
    sessionId,
    accounts: [],
    status: statusResponse ? normalizeSessionStatus(statusResponse) : null,
    dataShape: null,
    unreadable: [],
    other: [],
    aggregateReportUrl: null,
  };
}

/**
 * The view of a fetched session: the data with its statuses, or, for a failed session
 * without data, the statuses alone; keys the data's JSON gives twice set aside and listed.
 */
export function sessionViewOf(
  sessionId: string,
  status: SessionStatusResponse | null,
  data: unknown,
  duplicateKeys?: readonly DuplicateKey[],
): SessionView {
  const view = data ? normalizeSession(data, status) : statusOnlyView(sessionId, status);
  return withDuplicateKeys(view, duplicateKeys, 'data');
}

/**
 * The view of a session as a file or the library holds it: every saved snapshot, imported
 * file and `bcv export FILE` becomes a view here, with the keys its JSON gives twice set
 * aside and listed (`where`: what the notes call the JSON, "data" or "file").
 */
export function viewOfPayload(
  payload: {
    readonly sessionStatus: SessionStatusResponse | null;
    readonly subscribedData: unknown;
    readonly duplicateKeys?: readonly DuplicateKey[] | undefined;
  },
  where: 'data' | 'file' = 'data',
): SessionView {
  const view = normalizeSession(payload.subscribedData, payload.sessionStatus);
  return withDuplicateKeys(view, payload.duplicateKeys, where);
}

export { normalizeSessionStatus };
