// The catalogue's rows of one snapshot, from its normalised view as the report reads it:
// the local catalogue (SQLite) and the team library (PostgreSQL) write the same rows, so
// a key in one is a key in the other.
import { accountKey, partiesOf, type Party } from '@shared/catalogue/parties';
import { channelName } from '@shared/format/channel-names';
import { toPaise } from '@shared/model/money';
import { transactionKey } from '@shared/model/transaction-id';
import type { SessionView } from '@shared/model/view-model';

export interface AccountRow {
  readonly accountId: string;
  readonly accountNumber: string | null;
  /** accountKey() of the number: null when masked. */
  readonly accountKey: string | null;
  readonly bank: string | null;
  readonly ifsc: string | null;
  readonly holder: string | null;
}

export interface TransactionRow {
  readonly accountId: string;
  readonly key: string;
  readonly date: string;
  readonly type: string;
  readonly amountPaise: number;
  readonly narration: string;
  /** What a search finds it by besides the narration: ref, channel (as sent and by name),
   * category, description ("EMI" finds "Loan EMI"). */
  readonly details: string;
  /** Every party the transaction names. */
  readonly parties: readonly Party[];
}

export function accountRows(view: SessionView): AccountRow[] {
  return view.accounts.map((account) => {
    const d = account.details;
    return {
      accountId: account.accountId,
      accountNumber: d.accountNumber,
      accountKey: d.accountNumber ? accountKey(d.accountNumber) : null,
      bank: d.bank,
      ifsc: d.ifsc,
      holder: d.holderName,
    };
  });
}

/** One transaction at a time (a caller may yield between them). */
export function* transactionRows(view: SessionView): Generator<TransactionRow> {
  for (const account of view.accounts) {
    for (const t of account.transactions) {
      yield {
        accountId: account.accountId,
        key: transactionKey(t),
        date: t.date,
        type: t.type,
        amountPaise: toPaise(t.amount),
        narration: t.narration,
        details: [t.ref, t.channel, channelName(t.channel), t.category, t.description]
          .filter((part) => part !== '')
          .join(' '),
        parties: partiesOf(t),
      };
    }
  }
}

/** Each party of a snapshot once, with how many of its transactions name it. */
export class PartyTally {
  private readonly seen = new Map<string, { party: Party; count: number }>();

  add(parties: readonly Party[]): void {
    for (const party of parties) {
      const id = `${party.kind}\u0000${party.key}`;
      const known = this.seen.get(id);
      if (known) known.count++;
      else this.seen.set(id, { party, count: 1 });
    }
  }

  rows(): { readonly party: Party; readonly count: number }[] {
    return [...this.seen.values()];
  }
}
