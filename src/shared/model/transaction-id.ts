// Contract 5, transaction identity: a transaction's stable key is FinBox's `hash`, or, when
// the API sent none, an id derived from what the transaction says (account, date, type,
// amount, balance, narration, reference) and how many identical ones came before it in the
// same account. The same response always gives the same ids, and a refetch that adds
// other transactions leaves them unchanged. Derived ids start with `derived-` and the
// view marks them (`hashDerived`), so they are never shown as FinBox's.
import type { TransactionView } from './view-model';

export const DERIVED_ID_PREFIX = 'derived-';

/** The key reviewers, exclusions and fraud links name a transaction by. */
export function transactionKey(t: Pick<TransactionView, 'hash'>): string {
  return t.hash;
}

export function isDerivedKey(t: Pick<TransactionView, 'hashDerived'>): boolean {
  return t.hashDerived;
}

// Two 32-bit FNV-1a lanes with different offsets: 64 bits, enough that two different
// transactions of one account do not collide in practice. Pure TS (shared has no crypto).
function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

export interface DerivedIdFields {
  readonly accountId: string;
  readonly date: string;
  readonly type: string;
  readonly amount: number;
  readonly balance: number | null;
  readonly narration: string;
  readonly ref: string;
}

/** Numbers identical transactions in one account so each still gets its own id. */
export class DerivedIds {
  private readonly seen = new Map<string, number>();
  next(f: DerivedIdFields): string {
    const content = [
      f.accountId,
      f.date,
      f.type,
      Math.round(f.amount * 100),
      f.balance === null ? '' : Math.round(f.balance * 100),
      f.narration,
      f.ref,
    ].join('\u0000');
    const n = this.seen.get(content) ?? 0;
    this.seen.set(content, n + 1);
    return `${DERIVED_ID_PREFIX}${hash64(`${content}\u0000${n}`)}`;
  }
}
