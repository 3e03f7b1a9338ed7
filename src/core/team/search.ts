// Searching the whole book: the local catalogue's query language and result shape, run
// against the team library's rows (PostgreSQL full-text search on narrations, trigram and
// B-tree indexes on parties), over the cases this login may read (row-level security), each
// result saying whose case it is and which branch.
import type {
  CatalogueQuery,
  CatalogueSearchResult,
  SeenElsewhere,
  TeamCaseLabel,
} from '@shared/catalogue/types';
import type { SessionView } from '@shared/model/view-model';
import {
  DEFAULT_SEARCH_LIMIT,
  groupHits,
  narrationWords,
  partyTerms,
  rankOf,
  type HitRow,
} from '../catalogue/search';
import { partiesOfView, seenMatches } from '../catalogue/seen';
import { accountKey } from '@shared/catalogue/parties';
import type { TeamDb } from './connect';
import { reportAction } from './audit';

/** Narration words as a tsquery: each a quoted lexeme, the last also as a prefix. */
export function tsQuery(text: string): string | null {
  const words = narrationWords(text);
  if (words.length === 0) return null;
  return words
    .map((w, i) => `'${w.toLowerCase()}'${i === words.length - 1 ? ':*' : ''}`)
    .join(' & ');
}

/** LIKE's wildcards in a key taken literally. */
const likePrefix = (key: string) => `${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const SELECTED = `t.session_id, s.snapshot_id, s.fetched_at, t.account_id, t.tx_key, t.date,
  t.type, t.amount_paise::float8 AS amount_paise, t.narration`;

function filters(query: CatalogueQuery, params: unknown[]): string {
  const where: string[] = [];
  if (query.amountPaise !== null) {
    params.push(query.amountPaise);
    where.push(`t.amount_paise = $${params.length}`);
  }
  if (query.from) {
    params.push(query.from);
    where.push(`t.date >= $${params.length}`);
  }
  if (query.to) {
    params.push(query.to);
    where.push(`t.date <= $${params.length}`);
  }
  return where.join(' AND ');
}

async function findRows(
  db: TeamDb,
  query: CatalogueQuery,
  limit: number,
): Promise<{ rows: HitRow[]; more: boolean }> {
  const terms = partyTerms(query.text);
  const fts = query.text ? tsQuery(query.text) : null;
  if (query.text && terms.length === 0 && !fts) return { rows: [], more: false };
  if (!query.text) {
    const params: unknown[] = [];
    const where = filters(query, params);
    const via = query.amountPaise !== null ? 'amount' : 'date';
    params.push(limit + 1);
    const rows = await db.query<HitRow>(
      `SELECT ${SELECTED}, '${via}' AS via FROM bcv.transactions t JOIN bcv.snapshots s ON s.id = t.snapshot
       WHERE ${where} LIMIT $${params.length}`,
      params,
    );
    return { rows: rows.slice(0, limit), more: rows.length > limit };
  }
  // As the local catalogue: one index lookup per way the text can match, each stopped at
  // limit + 1, merged here with each transaction's best match. The lookups are the server's
  // (bcv.search_ids: its indexes serve them, for the cases this login reads).
  const best = new Map<string, number>();
  let more = false;
  const arms: { arm: string; kind: string | null; term: string; rank: number }[] = [];
  for (const term of terms) {
    arms.push(
      term.prefix
        ? {
            arm: 'party-prefix',
            kind: term.kind,
            term: likePrefix(term.key),
            rank: rankOf(term.kind),
          }
        : { arm: 'party', kind: term.kind, term: term.key, rank: rankOf(term.kind) },
    );
  }
  if (fts) {
    for (const column of ['narration', 'details'] as const) {
      arms.push({ arm: column, kind: null, term: fts, rank: rankOf(column) });
    }
  }
  for (const arm of arms) {
    // A full page is what is listed: an arm that can only add rows past it, or name a row
    // by a match no better than the one it has, changes nothing the answer shows.
    if (best.size > limit && arm.rank >= Math.max(...[...best.values()].slice(0, limit))) continue;
    const ids = await db.query<{ id: string }>(
      'SELECT id::text AS id FROM bcv.search_ids($1, $2, $3, $4, $5, $6, $7) AS id',
      [arm.arm, arm.kind, arm.term, query.amountPaise, query.from, query.to, limit + 1],
    );
    if (ids.length > limit) more = true;
    for (const { id } of ids) {
      const known = best.get(id);
      if (known === undefined || arm.rank < known) best.set(id, arm.rank);
    }
  }
  const ids = [...best.keys()];
  const rows = await db.query<HitRow & { id: string }>(
    `SELECT t.id::text AS id, ${SELECTED} FROM bcv.transactions t JOIN bcv.snapshots s ON s.id = t.snapshot
     WHERE t.id = ANY($1::bigint[])`,
    [ids.slice(0, limit)],
  );
  return {
    rows: rows.map((r) => ({ ...r, rank: best.get(r.id)! })),
    more: more || ids.length > limit,
  };
}

async function caseLabels(db: TeamDb, ids: readonly string[]) {
  const rows = await db.query<{
    session_id: string;
    owner: string;
    team: string;
    branch: string;
    holder_names: string[];
  }>(
    'SELECT session_id, owner, team, branch, holder_names FROM bcv.cases WHERE session_id = ANY($1::text[])',
    [ids],
  );
  return new Map(rows.map((r) => [r.session_id, r]));
}

export interface TeamSearchResult extends CatalogueSearchResult {
  readonly sessions: readonly (CatalogueSearchResult['sessions'][number] & {
    readonly team: TeamCaseLabel;
  })[];
}

/** `db` is where the rows are read (a replica may serve); `audit`, where the search is recorded. */
export async function searchTeam(
  db: TeamDb,
  query: CatalogueQuery,
  limit = DEFAULT_SEARCH_LIMIT,
  audit: TeamDb = db,
): Promise<TeamSearchResult> {
  const { rows, more } = await findRows(db, query, limit);
  const applicants = new Map<string, string[]>();
  const key = accountKey(query.text);
  if (key) {
    const found = await db.query<{ session_id: string; account_number: string }>(
      'SELECT DISTINCT session_id, account_number FROM bcv.accounts WHERE account_key = $1',
      [key],
    );
    for (const r of found) {
      applicants.set(r.session_id, [...(applicants.get(r.session_id) ?? []), r.account_number]);
    }
  }
  const sessionIds = [...new Set([...rows.map((r) => r.session_id), ...applicants.keys()])];
  const snapshots = await db.query<{ session_id: string; snapshot_id: string; holders: string[] }>(
    `SELECT s.session_id, s.snapshot_id, coalesce(array_agg(h.name) FILTER (WHERE h.name IS NOT NULL), '{}') AS holders
     FROM bcv.snapshots s LEFT JOIN bcv.holders h ON h.snapshot = s.id
     WHERE s.session_id = ANY($1::text[]) GROUP BY s.id, s.session_id, s.snapshot_id, s.fetched_at
     ORDER BY s.fetched_at DESC, s.snapshot_id DESC`,
    [sessionIds],
  );
  const holders = new Map(snapshots.map((s) => [`${s.session_id}/${s.snapshot_id}`, s.holders]));
  const newest = new Map<string, string>();
  for (const s of snapshots) if (!newest.has(s.session_id)) newest.set(s.session_id, s.snapshot_id);
  const grouped = groupHits(rows, applicants, {
    newestSnapshot: (id) => newest.get(id)!,
    holderNames: (id, snapshot) => holders.get(`${id}/${snapshot}`) ?? [],
  });
  const labels = await caseLabels(db, sessionIds);
  const [{ n }] = (await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM bcv.cases WHERE state <> 'purged'",
  )) as [{ n: number }];
  await reportAction(audit, 'search', null, {
    text: query.text,
    amountPaise: query.amountPaise,
    from: query.from,
    to: query.to,
    found: grouped.sessions.length,
  });
  return {
    sessions: grouped.sessions.map((s) => {
      const label = labels.get(s.sessionId)!;
      return { ...s, team: { owner: label.owner, team: label.team, branch: label.branch } };
    }),
    hitCount: grouped.hitCount,
    truncated: more,
    limit,
    sessionCount: n,
    unreadable: [],
  };
}

/** The parties of a session (on screen, saved or not) found in the team's other cases. */
export async function seenInTeam(
  db: TeamDb,
  sessionId: string,
  view: SessionView,
): Promise<SeenElsewhere> {
  const parties = partiesOfView(view);
  const asPartyKeys = [
    ...parties.parties.map((p) => [p.kind, p.key] as const),
    ...parties.ownAccounts.map((a) => ['account', a.key] as const),
  ];
  // One row a case naming the party (bcv.party_cases): each party's cases read from the index
  // in turn, with nothing to sort (grouping them all would sort the whole answer, a common
  // name's cases running to thousands), as JSON (the driver parses it natively).
  const asParty = await db.query<{ kind: string; key: string; sessions: string[] }>(
    `SELECT u.kind, u.key, s.sessions FROM unnest($1::text[], $2::text[]) AS u(kind, key)
     CROSS JOIN LATERAL (SELECT json_agg(p.session_id) AS sessions FROM bcv.party_cases p
       WHERE p.kind = u.kind AND p.key = u.key AND p.session_id <> $3) s
     WHERE s.sessions IS NOT NULL`,
    [asPartyKeys.map((k) => k[0]), asPartyKeys.map((k) => k[1]), sessionId],
  );
  const accountKeys = parties.parties.filter((p) => p.kind === 'account').map((p) => p.key);
  const asApplicant = await db.query<{ key: string; sessions: string[] }>(
    `SELECT account_key AS key, array_agg(DISTINCT session_id) AS sessions FROM bcv.accounts
     WHERE account_key = ANY($1::text[]) AND session_id <> $2 GROUP BY account_key`,
    [accountKeys, sessionId],
  );
  const partyMap = new Map(asParty.map((r) => [`${r.kind}\u0000${r.key}`, r.sessions]));
  const applicantMap = new Map(asApplicant.map((r) => [r.key, r.sessions]));
  const ids = [...new Set([...asParty, ...asApplicant].flatMap((r) => r.sessions))];
  const labels = await caseLabels(db, ids);
  const matches = seenMatches(parties, {
    asParty: (kind, key) => partyMap.get(`${kind}\u0000${key}`) ?? [],
    asApplicant: (key) => applicantMap.get(key) ?? [],
    session: (id) => {
      const label = labels.get(id)!;
      return {
        sessionId: id,
        holderNames: label.holder_names,
        team: { owner: label.owner, team: label.team, branch: label.branch },
      };
    },
  });
  return { sessionId, matches };
}
