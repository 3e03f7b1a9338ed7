// How a LoadedSession crosses from main to the renderer. A structured clone (Electron's
// IPC, then contextBridge's copy into the page) rebuilds every object property by
// property: 200,000 transactions with their `extra` fields took longer to clone than
// JSON.parse takes for the whole raw response. Sent as columns (one array per field,
// repeated text such as channels and categories sent once and referred to by number), the
// same data clones several times faster and is smaller; the renderer rebuilds the very
// same TransactionView objects, in one pass, with one shape.
//
// Only transaction lists are packed; everything else in the session is small and is sent
// as it is. Salary transactions are the account's own transactions again (with a few
// salary fields more): they cross as positions into the packed list, not as a second one.
import { SESSION_CHANNELS } from './contract';
import type { IpcEnvelope, LoadedSession } from './contract';
import type { AccountView, SessionView, TransactionView } from '../model/view-model';
import { setOwnField } from '../json/own-field';

export const PACKED_TRANSACTIONS = 'bcv/packed-transactions@3' as const;

/**
 * Many strings sent as one: string i is `text.slice(ends[i - 1] ?? 0, ends[i])`. One long
 * string clones as one copy of bytes; 200,000 short ones clone one by one. The slices the
 * renderer takes share the long string's memory.
 */
export interface TextColumn {
  readonly text: string;
  readonly ends: Uint32Array;
}

/** Text with few distinct values: each distinct value once, then a number per row. */
export interface Dictionary {
  readonly values: TextColumn;
  /** The code standing for null, or -1. */
  readonly nullCode: number;
  readonly codes: Uint32Array;
}

export interface PackedTransactions {
  readonly format: typeof PACKED_TRANSACTIONS;
  readonly count: number;
  readonly index: Uint32Array;
  readonly accountId: Dictionary;
  readonly date: Dictionary;
  /** 1 credit, 0 debit. */
  readonly credit: Uint8Array;
  readonly amount: Float64Array;
  /** NaN stands for null (JSON has no NaN, so no API balance is NaN). */
  readonly balance: Float64Array;
  readonly narration: TextColumn;
  readonly ref: TextColumn;
  readonly channel: Dictionary;
  readonly category: Dictionary;
  readonly description: Dictionary;
  readonly hash: TextColumn;
  /** Positions whose hash is derived, not FinBox's (few or none). */
  readonly derivedAt: number[];
  readonly statementId: Dictionary;
  /** Only the transactions named by fraud items: positions and their fraud types. */
  readonly fraudAt: number[];
  readonly fraudTypes: (readonly string[])[];
  /** `extra`: each row's key list (by number), then its values in order. */
  readonly extraKeys: string[][];
  readonly extraShape: Uint32Array;
  /** Per value: >= 0 a code of extraText; < 0 the value -code - 1 of extraOther. */
  readonly extraCodes: Int32Array;
  readonly extraText: TextColumn;
  /** Values that are not text (numbers, booleans, objects), as they are. */
  readonly extraOther: unknown[];
}

/**
 * The salary transactions by position: `at[k]` is the position in the account's
 * transactions of salary row k, which is that transaction with `extra[k]` as its extra
 * fields (the salary list adds employer_name, salary_month...). A salary row that differs
 * from its transaction in anything else has `at[k] = -1` and travels whole, in order, in
 * `unmatched`.
 */
export interface PackedSalary {
  readonly at: Int32Array;
  readonly extra: readonly Readonly<Record<string, unknown>>[];
  readonly unmatched: PackedTransactions;
}

type PackedAccount = Omit<AccountView, 'transactions' | 'salaryTransactions'> & {
  readonly transactions: PackedTransactions;
  readonly salaryTransactions: PackedSalary;
};

export type PackedSessionView = Omit<SessionView, 'accounts'> & {
  readonly accounts: readonly PackedAccount[];
};

export type PackedLoadedSession = Omit<LoadedSession, 'view'> & {
  readonly view: PackedSessionView;
};

function textColumn(strings: readonly string[]): TextColumn {
  const ends = new Uint32Array(strings.length);
  let end = 0;
  for (let i = 0; i < strings.length; i++) ends[i] = end += strings[i]!.length;
  return { text: strings.join(''), ends };
}

function readText(column: TextColumn): string[] {
  const { text, ends } = column;
  const out = new Array<string>(ends.length);
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    out[i] = text.slice(start, ends[i]);
    start = ends[i]!;
  }
  return out;
}

/** Distinct text values, numbered in order of first appearance. */
class Distinct {
  readonly values: string[] = [];
  private readonly seen = new Map<string, number>();
  code(value: string): number {
    let code = this.seen.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.seen.set(value, code);
    }
    return code;
  }
  /** A code no text value gets (a dictionary's null): sent as an empty value. */
  reserve(): number {
    this.values.push('');
    return this.values.length - 1;
  }
}

// Packing reads every row of a view (200,000 at most) once: one pass fills every column,
// the typed ones made at their final size, with no array or string made per row.

/**
 * A TextColumn filled one row at a time. Every 1,024 rows the text gathered is joined,
 * while those strings are still in the processor's cache: one join of 200,000 strings
 * spread over the heap at the end took a quarter longer.
 */
class TextColumnBuilder {
  private readonly parts: string[] = [];
  private readonly joined: string[] = [];
  private readonly ends: Uint32Array;
  private count = 0;
  private end = 0;
  constructor(count: number) {
    this.ends = new Uint32Array(count);
  }
  add(value: string): void {
    this.end += value.length;
    this.ends[this.count++] = this.end;
    this.parts.push(value);
    if (this.parts.length === 1024) {
      this.joined.push(this.parts.join(''));
      this.parts.length = 0;
    }
  }
  column(): TextColumn {
    this.joined.push(this.parts.join(''));
    this.parts.length = 0;
    return { text: this.joined.join(''), ends: this.ends };
  }
}

/** A Dictionary filled one row at a time. */
class DictionaryBuilder {
  private readonly distinct = new Distinct();
  private readonly codes: Uint32Array;
  private nullCode = -1;
  // Runs are common (one account id, dates in order): the last value is tried first.
  private last: string | null | undefined = undefined;
  private lastCode = 0;
  constructor(count: number) {
    this.codes = new Uint32Array(count);
  }
  add(i: number, value: string | null): void {
    if (value !== this.last) {
      this.last = value;
      if (value !== null) this.lastCode = this.distinct.code(value);
      else {
        if (this.nullCode < 0) this.nullCode = this.distinct.reserve();
        this.lastCode = this.nullCode;
      }
    }
    this.codes[i] = this.lastCode;
  }
  dictionary(): Dictionary {
    return { values: textColumn(this.distinct.values), nullCode: this.nullCode, codes: this.codes };
  }
}

/** Numbers gathered into an Int32Array whose final length is not known before. */
class Int32Builder {
  private array: Int32Array;
  private length = 0;
  constructor(capacity: number) {
    this.array = new Int32Array(Math.max(16, capacity));
  }
  push(value: number): void {
    if (this.length === this.array.length) {
      const larger = new Int32Array(this.array.length * 2);
      larger.set(this.array);
      this.array = larger;
    }
    this.array[this.length++] = value;
  }
  /** Exactly the numbers pushed (a clone sends a typed array's whole buffer). */
  result(): Int32Array {
    return this.array.slice(0, this.length);
  }
}

/**
 * `extra`: each row's key list (numbered in order of first appearance, found by walking a
 * tree of keys, so no string is joined to look it up), then its values, text by number.
 */
class ExtraColumns {
  readonly keyLists: string[][] = [];
  readonly shapes: Uint32Array;
  readonly codes: Int32Builder;
  readonly text = new Distinct();
  readonly other: unknown[] = [];
  private readonly root: ShapeNode = { next: null, shape: -1 };
  // for-in reads an object's values through its enum cache, faster than Object.keys and
  // a lookup per key; it lists the same keys only for an object whose prototype is an
  // Object.prototype with nothing enumerable on it (a prototype set by a "__proto__" key,
  // or an Object.prototype given properties, takes the Object.keys way).
  private readonly forInIsKeys = !hasEnumerable(Object.prototype);

  constructor(count: number) {
    this.shapes = new Uint32Array(count);
    this.codes = new Int32Builder(count * 4);
  }

  add(i: number, extra: Readonly<Record<string, unknown>>): void {
    if (!this.forInIsKeys || Object.getPrototypeOf(extra) !== Object.prototype) {
      this.addKeys(i, extra);
      return;
    }
    let node = this.root;
    for (const key in extra) {
      node = this.child(node, key);
      this.addValue(extra[key]);
    }
    this.shapes[i] = node.shape >= 0 ? node.shape : this.newShape(node, Object.keys(extra));
  }

  private addKeys(i: number, extra: Readonly<Record<string, unknown>>): void {
    const keys = Object.keys(extra);
    let node = this.root;
    for (const key of keys) {
      node = this.child(node, key);
      this.addValue(extra[key]);
    }
    this.shapes[i] = node.shape >= 0 ? node.shape : this.newShape(node, keys);
  }

  private addValue(value: unknown): void {
    this.codes.push(typeof value === 'string' ? this.text.code(value) : -this.other.push(value));
  }

  private child(node: ShapeNode, key: string): ShapeNode {
    node.next ??= new Map();
    let child = node.next.get(key);
    if (child === undefined) {
      child = { next: null, shape: -1 };
      node.next.set(key, child);
    }
    return child;
  }

  private newShape(node: ShapeNode, keys: string[]): number {
    node.shape = this.keyLists.length;
    this.keyLists.push(keys);
    return node.shape;
  }
}

interface ShapeNode {
  next: Map<string, ShapeNode> | null;
  shape: number;
}

function hasEnumerable(object: object): boolean {
  for (const _ in object) return true;
  return false;
}

export function packTransactions(rows: readonly TransactionView[]): PackedTransactions {
  const n = rows.length;
  const index = new Uint32Array(n);
  const credit = new Uint8Array(n);
  const amount = new Float64Array(n);
  const balance = new Float64Array(n);
  const accountId = new DictionaryBuilder(n);
  const date = new DictionaryBuilder(n);
  const narration = new TextColumnBuilder(n);
  const ref = new TextColumnBuilder(n);
  const channel = new DictionaryBuilder(n);
  const category = new DictionaryBuilder(n);
  const description = new DictionaryBuilder(n);
  const hash = new TextColumnBuilder(n);
  const statementId = new DictionaryBuilder(n);
  const derivedAt: number[] = [];
  const fraudAt: number[] = [];
  const fraudTypes: (readonly string[])[] = [];
  const extra = new ExtraColumns(n);
  for (let i = 0; i < n; i++) {
    const t = rows[i]!;
    index[i] = t.index;
    accountId.add(i, t.accountId);
    date.add(i, t.date);
    credit[i] = t.type === 'credit' ? 1 : 0;
    amount[i] = t.amount;
    balance[i] = t.balance ?? Number.NaN;
    narration.add(t.narration);
    ref.add(t.ref);
    channel.add(i, t.channel);
    category.add(i, t.category);
    description.add(i, t.description);
    hash.add(t.hash);
    if (t.hashDerived) derivedAt.push(i);
    statementId.add(i, t.statementId);
    if (t.fraudTypes.length > 0) {
      fraudAt.push(i);
      fraudTypes.push(t.fraudTypes);
    }
    extra.add(i, t.extra);
  }
  return {
    format: PACKED_TRANSACTIONS,
    count: n,
    index,
    accountId: accountId.dictionary(),
    date: date.dictionary(),
    credit,
    amount,
    balance,
    narration: narration.column(),
    ref: ref.column(),
    channel: channel.dictionary(),
    category: category.dictionary(),
    description: description.dictionary(),
    hash: hash.column(),
    derivedAt,
    statementId: statementId.dictionary(),
    fraudAt,
    fraudTypes,
    extraKeys: extra.keyLists,
    extraShape: extra.shapes,
    extraCodes: extra.codes.result(),
    extraText: textColumn(extra.text.values),
    extraOther: extra.other,
  };
}

function lookup(dictionary: Dictionary): (string | null)[] {
  const values: (string | null)[] = readText(dictionary.values);
  if (dictionary.nullCode >= 0) values[dictionary.nullCode] = null;
  return values;
}

const NO_FRAUD: readonly string[] = Object.freeze([]);

export function unpackTransactions(packed: PackedTransactions): TransactionView[] {
  const n = packed.count;
  const rows = new Array<TransactionView>(n);
  const fraud = new Map<number, readonly string[]>();
  packed.fraudAt.forEach((at, k) => fraud.set(at, packed.fraudTypes[k]!));
  const accountIds = lookup(packed.accountId);
  const dates = lookup(packed.date);
  const channels = lookup(packed.channel);
  const categories = lookup(packed.category);
  const descriptions = lookup(packed.description);
  const statementIds = lookup(packed.statementId);
  const narrations = readText(packed.narration);
  const refs = readText(packed.ref);
  const hashes = readText(packed.hash);
  const derived = new Set(packed.derivedAt);
  const extraText = readText(packed.extraText);
  const { extraKeys, extraShape, extraCodes, extraOther, balance } = packed;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const extra: Record<string, unknown> = {};
    for (const key of extraKeys[extraShape[i]!]!) {
      const code = extraCodes[v++]!;
      setOwnField(extra, key, code >= 0 ? extraText[code] : extraOther[-code - 1]);
    }
    // The same property order as normalizeTransaction: every row gets one hidden class.
    rows[i] = {
      index: packed.index[i]!,
      accountId: accountIds[packed.accountId.codes[i]!] as string,
      date: dates[packed.date.codes[i]!] as string,
      type: packed.credit[i] === 1 ? 'credit' : 'debit',
      amount: packed.amount[i]!,
      balance: Number.isNaN(balance[i]) ? null : balance[i]!,
      narration: narrations[i]!,
      ref: refs[i]!,
      channel: channels[packed.channel.codes[i]!] as string,
      category: categories[packed.category.codes[i]!] as string,
      description: descriptions[packed.description.codes[i]!] as string,
      hash: hashes[i]!,
      hashDerived: derived.has(i),
      statementId: statementIds[packed.statementId.codes[i]!]!,
      fraudTypes: fraud.get(i) ?? NO_FRAUD,
      extra,
    };
  }
  return rows;
}

/** Every field but `extra` the same (the salary list repeats the transaction). */
function sameBesidesExtra(a: TransactionView, b: TransactionView): boolean {
  return (
    a.index === b.index &&
    a.accountId === b.accountId &&
    a.date === b.date &&
    a.type === b.type &&
    Object.is(a.amount, b.amount) &&
    Object.is(a.balance, b.balance) &&
    a.narration === b.narration &&
    a.ref === b.ref &&
    a.channel === b.channel &&
    a.category === b.category &&
    a.description === b.description &&
    a.hash === b.hash &&
    a.hashDerived === b.hashDerived &&
    a.statementId === b.statementId &&
    a.fraudTypes.length === b.fraudTypes.length &&
    a.fraudTypes.every((type, i) => type === b.fraudTypes[i])
  );
}

export function packSalary(
  transactions: readonly TransactionView[],
  salary: readonly TransactionView[],
): PackedSalary {
  const at = new Int32Array(salary.length);
  const extra: Readonly<Record<string, unknown>>[] = [];
  const unmatched: TransactionView[] = [];
  let byIndex: Map<number, number> | null = null;
  // A transaction's index is its position, unless rows were set aside before it.
  const positionOf = (index: number): number => {
    if (transactions[index]?.index === index) return index;
    byIndex ??= new Map(transactions.map((t, position) => [t.index, position]));
    return byIndex.get(index) ?? -1;
  };
  salary.forEach((row, k) => {
    const position = positionOf(row.index);
    const same = transactions[position];
    if (same && sameBesidesExtra(same, row)) {
      at[k] = position;
      extra.push(row.extra);
    } else {
      at[k] = -1;
      extra.push({});
      unmatched.push(row);
    }
  });
  return { at, extra, unmatched: packTransactions(unmatched) };
}

export function unpackSalary(
  transactions: readonly TransactionView[],
  packed: PackedSalary,
): TransactionView[] {
  const unmatched = unpackTransactions(packed.unmatched);
  let next = 0;
  return Array.from(packed.at, (position, k) =>
    // Spread keeps TransactionView's property order: the same hidden class as every row.
    position >= 0 ? { ...transactions[position]!, extra: packed.extra[k]! } : unmatched[next++]!,
  );
}

/**
 * Views main packed or read packed: a view is never changed once made, so its packing is
 * made once (the answer to the renderer and the kept view share it, and a kept view read
 * back is sent as it was read). The renderer only unpacks, so it holds no second copy.
 */
const packedViews = new WeakMap<SessionView, PackedSessionView>();

export function packSessionView(view: SessionView): PackedSessionView {
  const known = packedViews.get(view);
  if (known) return known;
  const packed: PackedSessionView = {
    ...view,
    accounts: view.accounts.map((account) => ({
      ...account,
      transactions: packTransactions(account.transactions),
      salaryTransactions: packSalary(account.transactions, account.salaryTransactions),
    })),
  };
  packedViews.set(view, packed);
  return packed;
}

/** Whether a value read back (a kept view) is a packed view of this format. */
export function isPackedSessionView(value: unknown): value is PackedSessionView {
  const accounts = (value as { accounts?: unknown } | null)?.accounts;
  return (
    Array.isArray(accounts) &&
    accounts.every(
      (a: { transactions?: { format?: unknown }; salaryTransactions?: { at?: unknown } }) =>
        a.transactions?.format === PACKED_TRANSACTIONS &&
        a.salaryTransactions?.at instanceof Int32Array,
    )
  );
}

/**
 * In main: a packed view read back, as a view remembered with its packing. An open sends
 * the packing as it is, so main's transaction objects are made when something in main
 * first reads them (an export, a search), not before the answer goes: at 200,000
 * transactions that is 0.1 to 0.2 s and 400,000 objects the open no longer waits for.
 */
export function viewOfPacked(packed: PackedSessionView): SessionView {
  const view: SessionView = { ...packed, accounts: packed.accounts.map(accountOfPacked) };
  packedViews.set(view, packed);
  return view;
}

/** An account whose transaction lists are unpacked on first read, once. */
function accountOfPacked(packed: PackedAccount): AccountView {
  let transactions: TransactionView[] | undefined;
  let salary: TransactionView[] | undefined;
  const readTransactions = () => (transactions ??= unpackTransactions(packed.transactions));
  const readSalary = () => (salary ??= unpackSalary(readTransactions(), packed.salaryTransactions));
  const account: Record<string, unknown> = {};
  // In the packed account's property order, as unpackSessionView leaves it.
  for (const [key, value] of Object.entries(packed)) {
    if (key === 'transactions' || key === 'salaryTransactions') {
      Object.defineProperty(account, key, {
        get: key === 'transactions' ? readTransactions : readSalary,
        enumerable: true,
        configurable: true,
      });
    } else {
      account[key] = value;
    }
  }
  return account as unknown as AccountView;
}

export function unpackSessionView(view: PackedSessionView): SessionView {
  return {
    ...view,
    accounts: view.accounts.map((account) => {
      const transactions = unpackTransactions(account.transactions);
      return {
        ...account,
        transactions,
        salaryTransactions: unpackSalary(transactions, account.salaryTransactions),
      };
    }),
  };
}

export function packLoadedSession(loaded: LoadedSession): PackedLoadedSession {
  return { ...loaded, view: packSessionView(loaded.view) };
}

export function unpackLoadedSession(loaded: PackedLoadedSession): LoadedSession {
  return { ...loaded, view: unpackSessionView(loaded.view) };
}

const PACKED_CHANNELS: ReadonlySet<string> = new Set(SESSION_CHANNELS);

/** A handler's answer as it crosses to the renderer: a session's transactions as columns. */
export function packSessionAnswer(
  channel: string,
  envelope: IpcEnvelope<unknown>,
): IpcEnvelope<unknown> {
  if (!envelope.ok || !PACKED_CHANNELS.has(channel)) return envelope;
  // The handlers of these channels answer a LoadedSession (contract.ts).
  return { ok: true, result: packLoadedSession(envelope.result as LoadedSession) };
}
