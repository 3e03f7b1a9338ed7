// Two snapshots of one session compared (a re-fetch after more statements, a corrected
// upload): transactions added, removed and changed, statements and months added or gone,
// fraud items that appeared or cleared, and the per-account figures that moved. Pure:
// the CLI and the app call it on the two normalised views.
import type { AccountView, FraudItemView, SessionView, TransactionView } from '../model/view-model';

/** What a diff tells of a transaction: where it is and what it reads. */
export type TransactionRef = ReturnType<typeof refOf>;

export interface ChangedTransaction {
  readonly before: TransactionRef;
  readonly after: TransactionRef;
  /** The fields whose values differ (date, amount, type, balance, narration, ...). */
  readonly fields: readonly string[];
  /** How the pair was matched: the same API hash, or the same date, amount and narration. */
  readonly matchedBy: 'hash' | 'content';
}

/** A fraud item's identity: the same values in two snapshots are the same item. */
export type FraudRef = ReturnType<typeof fraudRef>;

export interface FigureChange {
  readonly accountId: string;
  readonly figure: 'credits' | 'debits' | 'creditCount' | 'debitCount' | 'transactions';
  readonly before: number;
  readonly after: number;
}

export interface SnapshotDiff {
  readonly transactions: {
    readonly added: readonly TransactionRef[];
    readonly removed: readonly TransactionRef[];
    readonly changed: readonly ChangedTransaction[];
    readonly unchanged: number;
  };
  readonly accounts: { readonly added: readonly string[]; readonly removed: readonly string[] };
  readonly statements: { readonly added: readonly string[]; readonly removed: readonly string[] };
  /** `accountId month` pairs. */
  readonly months: { readonly added: readonly string[]; readonly removed: readonly string[] };
  readonly fraud: { readonly appeared: readonly FraudRef[]; readonly cleared: readonly FraudRef[] };
  readonly figures: readonly FigureChange[];
}

/** Compared field by field; `index` and `hash` are identities, not content. */
const COMPARED = [
  'date',
  'type',
  'amount',
  'balance',
  'narration',
  'ref',
  'channel',
  'category',
  'description',
  'statementId',
] as const satisfies readonly (keyof TransactionView)[];

function pick<T, K extends keyof T>(item: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, item[key]])) as Pick<T, K>;
}

function refOf(t: TransactionView) {
  return pick(t, ['accountId', 'date', 'type', 'amount', 'narration', 'hash']);
}

function contentKey(t: TransactionView): string {
  return `${t.date}\u0000${t.type}\u0000${t.amount}\u0000${t.narration.trim().replace(/\s+/g, ' ')}`;
}

function changedFields(a: TransactionView, b: TransactionView): string[] {
  return COMPARED.filter((field) => a[field] !== b[field]);
}

/** Removes and answers the first entry under `key` (a multimap kept as arrays). */
function take<T>(map: Map<string, T[]>, key: string): T | undefined {
  const list = map.get(key);
  if (!list || list.length === 0) return undefined;
  const first = list.shift();
  if (list.length === 0) map.delete(key);
  return first;
}

function group<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  }
  return map;
}

interface TransactionOutcome {
  added: TransactionRef[];
  removed: TransactionRef[];
  changed: ChangedTransaction[];
  unchanged: number;
}

/** Matched by the API's hash first, then by date, type, amount and narration. */
function compareTransactions(
  before: readonly TransactionView[],
  after: readonly TransactionView[],
  out: TransactionOutcome,
): void {
  const byHash = group(
    before.filter((t) => !t.hashDerived && t.hash !== ''),
    (t) => t.hash,
  );
  const leftAfter: TransactionView[] = [];
  const matched = new Set<TransactionView>();
  for (const b of after) {
    const a = !b.hashDerived && b.hash !== '' ? take(byHash, b.hash) : undefined;
    if (!a) {
      leftAfter.push(b);
      continue;
    }
    matched.add(a);
    record(a, b, 'hash', out);
  }
  const byContent = group(
    before.filter((t) => !matched.has(t)),
    contentKey,
  );
  for (const b of leftAfter) {
    const a = take(byContent, contentKey(b));
    if (a) record(a, b, 'content', out);
    else out.added.push(refOf(b));
  }
  for (const list of byContent.values()) for (const a of list) out.removed.push(refOf(a));
}

function record(
  a: TransactionView,
  b: TransactionView,
  matchedBy: 'hash' | 'content',
  out: TransactionOutcome,
): void {
  const fields = changedFields(a, b);
  if (fields.length === 0) out.unchanged++;
  else out.changed.push({ before: refOf(a), after: refOf(b), fields, matchedBy });
}

function setDiff(before: Iterable<string>, after: Iterable<string>) {
  const a = new Set(before);
  const b = new Set(after);
  return {
    added: [...b].filter((x) => !a.has(x)).sort(),
    removed: [...a].filter((x) => !b.has(x)).sort(),
  };
}

function fraudRef(f: FraudItemView) {
  return pick(f, ['accountId', 'fraudType', 'statementId', 'transactionHash']);
}

function fraudKey(f: FraudItemView): string {
  return Object.values(fraudRef(f))
    .map((value) => value ?? '')
    .join('\u0000');
}

function figuresOf(account: AccountView): Record<FigureChange['figure'], number> {
  return { ...account.totals, transactions: account.transactions.length };
}

export function diffSnapshots(before: SessionView, after: SessionView): SnapshotDiff {
  const transactions: TransactionOutcome = { added: [], removed: [], changed: [], unchanged: 0 };
  const beforeAccounts = new Map(before.accounts.map((a) => [a.accountId, a]));
  const afterAccounts = new Map(after.accounts.map((a) => [a.accountId, a]));
  const figures: FigureChange[] = [];
  for (const id of new Set([...beforeAccounts.keys(), ...afterAccounts.keys()])) {
    const a = beforeAccounts.get(id);
    const b = afterAccounts.get(id);
    compareTransactions(a?.transactions ?? [], b?.transactions ?? [], transactions);
    if (a && b) {
      const fa = figuresOf(a);
      const fb = figuresOf(b);
      for (const figure of Object.keys(fa) as FigureChange['figure'][]) {
        if (fa[figure] !== fb[figure]) {
          figures.push({ accountId: id, figure, before: fa[figure], after: fb[figure] });
        }
      }
    }
  }
  const all = (view: SessionView, of: (a: AccountView) => readonly string[]) =>
    view.accounts.flatMap(of);
  const beforeFraud = new Map(
    before.accounts.flatMap((a) => a.fraudItems).map((f) => [fraudKey(f), f]),
  );
  const afterFraud = new Map(
    after.accounts.flatMap((a) => a.fraudItems).map((f) => [fraudKey(f), f]),
  );
  return {
    transactions,
    accounts: setDiff(beforeAccounts.keys(), afterAccounts.keys()),
    statements: setDiff(
      all(before, (a) => a.details.statements),
      all(after, (a) => a.details.statements),
    ),
    months: setDiff(
      all(before, (a) => a.details.months.map((m) => `${a.accountId} ${m}`)),
      all(after, (a) => a.details.months.map((m) => `${a.accountId} ${m}`)),
    ),
    fraud: {
      appeared: [...afterFraud].filter(([k]) => !beforeFraud.has(k)).map(([, f]) => fraudRef(f)),
      cleared: [...beforeFraud].filter(([k]) => !afterFraud.has(k)).map(([, f]) => fraudRef(f)),
    },
    figures,
  };
}

/** True when the two snapshots hold the same data in every compared respect. */
export function isEmptyDiff(d: SnapshotDiff): boolean {
  return (
    d.transactions.added.length === 0 &&
    d.transactions.removed.length === 0 &&
    d.transactions.changed.length === 0 &&
    d.accounts.added.length + d.accounts.removed.length === 0 &&
    d.statements.added.length + d.statements.removed.length === 0 &&
    d.months.added.length + d.months.removed.length === 0 &&
    d.fraud.appeared.length + d.fraud.cleared.length === 0 &&
    d.figures.length === 0
  );
}
