// Transaction lists read liberally. Each transaction is checked by transactionProblem; one
// it refuses is set aside with the path and reason it names, and the others are read.
import { jsonPath } from '../api/json-path';
import { readApiDate, type CalendarDate } from './calendar';
import type { DerivedIds } from './transaction-id';
import type { SetAside } from './unreadable';
import { amountOf, amountProblem, isRecord, text } from './read-values';
import type { TransactionView } from './view-model';
import { setOwnField } from '../json/own-field';

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

/**
 * One transaction already accepted by the check, as the view model's (`date`: its date
 * as the check read it).
 */
function normalizeTransaction(
  t: Record<string, unknown>,
  index: number,
  date: CalendarDate,
  ctx: Pick<TransactionContext, 'accountId' | 'fraudTypesByHash' | 'derived'>,
): TransactionView {
  const extra: Record<string, unknown> = {};
  for (const key in t) {
    const value = t[key];
    // Most fields are empty: tested first, the set lookup is made for the filled ones only.
    if (value === null || value === undefined || value === '') continue;
    if (!CORE_TRANSACTION_FIELDS.has(key)) setOwnField(extra, key, value);
  }
  const metadata = isRecord(t['metadata']) ? t['metadata'] : null;
  const sentType = t['transaction_type'] as string;
  const type = (
    sentType === 'debit' || sentType === 'credit' ? sentType : sentType.toLowerCase()
  ) as 'debit' | 'credit';
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
    fraudTypes:
      hashDerived || ctx.fraudTypesByHash.size === 0
        ? NO_FRAUD
        : (ctx.fraudTypesByHash.get(hash) ?? NO_FRAUD),
    extra,
  };
}

const DATE_FORMATS =
  'a date as YYYY-MM-DD HH:MM:SS (or YYYY-MM-DD, ISO 8601, DD-Mon-YY, DD/MM/YYYY)';
const TYPE = /^(debit|credit)$/i;
const METADATA_TEXT_FIELDS = ['transaction_channel', 'description', 'unclean_merchant'] as const;

export interface Unreadable {
  /** The path below the transaction to the field at fault (empty: the whole of it). */
  readonly at: readonly PropertyKey[];
  readonly reason: string;
}

const isText = (value: unknown): boolean =>
  value === undefined || value === null || typeof value === 'string';
const at = (path: readonly PropertyKey[], reason: string): Unreadable => ({ at: path, reason });

/**
 * Why a transaction cannot be read with one meaning, or null when it can (see
 * ReadableTransaction): the first field at fault and what was expected there.
 */
export function transactionProblem(value: unknown): Unreadable | null {
  const checked = checkTransaction(value);
  return typeof checked === 'string' ? null : checked;
}

/**
 * transactionProblem's check, giving the transaction's date when it passes. Written out by
 * hand, field by field, as the one check: it runs on every transaction of a response
 * (200,000 of them), and a field read by its name is read at once on rows of one shape.
 */
function checkTransaction(value: unknown): Unreadable | CalendarDate {
  if (!isRecord(value)) return at([], 'expected an object');
  const type = value['transaction_type'];
  if (type !== 'debit' && type !== 'credit' && (typeof type !== 'string' || !TYPE.test(type))) {
    return at(['transaction_type'], 'expected debit or credit');
  }
  const amount = amountProblem(value['amount']);
  if (amount) return at(['amount'], `expected ${amount}`);
  const balance = value['balance'];
  const balanceProblem = balance === undefined || balance === null ? null : amountProblem(balance);
  if (balanceProblem) return at(['balance'], `expected ${balanceProblem}, or null`);
  const sentDate = value['date'];
  const date = typeof sentDate === 'string' ? readApiDate(sentDate) : null;
  if (date === null) return at(['date'], `expected ${DATE_FORMATS}`);
  const chq = value['chq_num'];
  if (!isText(chq) && !Number.isSafeInteger(chq)) {
    return at(['chq_num'], 'expected text or a whole number, or null');
  }
  const textField = firstNotText(value);
  if (textField !== null) return at([textField], 'expected text or null');
  const metadata = value['metadata'];
  if (metadata === undefined || metadata === null) return date;
  if (!isRecord(metadata)) return at(['metadata'], 'expected an object or null');
  for (const field of METADATA_TEXT_FIELDS) {
    if (!isText(metadata[field])) return at(['metadata', field], 'expected text or null');
  }
  return date;
}

/** The first field that must be text or null and is not. */
function firstNotText(t: Record<string, unknown>): string | null {
  // Each read by its name, not in a loop over a list of names: a read by a name fixed in
  // the code is quick on rows of one shape, a read by a key that changes at each turn is not.
  if (!isText(t['transaction_note'])) return 'transaction_note';
  if (!isText(t['hash'])) return 'hash';
  if (!isText(t['transaction_channel'])) return 'transaction_channel';
  if (!isText(t['merchant_category'])) return 'merchant_category';
  if (!isText(t['description'])) return 'description';
  if (!isText(t['category'])) return 'category';
  if (!isText(t['statement_id'])) return 'statement_id';
  if (!isText(t['account_id'])) return 'account_id';
  if (!isText(t['reciever_account_number'])) return 'reciever_account_number';
  return null;
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
    const checked = checkTransaction(t);
    if (typeof checked === 'string') {
      const record = t as Record<string, unknown>;
      const index = indexOf ? indexOf(record, i) : i;
      out.push(normalizeTransaction(record, index, checked, ctx));
      continue;
    }
    const { at, reason } = checked;
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
