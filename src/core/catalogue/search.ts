// Searching the catalogue: the text as a party (counterparty name, UPI handle, account
// number, IFSC) and as words of the narration or the other text (ref, channel, category,
// description), with an exact amount and a date range; matches
// grouped by session, each transaction once however many snapshots of it hold it.
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import { counterpartyKey } from '@shared/insights/counterparty';
import { accountKey, ifscKey, upiKey } from '@shared/catalogue/parties';
import type {
  CatalogueHit,
  CatalogueQuery,
  CatalogueSessionHits,
  MatchedBy,
} from '@shared/catalogue/types';
import type { TransactionType } from '@shared/model/view-model';

export const DEFAULT_SEARCH_LIMIT = 1000;

/** How a match is named when a transaction matched several ways: the most telling. */
const VIA_ORDER: readonly MatchedBy[] = ['upi', 'account', 'ifsc', 'name', 'narration', 'details'];

export function rankOf(via: MatchedBy): number {
  return VIA_ORDER.indexOf(via);
}

/** One matching transaction as a catalogue (local or the team's) finds it. */
export interface HitRow {
  session_id: string;
  snapshot_id: string;
  fetched_at: string;
  account_id: string;
  tx_key: string;
  date: string;
  type: string;
  amount_paise: number;
  narration: string;
  via?: string;
  rank?: number;
}

/** The words of typed text a narration is searched by: letters, digits and @._/- kept. */
export function narrationWords(text: string): string[] {
  return text
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}@._/-]/gu, ''))
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/** Narration words as an FTS5 query, each quoted (never FTS syntax). */
export function ftsQuery(text: string): string | null {
  const words = narrationWords(text);
  if (words.length === 0) return null;
  // Whole words, the last one also as the start of a word (as it is typed): a prefix
  // costs a merge of every word it starts, so only the last is one.
  return words
    .map((w, i) => `"${w.replace(/"/g, '""')}"${i === words.length - 1 ? '*' : ''}`)
    .join(' ');
}

/** The party lookups the text stands for: [kind, key, prefix?]. */
export type PartyTerm = { kind: MatchedBy; key: string; prefix: boolean };

export function partyTerms(text: string): PartyTerm[] {
  const terms: PartyTerm[] = [];
  const upi = upiKey(text);
  if (upi) terms.push({ kind: 'upi', key: upi, prefix: false });
  const ifsc = ifscKey(text);
  if (ifsc) terms.push({ kind: 'ifsc', key: ifsc, prefix: false });
  const account = accountKey(text);
  if (account) terms.push({ kind: 'account', key: account, prefix: false });
  if (!upi && !ifsc && !account) {
    const name = counterpartyKey(text);
    if (name.length >= 2) terms.push({ kind: 'name', key: name, prefix: true });
  }
  return terms;
}

function filters(query: CatalogueQuery, params: SQLInputValue[]): string {
  const where: string[] = [];
  if (query.amountPaise !== null) {
    where.push('t.amount_paise = ?');
    params.push(query.amountPaise);
  }
  if (query.from) {
    where.push('t.date >= ?');
    params.push(query.from);
  }
  if (query.to) {
    where.push('t.date <= ?');
    params.push(query.to);
  }
  return where.join(' AND ');
}

const SELECTED = `s.session_id, s.snapshot_id, s.fetched_at, t.account_id, t.tx_key, t.date,
  t.type, t.amount_paise, t.narration`;

/** The matching rows (at most `limit`), and whether there were more. */
function findRows(
  db: DatabaseSync,
  query: CatalogueQuery,
  limit: number,
): { rows: HitRow[]; more: boolean } {
  const params: SQLInputValue[] = [];
  const terms = partyTerms(query.text);
  const fts = query.text ? ftsQuery(query.text) : null;
  if (query.text && terms.length === 0 && !fts) return { rows: [], more: false };
  if (!query.text) {
    const where = filters(query, params);
    const via = query.amountPaise !== null ? 'amount' : 'date';
    params.push(limit + 1);
    const rows = db
      .prepare(
        `SELECT ${SELECTED}, '${via}' AS via FROM transactions t JOIN snapshots s ON s.id = t.snapshot
         WHERE ${where} LIMIT ?`,
      )
      .all(...params) as unknown as HitRow[];
    return { rows: rows.slice(0, limit), more: rows.length > limit };
  }
  // Each way the text can match is one index lookup ("arm"), each stopped at limit + 1
  // rows (the filters applied inside it), so a common word costs what it lists, not what
  // it matches; the arms' ids are merged here, each transaction once, its best match kept.
  const arms: { sql: string; params: SQLInputValue[]; rank: number }[] = [];
  for (const term of terms) {
    arms.push(
      term.prefix
        ? {
            sql: 'SELECT p.tx AS tx FROM parties p %JOIN% WHERE p.kind = ? AND p.key >= ? AND p.key < ?',
            params: [term.kind, term.key, `${term.key}\u{10ffff}`],
            rank: rankOf(term.kind),
          }
        : {
            sql: 'SELECT p.tx AS tx FROM parties p %JOIN% WHERE p.kind = ? AND p.key = ?',
            params: [term.kind, term.key],
            rank: rankOf(term.kind),
          },
    );
  }
  if (fts) {
    // Every word in the narration, or every word in the other text (ref, channel,
    // category, description): "EMI" finds a debit categorised "Loan EMI".
    for (const column of ['narration', 'details'] as const) {
      arms.push({
        sql: 'SELECT narrations.rowid AS tx FROM narrations %JOIN% WHERE narrations MATCH ?',
        params: [`{${column}} : (${fts})`],
        rank: rankOf(column),
      });
    }
  }
  const where = filters(query, params);
  const best = new Map<number, number>();
  let more = false;
  for (const arm of arms) {
    const on = arm.sql.includes('narrations.rowid') ? 'narrations.rowid' : 'p.tx';
    const joined = where
      ? `${arm.sql.replace('%JOIN%', `JOIN transactions t ON t.id = ${on}`)} AND ${where}`
      : arm.sql.replace('%JOIN% ', '');
    const ids = db.prepare(`${joined} LIMIT ?`).all(...arm.params, ...params, limit + 1) as {
      tx: number;
    }[];
    if (ids.length > limit) more = true;
    for (const { tx } of ids) {
      const known = best.get(tx);
      if (known === undefined || arm.rank < known) best.set(tx, arm.rank);
    }
  }
  const ids = [...best.keys()];
  const rows = db
    .prepare(
      `SELECT t.id, ${SELECTED} FROM transactions t JOIN snapshots s ON s.id = t.snapshot
       WHERE t.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids.slice(0, limit))) as unknown as (HitRow & { id: number })[];
  return {
    rows: rows.map((r) => ({ ...r, rank: best.get(r.id)! })),
    more: more || ids.length > limit,
  };
}

/** Account numbers of an applicant that the text names, per session. */
function applicantAccounts(db: DatabaseSync, text: string): Map<string, string[]> {
  const key = accountKey(text);
  const out = new Map<string, string[]>();
  if (!key) return out;
  const rows = db
    .prepare(
      `SELECT DISTINCT s.session_id, a.account_number FROM accounts a
       JOIN snapshots s ON s.id = a.snapshot WHERE a.account_key = ?`,
    )
    .all(key) as { session_id: string; account_number: string }[];
  for (const r of rows) out.set(r.session_id, [...(out.get(r.session_id) ?? []), r.account_number]);
  return out;
}

export interface FoundHits {
  readonly sessions: CatalogueSessionHits[];
  readonly hitCount: number;
  readonly truncated: boolean;
}

export function searchCatalogue(
  db: DatabaseSync,
  query: CatalogueQuery,
  limit = DEFAULT_SEARCH_LIMIT,
): FoundHits {
  const { rows, more: truncated } = findRows(db, query, limit);
  const newest = db.prepare(
    'SELECT snapshot_id FROM snapshots WHERE session_id = ? ORDER BY fetched_at DESC, snapshot_id DESC LIMIT 1',
  );
  const holders = db.prepare(
    `SELECT h.name FROM holders h JOIN snapshots s ON s.id = h.snapshot
     WHERE s.session_id = ? AND s.snapshot_id = ?`,
  );
  return {
    ...groupHits(rows, applicantAccounts(db, query.text), {
      newestSnapshot: (sessionId) => (newest.get(sessionId) as { snapshot_id: string }).snapshot_id,
      holderNames: (sessionId, snapshotId) =>
        (holders.all(sessionId, snapshotId) as { name: string }[]).map((h) => h.name),
    }),
    truncated,
  };
}

export interface GroupLookups {
  /** The newest snapshot of a session (one the text names as the applicant's). */
  newestSnapshot(sessionId: string): string;
  holderNames(sessionId: string, snapshotId: string): readonly string[];
}

/**
 * Matching rows grouped by session, each transaction once (kept from the newest snapshot
 * holding it), and the sessions whose applicant the text names: the result's one shape.
 */
export function groupHits(
  rows: HitRow[],
  applicants: ReadonlyMap<string, string[]>,
  lookups: GroupLookups,
): Omit<FoundHits, 'truncated'> {
  // Newest snapshot first, so each transaction is kept from the newest snapshot holding it.
  rows.sort((a, b) =>
    a.fetched_at !== b.fetched_at
      ? a.fetched_at < b.fetched_at
        ? 1
        : -1
      : a.snapshot_id < b.snapshot_id
        ? 1
        : -1,
  );
  // A transaction is named by its key (the API's hash) across snapshots, but keys are not
  // unique inside one: every row of the snapshot that first gives a key is a transaction
  // of its own; the same key from an older snapshot is the same transaction again.
  const bySession = new Map<
    string,
    { snapshotId: string; hits: CatalogueHit[]; keyFrom: Map<string, string> }
  >();
  for (const r of rows) {
    let group = bySession.get(r.session_id);
    if (!group) {
      group = { snapshotId: r.snapshot_id, hits: [], keyFrom: new Map() };
      bySession.set(r.session_id, group);
    }
    const id = `${r.account_id}\u0000${r.tx_key}`;
    const from = group.keyFrom.get(id);
    if (from !== undefined && from !== r.snapshot_id) continue;
    group.keyFrom.set(id, r.snapshot_id);
    group.hits.push({
      snapshotId: r.snapshot_id,
      accountId: r.account_id,
      key: r.tx_key,
      date: r.date,
      type: r.type as TransactionType,
      amountPaise: r.amount_paise,
      narration: r.narration,
      matchedBy: r.rank !== undefined ? VIA_ORDER[r.rank]! : (r.via as MatchedBy),
    });
  }
  for (const sessionId of applicants.keys()) {
    if (!bySession.has(sessionId)) {
      bySession.set(sessionId, {
        snapshotId: lookups.newestSnapshot(sessionId),
        hits: [],
        keyFrom: new Map(),
      });
    }
  }
  const sessions: CatalogueSessionHits[] = [];
  let hitCount = 0;
  for (const [sessionId, group] of bySession) {
    const hits = [...group.hits].sort(
      (a, b) =>
        (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
        VIA_ORDER.indexOf(a.matchedBy) - VIA_ORDER.indexOf(b.matchedBy),
    );
    hitCount += hits.length;
    sessions.push({
      sessionId,
      snapshotId: group.snapshotId,
      holderNames: lookups.holderNames(sessionId, group.snapshotId),
      applicantAccounts: applicants.get(sessionId) ?? [],
      hits,
    });
  }
  sessions.sort(
    (a, b) =>
      b.applicantAccounts.length - a.applicantAccounts.length ||
      b.hits.length - a.hits.length ||
      (a.sessionId < b.sessionId ? -1 : 1),
  );
  return { sessions, hitCount };
}
