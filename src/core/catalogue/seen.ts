// "Seen elsewhere": the parties of one session (its counterparties' names, UPI handles and
// account numbers, and its own account numbers) looked up in the other saved sessions.
import type { DatabaseSync } from 'node:sqlite';
import { accountKey, partiesOf, type Party } from '@shared/catalogue/parties';
import type { SeenMatch, SeenRelation, SeenSession } from '@shared/catalogue/types';
import type { SessionView } from '@shared/model/view-model';

type SeenKind = SeenMatch['kind'];

/** The session's distinct parties (not IFSCs: a branch is no party) and own account keys. */
export function partiesOfView(view: SessionView): {
  parties: Party[];
  ownAccounts: { key: string; label: string }[];
} {
  const parties = new Map<string, Party>();
  for (const account of view.accounts) {
    for (const t of account.transactions) {
      for (const p of partiesOf(t)) {
        if (p.kind !== 'ifsc' && !parties.has(`${p.kind}\u0000${p.key}`))
          parties.set(`${p.kind}\u0000${p.key}`, p);
      }
    }
  }
  const ownAccounts = new Map<string, string>();
  for (const account of view.accounts) {
    const number = account.details.accountNumber;
    const key = number ? accountKey(number) : null;
    if (key) ownAccounts.set(key, number!);
  }
  return {
    parties: [...parties.values()],
    ownAccounts: [...ownAccounts].map(([key, label]) => ({ key, label })),
  };
}

export function seenElsewhere(db: DatabaseSync, sessionId: string, view: SessionView): SeenMatch[] {
  const asParty = db.prepare(
    `SELECT DISTINCT s.session_id FROM snapshot_parties p JOIN snapshots s ON s.id = p.snapshot
     WHERE p.kind = ? AND p.key = ? AND s.session_id <> ?`,
  );
  const asApplicant = db.prepare(
    `SELECT DISTINCT s.session_id FROM accounts a JOIN snapshots s ON s.id = a.snapshot
     WHERE a.account_key = ? AND s.session_id <> ?`,
  );
  const holders = db.prepare(
    `SELECT DISTINCT h.name FROM holders h JOIN snapshots s ON s.id = h.snapshot
     WHERE s.session_id = ? AND s.fetched_at = (SELECT max(fetched_at) FROM snapshots WHERE session_id = ?)`,
  );
  const ids = (rows: unknown[]): string[] =>
    (rows as { session_id: string }[]).map((r) => r.session_id);
  return seenMatches(partiesOfView(view), {
    asParty: (kind, key) => ids(asParty.all(kind, key, sessionId)),
    asApplicant: (key) => ids(asApplicant.all(key, sessionId)),
    session: (id) => ({
      sessionId: id,
      holderNames: (holders.all(id, id) as { name: string }[]).map((h) => h.name),
    }),
  });
}

export interface SeenLookups {
  /** The other sessions naming this party. */
  asParty(kind: string, key: string): readonly string[];
  /** The other sessions whose applicant owns this account. */
  asApplicant(key: string): readonly string[];
  session(id: string): SeenSession;
}

/** The matches of a session's parties, in the one order every catalogue shows them. */
export function seenMatches(
  { parties, ownAccounts }: ReturnType<typeof partiesOfView>,
  lookups: SeenLookups,
): SeenMatch[] {
  const sessionCache = new Map<string, SeenSession>();
  const sessionOf = (id: string): SeenSession => {
    let known = sessionCache.get(id);
    if (!known) {
      known = lookups.session(id);
      sessionCache.set(id, known);
    }
    return known;
  };
  const ids = (found: readonly string[]): string[] => [...new Set(found)].sort();
  const matches: SeenMatch[] = [];
  const push = (
    kind: SeenKind,
    key: string,
    label: string,
    relation: SeenRelation,
    found: string[],
  ) => {
    if (found.length > 0)
      matches.push({ kind, key, label, relation, sessions: found.map(sessionOf) });
  };
  for (const p of parties) {
    const kind = p.kind as SeenKind;
    push(kind, p.key, p.label, 'counterparty', ids(lookups.asParty(p.kind, p.key)));
    if (kind === 'account') {
      push(kind, p.key, p.label, 'applicant-there', ids(lookups.asApplicant(p.key)));
    }
  }
  for (const own of ownAccounts) {
    push('account', own.key, own.label, 'applicant-here', ids(lookups.asParty('account', own.key)));
  }
  // An applicant's own account seen elsewhere first, then handles and numbers (which name
  // one party), then names; most other sessions first within each.
  const rank = (m: SeenMatch) =>
    (m.relation === 'counterparty' ? 3 : 0) + (m.kind === 'name' ? 2 : m.kind === 'upi' ? 1 : 0);
  return matches.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      b.sessions.length - a.sessions.length ||
      (a.label < b.label ? -1 : a.label > b.label ? 1 : 0),
  );
}
