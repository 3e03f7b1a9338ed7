// Publishing a saved snapshot to the team library and opening a team case into the local
// library. What goes up: the .bcsession file's bytes as stored (the server checks their
// SHA-256 and keeps each file once), the snapshot's index facts, the catalogue rows the
// book is searched by, and the review's events. What comes down: the same bytes, checked
// again, imported like any .bcsession file, and the review merged by events.
import { emptyReview, parseReviewDocument, type ReviewDocument } from '@shared/review/document';
import type { Library } from '../library/store';
import type { ReviewStore } from '../review/store';
import { accountRows, PartyTally, transactionRows, type TransactionRow } from '../catalogue/rows';
import { sessionViewOf } from '@shared/model/normalize';
import type { TeamDb } from './connect';
import { TeamError } from './team-errors';
import { readTeamMark, teamMarks, writeTeamMark } from './local-mark';
import { whoAmI } from './schema';
import { reportAction } from './audit';
import { keepDecisionChain } from './decision-chain';
import { keptReports, readKeptReport, writeKeptReports } from '../library/kept-reports';
import { sha256OfBytes } from '../library/format';

/** Rows sent per statement: large snapshots go up in slices. */
const SLICE = 5000;

export interface TeamCase {
  readonly sessionId: string;
  readonly team: string;
  readonly branch: string;
  readonly owner: string;
  readonly assignedTo: string | null;
  readonly state: 'open' | 'submitted' | 'decided' | 'purged';
  readonly holderNames: readonly string[];
  readonly publishedAt: string;
}

interface CaseRow {
  session_id: string;
  team: string;
  branch: string;
  owner: string;
  assigned_to: string | null;
  state: TeamCase['state'];
  holder_names: string[];
  published_at: Date;
}

const caseOf = (r: CaseRow): TeamCase => ({
  sessionId: r.session_id,
  team: r.team,
  branch: r.branch,
  owner: r.owner,
  assignedTo: r.assigned_to,
  state: r.state,
  holderNames: r.holder_names,
  publishedAt: r.published_at.toISOString(),
});

const CASE_COLUMNS =
  'session_id, team, branch, owner, assigned_to, state, holder_names, published_at';

/** The cases this login may read (the server's row-level security decides which). */
export async function listCases(db: TeamDb): Promise<TeamCase[]> {
  const rows = await db.query<CaseRow>(
    `SELECT ${CASE_COLUMNS} FROM bcv.cases ORDER BY published_at DESC, session_id`,
  );
  return rows.map(caseOf);
}

export async function findCase(db: TeamDb, sessionId: string): Promise<TeamCase> {
  const [row] = await db.query<CaseRow>(
    `SELECT ${CASE_COLUMNS} FROM bcv.cases WHERE session_id = $1`,
    [sessionId],
  );
  if (!row) {
    throw new TeamError(
      'TEAM_NOT_FOUND',
      `The team library has no case ${sessionId} that you may read`,
    );
  }
  return caseOf(row);
}

const serverName = (db: { server?: { host: string; port: number; database: string } }) =>
  db.server ? `${db.server.host}:${db.server.port}/${db.server.database}` : 'team server';

export interface PublishOutcome {
  readonly sessionId: string;
  readonly snapshotId: string;
  readonly fileSha256: string;
  /** False when this snapshot was in the team library already (nothing sent again). */
  readonly published: boolean;
  /** False when the team library held these bytes already (from any case). */
  readonly fileStored: boolean;
  readonly transactions: number;
  readonly reviewSent: number;
  /** FinBox's own report files kept with the snapshot, sent with it. */
  readonly reportsSent: number;
}

async function insertTransactions(
  db: TeamDb,
  snapshot: number,
  sessionId: string,
  rows: readonly TransactionRow[],
): Promise<void> {
  const ids = (
    await db.query<{ id: string }>(
      "SELECT nextval('bcv.transactions_id_seq')::text AS id FROM generate_series(1, $1)",
      [rows.length],
    )
  ).map((r) => r.id);
  await db.query(
    `INSERT INTO bcv.transactions (id, snapshot, session_id, account_id, tx_key, date, type, amount_paise, narration, details)
     SELECT u.id, $1, $2, u.account_id, u.tx_key, u.date, u.type, u.amount_paise, u.narration, u.details
     FROM unnest($3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::text[], $10::text[])
       AS u(id, account_id, tx_key, date, type, amount_paise, narration, details)`,
    [
      snapshot,
      sessionId,
      ids,
      rows.map((r) => r.accountId),
      rows.map((r) => r.key),
      rows.map((r) => r.date),
      rows.map((r) => r.type),
      rows.map((r) => String(r.amountPaise)),
      rows.map((r) => r.narration),
      rows.map((r) => r.details),
    ],
  );
  const partyTx: string[] = [];
  const dates: string[] = [];
  const kinds: string[] = [];
  const keys: string[] = [];
  rows.forEach((r, i) => {
    for (const p of r.parties) {
      partyTx.push(ids[i]!);
      dates.push(r.date);
      kinds.push(p.kind);
      keys.push(p.key);
    }
  });
  if (partyTx.length > 0) {
    await db.query(
      `INSERT INTO bcv.parties (tx, session_id, date, kind, key)
       SELECT u.tx, $1, u.date, u.kind, u.key FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[])
         AS u(tx, date, kind, key)`,
      [sessionId, partyTx, dates, kinds, keys],
    );
  }
}

/** FinBox's report files kept with a snapshot, stored once each and named for it. */
async function sendKeptReports(
  db: TeamDb,
  libraryDir: string,
  sessionId: string,
  snapshotId: string,
  snapshot: number,
): Promise<number> {
  const reports = await keptReports(libraryDir, sessionId, snapshotId);
  for (const [position, report] of reports.entries()) {
    const bytes = await readKeptReport(libraryDir, sessionId, report);
    await db.query('SELECT bcv.store_blob($1, $2)', [report.sha256, bytes]);
    await db.query(
      `INSERT INTO bcv.finbox_reports (snapshot, session_id, position, account_id, file_sha256, kept_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [snapshot, sessionId, position, report.accountId, report.sha256, report.keptAt],
    );
  }
  return reports.length;
}

/** A team snapshot's FinBox report files, checked, kept beside its local copy. */
async function receiveKeptReports(
  db: TeamDb,
  libraryDir: string,
  sessionId: string,
  teamSnapshotId: string,
  localSnapshotId: string,
): Promise<number> {
  if ((await keptReports(libraryDir, sessionId, localSnapshotId)).length > 0) return 0;
  const rows = await db.query<{
    account_id: string | null;
    file_sha256: string;
    kept_at: string;
    bytes: Buffer;
  }>(
    `SELECT r.account_id, r.file_sha256, r.kept_at, b.bytes FROM bcv.finbox_reports r
     JOIN bcv.snapshots s ON s.id = r.snapshot JOIN bcv.blobs b ON b.sha256 = r.file_sha256
     WHERE s.session_id = $1 AND s.snapshot_id = $2 ORDER BY r.position`,
    [sessionId, teamSnapshotId],
  );
  if (rows.length === 0) return 0;
  for (const row of rows) {
    const actual = sha256OfBytes(row.bytes);
    if (actual !== row.file_sha256) {
      throw new TeamError(
        'TEAM_CHECKSUM',
        `FinBox's report of snapshot ${teamSnapshotId} of ${sessionId} from the team server does not match its SHA-256 (${row.file_sha256.slice(0, 12)}…, got ${actual.slice(0, 12)}…): not kept`,
      );
    }
  }
  await writeKeptReports(
    { libraryDir, sessionId, snapshotId: localSnapshotId },
    rows.map((r) => ({ accountId: r.account_id, bytes: r.bytes, keptAt: r.kept_at })),
  );
  return rows.length;
}

/** The events of `document` the server lacks, sent; answers how many were new there. */
async function sendReview(db: TeamDb, document: ReviewDocument): Promise<number> {
  if (document.events.length === 0) return 0;
  const rows = await db.query(
    `INSERT INTO bcv.review_events (session_id, event_id, at, reviewer, change)
     SELECT $1, u.id, u.at, u.reviewer, u.change
     FROM unnest($2::text[], $3::text[], $4::text[], $5::jsonb[]) AS u(id, at, reviewer, change)
     ON CONFLICT (session_id, event_id) DO NOTHING RETURNING event_id`,
    [
      document.sessionId,
      document.events.map((e) => e.id),
      document.events.map((e) => e.at),
      document.events.map((e) => e.reviewer),
      document.events.map((e) => JSON.stringify(e.change)),
    ],
  );
  return rows.length;
}

/** The review's events as the team server holds them (read as data: checked like a file). */
async function receiveReview(db: TeamDb, sessionId: string): Promise<ReviewDocument> {
  const rows = await db.query<{ event_id: string; at: string; reviewer: string; change: unknown }>(
    'SELECT event_id, at, reviewer, change FROM bcv.review_events WHERE session_id = $1',
    [sessionId],
  );
  const events = rows.map((r) => ({
    id: r.event_id,
    at: r.at,
    reviewer: r.reviewer,
    change: r.change,
  }));
  return parseReviewDocument({ ...emptyReview(sessionId), events }, 'The team review');
}

export interface TeamLibraryParts {
  readonly library: Library;
  readonly reviews: ReviewStore;
}

/** Marks a session in the local library as this team's case, once (the first mark stays). */
async function markTeamCase(
  db: Parameters<typeof serverName>[0],
  libraryDir: string,
  teamCase: TeamCase,
): Promise<void> {
  if (await readTeamMark(libraryDir, teamCase.sessionId)) return;
  await writeTeamMark(libraryDir, {
    sessionId: teamCase.sessionId,
    server: serverName(db),
    owner: teamCase.owner,
    team: teamCase.team,
    branch: teamCase.branch,
    since: new Date().toISOString(),
  });
}

/** Publishes a saved snapshot (the newest unless given) with the session's review. */
export async function publishSnapshot(
  db: TeamDb & { server?: { host: string; port: number; database: string } },
  parts: TeamLibraryParts,
  sessionId: string,
  snapshotId?: string,
): Promise<PublishOutcome> {
  const me = await whoAmI(db);
  const { found, bytes } = await parts.library.readSnapshot(sessionId, snapshotId);
  const opened = await parts.library.decodeSnapshot(found, bytes);
  const { record } = found;
  const view = sessionViewOf(
    sessionId,
    opened.sessionStatus,
    opened.subscribedData,
    opened.duplicateKeys,
  );
  const fileSha256 = sha256OfBytes(bytes);
  const document = await parts.reviews.read(sessionId);
  const outcome = await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO bcv.cases (session_id, team, branch, holder_names) VALUES ($1, $2, $3, $4)
       ON CONFLICT (session_id) DO NOTHING`,
      [sessionId, me.team, me.branch, record.holderNames],
    );
    const [{ stored }] = (await tx.query<{ stored: boolean }>(
      'SELECT bcv.store_blob($1, $2) AS stored',
      [fileSha256, bytes],
    )) as [{ stored: boolean }];
    const [inserted] = await tx.query<{ id: string }>(
      `INSERT INTO bcv.snapshots (session_id, snapshot_id, file_sha256, data_sha256, fetched_at, record)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (session_id, snapshot_id) DO NOTHING RETURNING id`,
      [
        sessionId,
        record.snapshotId,
        fileSha256,
        record.sha256,
        record.fetchedAt,
        JSON.stringify(record),
      ],
    );
    let transactions = 0;
    if (inserted) {
      const snapshot = Number(inserted.id);
      for (const name of record.holderNames) {
        await tx.query('INSERT INTO bcv.holders (snapshot, session_id, name) VALUES ($1, $2, $3)', [
          snapshot,
          sessionId,
          name,
        ]);
      }
      const accounts = accountRows(view);
      await tx.query(
        `INSERT INTO bcv.accounts (snapshot, session_id, account_id, account_number, account_key, bank, ifsc, holder)
         SELECT DISTINCT ON (u.account_id) $1, $2, u.* FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
           AS u(account_id, account_number, account_key, bank, ifsc, holder)`,
        [
          snapshot,
          sessionId,
          accounts.map((a) => a.accountId),
          accounts.map((a) => a.accountNumber),
          accounts.map((a) => a.accountKey),
          accounts.map((a) => a.bank),
          accounts.map((a) => a.ifsc),
          accounts.map((a) => a.holder),
        ],
      );
      const tally = new PartyTally();
      let slice: TransactionRow[] = [];
      for (const row of transactionRows(view)) {
        tally.add(row.parties);
        slice.push(row);
        if (slice.length === SLICE) {
          await insertTransactions(tx, snapshot, sessionId, slice);
          transactions += slice.length;
          slice = [];
        }
      }
      if (slice.length > 0) await insertTransactions(tx, snapshot, sessionId, slice);
      transactions += slice.length;
      const parties = tally.rows();
      await tx.query(
        `INSERT INTO bcv.snapshot_parties (snapshot, session_id, kind, key, label, tx_count)
         SELECT $1, $2, u.* FROM unnest($3::text[], $4::text[], $5::text[], $6::int[]) AS u(kind, key, label, n)`,
        [
          snapshot,
          sessionId,
          parties.map((p) => p.party.kind),
          parties.map((p) => p.party.key),
          parties.map((p) => p.party.label),
          parties.map((p) => p.count),
        ],
      );
    } else {
      const [existing] = await tx.query<{ file_sha256: string }>(
        'SELECT file_sha256 FROM bcv.snapshots WHERE session_id = $1 AND snapshot_id = $2',
        [sessionId, record.snapshotId],
      );
      if (existing && existing.file_sha256 !== fileSha256) {
        throw new TeamError(
          'TEAM_CONFLICT',
          `Snapshot ${record.snapshotId} of ${sessionId} is in the team library with other bytes (SHA-256 ${existing.file_sha256.slice(0, 12)}…): not replaced`,
        );
      }
    }
    const reportsSent = inserted
      ? await sendKeptReports(
          tx,
          parts.library.dir,
          sessionId,
          record.snapshotId,
          Number(inserted.id),
        )
      : 0;
    const reviewSent = await sendReview(tx, document);
    return {
      sessionId,
      snapshotId: record.snapshotId,
      fileSha256,
      published: inserted !== undefined,
      fileStored: stored,
      transactions,
      reviewSent,
      reportsSent,
    };
  });
  await markTeamCase(db, parts.library.dir, await findCase(db, sessionId));
  return outcome;
}

export interface OpenOutcome {
  readonly teamCase: TeamCase;
  /** Snapshots brought into the local library now (the rest it had). */
  readonly imported: number;
  readonly snapshots: number;
  /** FinBox's report files brought in with the snapshots. */
  readonly reports: number;
  readonly reviewReceived: number;
  readonly reviewSent: number;
}

/** Brings a team case into the local library (it opens offline from then on). */
export async function openCase(
  db: TeamDb & { server?: { host: string; port: number; database: string } },
  parts: TeamLibraryParts,
  sessionId: string,
): Promise<OpenOutcome> {
  const teamCase = await findCase(db, sessionId);
  if (teamCase.state === 'purged') {
    throw new TeamError(
      'TEAM_NOT_FOUND',
      `Case ${sessionId}'s data was purged under the team's retention policy; its decision and audit trail remain`,
    );
  }
  const rows = await db.query<{
    snapshot_id: string;
    fetched_at: string;
    file_sha256: string;
    bytes: Buffer;
  }>(
    `SELECT s.snapshot_id, s.fetched_at, s.file_sha256, b.bytes FROM bcv.snapshots s
     JOIN bcv.blobs b ON b.sha256 = s.file_sha256 WHERE s.session_id = $1 ORDER BY s.id`,
    [sessionId],
  );
  let imported = 0;
  let reports = 0;
  for (const row of rows) {
    // Checked here too: what the server gives is only what it claims.
    const actual = sha256OfBytes(row.bytes);
    if (actual !== row.file_sha256) {
      throw new TeamError(
        'TEAM_CHECKSUM',
        `Snapshot ${row.snapshot_id} of ${sessionId} from the team server does not match its SHA-256 (${row.file_sha256.slice(0, 12)}…, got ${actual.slice(0, 12)}…): not opened`,
      );
    }
    const outcome = await parts.library.importBytes(
      row.bytes,
      `${row.snapshot_id}.bcsession`,
      row.fetched_at,
    );
    if (!outcome.duplicate) imported++;
    reports += await receiveKeptReports(
      db,
      parts.library.dir,
      sessionId,
      row.snapshot_id,
      outcome.record.snapshotId,
    );
  }
  await markTeamCase(db, parts.library.dir, teamCase);
  const { received, sent } = await syncReview(db, parts.reviews, sessionId);
  await reportAction(db, 'open', sessionId, { snapshots: rows.length, imported });
  return {
    teamCase,
    imported,
    snapshots: rows.length,
    reports,
    reviewReceived: received,
    reviewSent: sent,
  };
}

export interface ReviewSync {
  readonly received: number;
  readonly sent: number;
}

/**
 * Both ways: the server's events merged in here, this desktop's sent (nothing lost); and the
 * case's decision chain kept with the local copy.
 */
export async function syncReview(
  db: TeamDb,
  reviews: ReviewStore,
  sessionId: string,
): Promise<ReviewSync> {
  const remote = await receiveReview(db, sessionId);
  const { document, added } = await reviews.merge(sessionId, remote);
  // Only what the server lacks is sent: a case locked for this login refuses new events,
  // not a sync that has nothing new.
  const there = new Set(remote.events.map((e) => e.id));
  const mine = { ...document, events: document.events.filter((e) => !there.has(e.id)) };
  // The decision chain comes with it (the review store's folder is the library's), so the
  // workbook and memo carry it offline; kept first, as a locked case refuses what follows.
  await keepDecisionChain(db, reviews.dir, sessionId);
  const sent = mine.events.length > 0 ? await db.transaction((tx) => sendReview(tx, mine)) : 0;
  return { received: added, sent };
}

export interface SyncEntry {
  readonly sessionId: string;
  readonly outcome: ReviewSync | { readonly error: string };
}

/** Every team case of this library: reviews written offline sent, the team's brought in. */
export async function syncAll(db: TeamDb, parts: TeamLibraryParts): Promise<SyncEntry[]> {
  const out: SyncEntry[] = [];
  for (const mark of await teamMarks(parts.library.dir)) {
    try {
      out.push({
        sessionId: mark.sessionId,
        outcome: await syncReview(db, parts.reviews, mark.sessionId),
      });
    } catch (error) {
      // One case refused (locked, purged) does not stop the others.
      out.push({
        sessionId: mark.sessionId,
        outcome: { error: error instanceof Error ? error.message : String(error) },
      });
    }
  }
  return out;
}
