// Transaction lists read liberally. Each transaction is checked by isApiTransaction (the
// schema's verdict at plain-function speed); one it refuses is set aside with the path and
// reason the schema names, and the others are read.
import { jsonPath } from '../api/json-path';
import { isApiTransaction, transactionSchema } from '../api/schemas';
import { readApiDate } from './calendar';
import { DerivedIds } from './transaction-id';
import type { SetAside } from './unreadable';
import { amountOf, isRecord, text } from './read-values';
import type { TransactionView } from './view-model';

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

export interface TransactionContext {
  readonly accountId: string;
  readonly fraudTypesByHash: ReadonlyMap<string, readonly string[]>;
  readonly derived: DerivedIds;
  readonly setAside: SetAside;
}

const NO_FRAUD: readonly string[] = Object.freeze([]);

/** One transaction already accepted by isApiTransaction, as the view model's. */
export function normalizeTransaction(
  t: Record<string, unknown>,
  index: number,
  ctx: Pick<TransactionContext, 'accountId' | 'fraudTypesByHash' | 'derived'>,
): TransactionView {
  const extra: Record<string, unknown> = {};
  for (const key in t) {
    const value = t[key];
    // Most fields are empty: tested first, the set lookup is made for the filled ones only.
    if (value === null || value === undefined || value === '') continue;
    if (!CORE_TRANSACTION_FIELDS.has(key)) extra[key] = value;
  }
  const metadata = isRecord(t['metadata']) ? t['metadata'] : null;
  const date = readApiDate(t['date'] as string)!;
  const type = (t['transaction_type'] as string).toLowerCase() as 'debit' | 'credit';
  const amount = amountOf(t['amount']);
  const balance =
    t['balance'] === null || t['balance'] === undefined ? null : amountOf(t['balance']);
  const narration = text(t['transaction_note']);
  const ref = text(t['chq_num']);
  const accountId = (t['account_id'] as string | null | undefined) || ctx.accountId;
  const sent = t['hash'];
  const hashDerived = typeof sent !== 'string' || sent === '';
  const hash = hashDerived
    ? ctx.derived.next({ accountId, date, type, amount, balance, narration, ref })
    : sent;
  const statementId = t['statement_id'];
  return {
    index,
    accountId,
    date,
    type,
    amount,
    balance,
    narration,
    ref,
    // The Insights shape puts channel and description inside `metadata`, and only when the
    // lender subscribes to them: absent, they are empty, not guessed.
    channel: text(t['transaction_channel'] ?? metadata?.['transaction_channel']),
    category: text(t['category']),
    description: text(t['description'] ?? metadata?.['description']),
    hash,
    hashDerived,
    statementId: typeof statementId === 'string' && statementId !== '' ? statementId : null,
    fraudTypes: hashDerived ? NO_FRAUD : (ctx.fraudTypesByHash.get(hash) ?? NO_FRAUD),
    extra,
  };
}

function describeIssue(issue: { code: string; message: string; expected?: unknown }): string {
  if (issue.code === 'invalid_type') return `expected ${String(issue.expected)}`;
  return `expected ${issue.message}`;
}

/** Why the schema refuses a transaction: the path below it and the expectation. */
export function whyUnreadable(value: unknown): { at: PropertyKey[]; reason: string } {
  const result = transactionSchema.safeParse(value);
  const issue = result.success ? undefined : result.error.issues[0];
  if (!issue) return { at: [], reason: 'expected a transaction' };
  if (issue.path.length === 0 && !isRecord(value)) return { at: [], reason: 'expected an object' };
  return { at: issue.path as PropertyKey[], reason: describeIssue(issue) };
}

/**
 * A list of transactions: readable ones in order (index = position in the list as sent),
 * unreadable ones set aside. `indexOf` lets salary and other lists point into the main one.
 */
export function readTransactionList(
  list: unknown,
  path: readonly PropertyKey[],
  ctx: TransactionContext,
  indexOf?: (t: Record<string, unknown>, position: number) => number,
): TransactionView[] {
  if (list === null || list === undefined) return [];
  if (!Array.isArray(list)) {
    ctx.setAside.add(jsonPath(path), list, 'expected a list of transactions');
    return [];
  }
  const out: TransactionView[] = [];
  for (let i = 0; i < list.length; i++) {
    const t: unknown = list[i];
    if (isApiTransaction(t)) {
      const record = t as Record<string, unknown>;
      out.push(normalizeTransaction(record, indexOf ? indexOf(record, i) : i, ctx));
      continue;
    }
    const { at, reason } = whyUnreadable(t);
    // The value at the path named: the odd field itself, not the whole transaction.
    const value = at.reduce<unknown>(
      (v, key) =>
        v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined,
      t,
    );
    ctx.setAside.add(jsonPath([...path, i, ...at]), value, reason);
  }
  return out;
}
