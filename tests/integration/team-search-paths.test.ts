// The team search's lookups (bcv.search_ids) by each of their paths on a real PostgreSQL
// server: a name's prefix by its B-tree range, a word by its index when the statistics do not
// know it as common (before ANALYZE, or a word in no row) and by the planner's choice when they
// do (after ANALYZE); a name or a word within dates by the party rows' dates and the words'
// months. Each answer is compared with a plain scan of the rows as the cluster's
// superuser (no index, no lookup function), and the lookup leaves the session's settings as
// they were. Needs `npm run build` and PostgreSQL 15+ (skipped, saying why, without it).
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Library } from '../../src/core/library/store';
import type { TeamConnection } from '../../src/core/team/connect';
import { caseInput, SHARING, type Txn } from '../unit/catalogue/helpers';
import { saveInput } from '../unit/library/helpers';
import { BCV } from './support/bcv';
import { startTeamCluster, teamClusterUnavailable, type TeamCluster } from './support/team-cluster';
import {
  connectAs,
  ownerLogin,
  RETAIL_APPROVE_REASON,
  setUpTeam,
  type Login,
} from './support/team-logins';
import { MIGRATIONS } from '../../src/core/team/migrations';
import { migrate, setMember } from '../../src/core/team/schema';
import { searchTeam } from '../../src/core/team/search';
import { addReason, decide, submit } from '../../src/core/team/decisions';
import { purgeDue, setRetentionDays } from '../../src/core/team/retention';

const unavailable = teamClusterUnavailable();
if (unavailable) console.warn(`team library tests skipped: ${unavailable}`);

/** MEENA KUMARI's payments in case-c, about month and year ends. */
const MEENA_DATES = [
  '2023-10-31',
  '2023-11-01',
  '2023-11-15',
  '2023-11-30',
  '2023-12-01',
  '2023-12-31',
  '2024-01-01',
  '2024-03-15',
];
const CASE_C: readonly Txn[] = [
  ...MEENA_DATES.map((date, i) => ({
    note: `UPI-MEENA KUMARI-meena77@okaxis-SBIN0001234-5000${i}-PAYMENT`,
    amount: 1500 + i,
    date,
    type: 'debit' as const,
  })),
  { note: 'NEFT CR-HDFC0001234-AGGARWAL TRADERS-N7654321', amount: 9000, date: '2023-11-20' },
  {
    note: 'UPI-RAMESH BABU-ramesh5@okicici-SBIN0001234-60001-PAYMENT',
    amount: 700,
    date: '2024-02-10',
  },
];

/**
 * Date ranges and how many of MEENA KUMARI's payments (MEENA_DATES) each holds, counted by
 * hand: within a month, across a month's end and a year's end, twelve months, three years (read
 * as before), open at one end, reversed, one end not a calendar date (read as before), and
 * months with none of hers.
 */
const MEENA_RANGES: readonly { from: string | null; to: string | null; meena: number }[] = [
  { from: '2023-11-01', to: '2023-11-30', meena: 3 }, // 11-01, 11-15, 11-30
  { from: '2023-11-15', to: '2023-12-01', meena: 3 }, // 11-15, 11-30, 12-01
  { from: '2023-12-31', to: '2024-01-01', meena: 2 }, // 12-31, 01-01
  { from: '2023-10-31', to: '2023-12-31', meena: 6 }, // all but 01-01 and 03-15
  { from: '2023-10-01', to: '2024-03-31', meena: 8 }, // six months: all of them
  { from: '2023-04-01', to: '2024-03-31', meena: 8 }, // twelve months
  { from: '2022-01-01', to: '2024-12-31', meena: 8 }, // three years
  { from: '2024-01-01', to: null, meena: 2 }, // 01-01, 03-15
  { from: null, to: '2023-10-31', meena: 1 }, // 10-31
  { from: '2023-12-01', to: '2023-11-01', meena: 0 }, // reversed
  { from: '2023-11', to: '2023-11-30', meena: 3 }, // '2023-11' sorts before every November day
  { from: '2023-06-01', to: '2023-06-30', meena: 0 }, // a month with none
  { from: '2024-02-01', to: '2024-02-29', meena: 0 }, // between two of hers (RAMESH's month)
];

describe.skipIf(unavailable !== null)('team search lookups, path by path', () => {
  let cluster: TeamCluster;
  let audrey: TeamConnection;
  let alice: Login;
  let bob: Login;
  let carol: Login;
  let ravi: Login;
  let adm: Login;

  beforeAll(async () => {
    if (!existsSync(BCV)) throw new Error('out/cli/bcv.cjs is missing: run `npm run build` first');
    cluster = await startTeamCluster();
    const { logins } = await setUpTeam(cluster, {
      alice: { role: 'underwriter', team: 'retail-1', branch: 'Pune' },
      bob: { role: 'underwriter', team: 'retail-1', branch: 'Pune' },
      audrey: { role: 'auditor' },
      carol: { role: 'underwriter', team: 'retail-2', branch: 'Nashik' },
      ravi: { role: 'approver', approvesFor: ['retail-1'] },
      adm: { role: 'admin' },
    });
    ({ alice, bob, carol, ravi, adm } = logins);
    const aliceLibrary = new Library({ dir: alice.library, appVersion: 'test' });
    await aliceLibrary.save(saveInput('case-a'));
    await aliceLibrary.save(caseInput('case-c', { transactions: CASE_C }));
    await new Library({ dir: bob.library, appVersion: 'test' }).save(
      caseInput('case-b', { firstAccountNumber: '60124003651', transactions: SHARING }),
    );
    for (const [login, id] of [
      [alice, 'case-a'],
      [bob, 'case-b'],
      [alice, 'case-c'],
    ] as const) {
      expect((await login.run(['team', 'publish', id, '--library', login.library])).stderr).toBe(
        '',
      );
    }
    audrey = await connectAs(cluster, logins.audrey);
  }, 180_000);
  afterAll(async () => {
    await audrey?.close();
    await cluster?.stop();
  });

  const lookup = async (
    arm: string,
    kind: string | null,
    term: string,
    from: string | null = null,
    to: string | null = null,
    as: TeamConnection = audrey,
  ) =>
    (
      await as.query<{ id: string }>(
        'SELECT id::text AS id FROM bcv.search_ids($1, $2, $3, NULL, $4, $5, 1000) AS id ORDER BY 1',
        [arm, kind, term, from, to],
      )
    ).map((r) => r.id);
  /** The rows a condition holds for, as the superuser reads them (no policy, no index). */
  const plain = async (sql: string, params: unknown[]) =>
    (
      (await cluster.superQuery(
        `SELECT id::text AS id FROM (${sql}) found ORDER BY 1`,
        params,
      )) as unknown as { rows: { id: string }[] }
    ).rows.map((r) => r.id);

  async function everyPath(): Promise<void> {
    // A name's prefix: every LEELA... name, as a plain LIKE over the rows finds them.
    const leela = await plain(
      "SELECT p.tx AS id FROM bcv.parties p WHERE p.kind = 'name' AND (p.key LIKE $1) IS TRUE",
      ['LEELA%'],
    );
    expect(leela.length).toBeGreaterThan(0);
    expect(await lookup('party-prefix', 'name', 'LEELA%')).toEqual(leela);
    // Words: one in many narrations, one with its last word a prefix, one in none.
    // A UPI handle the server's parser splits in two ('ybl' in every UPI narration): found by
    // its rare half, checked whole.
    for (const term of [
      "'upi'",
      "'aggarwal' & 'trad':*",
      "'zzqqxx'",
      "'transfer':*",
      "'9160751095@ybl':*",
      "'upi' & '9160751095@ybl'",
      "'9160751095@ybl' & 'zzqqxx'",
      "'leela' & 'ybl'",
      "'upi' & 'leela'",
      "'ybl' & 'prasad':*",
    ]) {
      for (const arm of ['narration', 'details']) {
        const expected = await plain(
          `SELECT t.id FROM bcv.transactions t WHERE (t.${arm}_tsv @@ to_tsquery('simple', $1)) IS TRUE`,
          [term],
        );
        expect(await lookup(arm, null, term), `${arm} ${term}`).toEqual(expected);
      }
    }
    // LEELA SANKAR PRASAD's handle: one payment in case-a's fixture, one in SHARING (case-b),
    // each narration with the words 'leela' and 'ybl'. (The server reads the handle's number
    // after a hyphen as '-9160751095', so the handle as typed is in neither narration's words.)
    expect(await lookup('narration', null, "'leela' & 'ybl'")).toHaveLength(2);
    expect(await lookup('narration', null, "'9160751095@ybl':*")).toEqual([]);
    // The lookup's own settings end with it; the app's connection compiles nothing with JIT.
    await withinDates();
    const [setting] = await audrey.query<{ enable_seqscan: string }>('SHOW enable_seqscan');
    expect(setting!.enable_seqscan).toBe('on');
    const [jit] = await audrey.query<{ jit: string }>('SHOW jit');
    expect(jit!.jit).toBe('off');
  }

  /** A transaction's own date within the range, as a plain scan reads it. */
  const inRange = (from: string | null, to: string | null) =>
    `(t.date >= ${from === null ? 't.date' : `'${from}'`}) IS TRUE AND (t.date <= ${to === null ? 't.date' : `'${to}'`}) IS TRUE`;

  async function withinDates(): Promise<void> {
    for (const { from, to, meena } of MEENA_RANGES) {
      const range = `${from} to ${to}`;
      // A name, by its prefix and whole: the transactions' own dates decide, as in a plain scan.
      for (const [arm, term, match] of [
        ['party-prefix', 'MEENA%', '(p.key LIKE $1) IS TRUE'],
        ['party', 'MEENA KUMARI', '(p.key = $1) IS TRUE'],
        ['party-prefix', 'AGGARWAL%', '(p.key LIKE $1) IS TRUE'],
      ] as const) {
        const expected = await plain(
          `SELECT p.tx AS id FROM bcv.parties p JOIN bcv.transactions t ON t.id = p.tx
           WHERE p.kind = 'name' AND ${match} AND ${inRange(from, to)}`,
          [term],
        );
        if (term.startsWith('MEENA')) expect(expected, `${term} ${range}`).toHaveLength(meena);
        expect(await lookup(arm, 'name', term, from, to), `${arm} ${term} ${range}`).toEqual(
          expected,
        );
      }
      // Words: her name (the last word a prefix), her handle (split in two by the server's
      // parser: found by its rare half), a word in every UPI narration, a word in no row,
      // and text written as the index's month lexemes (no word's query reaches them).
      for (const term of [
        "'meena' & 'kumari':*",
        "' 2023-11'",
        "' 2023':*",
        "'meena77@okaxis':*",
        "'upi'",
        "'zzqqxx'",
        "'trf':*",
      ]) {
        for (const arm of ['narration', 'details']) {
          const expected = await plain(
            `SELECT t.id FROM bcv.transactions t
             WHERE (t.${arm}_tsv @@ to_tsquery('simple', $1)) IS TRUE AND ${inRange(from, to)}`,
            [term],
          );
          if (arm === 'narration' && term.startsWith("'meena' ")) {
            expect(expected, `${term} ${range}`).toHaveLength(meena);
          }
          expect(await lookup(arm, null, term, from, to), `${arm} ${term} ${range}`).toEqual(
            expected,
          );
        }
      }
    }
  }

  it('before ANALYZE (no word known as common): each lookup as a plain scan finds it', async () => {
    await everyPath();
  });

  it('after ANALYZE (common words known): the same answers', async () => {
    await cluster.superQuery('ANALYZE bcv.transactions; ANALYZE bcv.parties');
    const [stats] = (
      (await cluster.superQuery(
        "SELECT most_common_elems::text AS mce FROM pg_stats WHERE schemaname = 'bcv' AND tablename = 'transactions' AND attname = 'narration_tsv'",
      )) as unknown as { rows: { mce: string | null }[] }
    ).rows;
    expect(stats?.mce).toContain('upi'); // the path where the planner chooses is taken
    await everyPath();
  });

  it("seen elsewhere's table of the cases naming each party: the snapshots' party rows, de-duplicated, kept as snapshots come and go", async () => {
    type PartyCase = { kind: string; key: string; session_id: string; snapshots: number };
    const table = async () =>
      (
        (await cluster.superQuery(
          'SELECT kind, key, session_id, snapshots FROM bcv.party_cases ORDER BY 1, 2, 3',
        )) as unknown as { rows: PartyCase[] }
      ).rows;
    // A plain scan of the snapshots' party rows: each (party, case) once, with its snapshots.
    const scan = (
      (await cluster.superQuery(
        `SELECT kind, key, session_id, count(*)::int AS snapshots FROM bcv.snapshot_parties
         GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      )) as unknown as { rows: PartyCase[] }
    ).rows;
    expect(scan.length).toBeGreaterThan(0);
    expect(await table()).toEqual(scan);
    // Both cases pay LEELA SANKAR PRASAD's handle (case-a's fixture and SHARING's first
    // transaction), each in its one snapshot.
    const handle = (rows: PartyCase[]) =>
      rows.filter((r) => r.kind === 'upi' && r.key === '9160751095@ybl');
    expect(handle(await table())).toEqual([
      { kind: 'upi', key: '9160751095@ybl', session_id: 'case-a', snapshots: 1 },
      { kind: 'upi', key: '9160751095@ybl', session_id: 'case-b', snapshots: 1 },
    ]);
    // A second snapshot of case-a naming the same parties counts 2; removing it leaves 1;
    // removing case-a's last snapshot removes case-a's rows (as a purge's cascade does).
    const results = (await cluster.superQuery(`BEGIN;
      INSERT INTO bcv.snapshots (session_id, snapshot_id, file_sha256, data_sha256, fetched_at, record, published_by)
        SELECT session_id, 'second', file_sha256, 'second', fetched_at, record, published_by
        FROM bcv.snapshots WHERE session_id = 'case-a';
      INSERT INTO bcv.snapshot_parties (snapshot, session_id, kind, key, label, tx_count)
        SELECT (SELECT id FROM bcv.snapshots WHERE snapshot_id = 'second'), session_id, kind, key, label, tx_count
        FROM bcv.snapshot_parties WHERE session_id = 'case-a';
      SELECT snapshots FROM bcv.party_cases WHERE kind = 'upi' AND key = '9160751095@ybl' AND session_id = 'case-a';
      DELETE FROM bcv.snapshots WHERE snapshot_id = 'second';
      SELECT snapshots FROM bcv.party_cases WHERE kind = 'upi' AND key = '9160751095@ybl' AND session_id = 'case-a';
      DELETE FROM bcv.snapshots WHERE session_id = 'case-a';
      SELECT count(*)::int AS n FROM bcv.party_cases WHERE session_id = 'case-a';
      ROLLBACK`)) as unknown as { rows: Record<string, number>[] }[];
    expect([results[3]!.rows, results[5]!.rows, results[7]!.rows]).toEqual([
      [{ snapshots: 2 }],
      [{ snapshots: 1 }],
      [{ n: 0 }],
    ]);
    expect(await table()).toEqual(scan);
  });

  it('a page the first lookup fills is the answer: the later lookups change nothing shown', async () => {
    // LEELA names a counterparty in both cases (more than one transaction): a page of one is
    // full from the name lookup, the row named by its name, and more are said to match.
    const one = await searchTeam(
      audrey,
      { text: 'LEELA', amountPaise: null, from: null, to: null },
      1,
    );
    expect(one.hitCount).toBe(1);
    expect(one.truncated).toBe(true);
    expect(one.sessions.flatMap((s) => s.hits.map((h) => h.matchedBy))).toEqual(['name']);
    // With room for every match, the same text finds each LEELA transaction, by name.
    const all = await searchTeam(audrey, {
      text: 'LEELA',
      amountPaise: null,
      from: null,
      to: null,
    });
    const leela = await plain(
      "SELECT p.tx AS id FROM bcv.parties p WHERE p.kind = 'name' AND (p.key LIKE 'LEELA%') IS TRUE",
      [],
    );
    expect(all.hitCount).toBe(new Set(leela).size);
    expect(all.truncated).toBe(false);
  });

  it("the party rows' dates are their transactions' own, and every transaction's date a calendar date: the database refuses anything else", async () => {
    const [meena] = (
      (await cluster.superQuery(
        `SELECT p.tx::text AS tx, p.session_id, p.date FROM bcv.parties p
         WHERE p.kind = 'name' AND p.key = 'MEENA KUMARI' ORDER BY p.date LIMIT 1`,
      )) as unknown as { rows: { tx: string; session_id: string; date: string }[] }
    ).rows;
    expect(meena!.date).toBe('2023-10-31');
    await expect(
      cluster.superQuery(
        "INSERT INTO bcv.parties (tx, session_id, date, kind, key) VALUES ($1, $2, '2023-11-01', 'name', 'X')",
        [meena!.tx, meena!.session_id],
      ),
    ).rejects.toThrow(/parties_tx_session_id_date_fkey/);
    for (const date of ['2023-13-01', '23-11-01', '2023-11-01 10:00', '']) {
      await expect(
        cluster.superQuery(
          `UPDATE bcv.transactions SET date = $1 WHERE id = (SELECT min(id) FROM bcv.transactions)`,
          [date],
        ),
        date,
      ).rejects.toThrow(/transactions_date_is_a_calendar_date/);
    }
  });

  it("an underwriter of another team finds none of a case's rows by name and dates; a purge removes them", async () => {
    const november = ['2023-11-01', '2023-11-30'] as const;
    const asCarol = await connectAs(cluster, carol);
    const asAlice = await connectAs(cluster, alice);
    try {
      // Alice (case-c's underwriter) finds MEENA's 3 November payments; carol, of retail-2,
      // none, by the lookup or by reading the party rows, whose policy applies to their dates.
      expect(await lookup('party-prefix', 'name', 'MEENA%', ...november, asAlice)).toHaveLength(3);
      expect(await lookup('party-prefix', 'name', 'MEENA%', ...november, asCarol)).toEqual([]);
      expect(await lookup('narration', null, "'meena' & 'kumari':*", ...november, asCarol)).toEqual(
        [],
      );
      expect(await asCarol.query("SELECT tx FROM bcv.parties WHERE date >= '2023-01-01'")).toEqual(
        [],
      );
    } finally {
      await asCarol.close();
    }
    // case-c through submission and decision, then purged under a policy of 0 days.
    const asAdm = await connectAs(cluster, adm);
    const asRavi = await connectAs(cluster, ravi);
    try {
      await addReason(asAdm, { team: 'retail-1', ...RETAIL_APPROVE_REASON });
      await submit(asAlice, 'case-c', { ...RETAIL_APPROVE_REASON, note: '', figures: {} });
      await decide(asRavi, 'case-c', 'approve', 'Good file');
      await setRetentionDays(asAdm, 0);
      expect((await purgeDue(asAdm)).map((p) => p.sessionId)).toEqual(['case-c']);
    } finally {
      await asAdm.close();
      await asRavi.close();
      await asAlice.close();
    }
    const left = (await cluster.superQuery(
      "SELECT count(*)::int AS n FROM bcv.parties WHERE session_id = 'case-c'",
    )) as unknown as { rows: { n: number }[] };
    expect(left.rows).toEqual([{ n: 0 }]);
    expect(await lookup('party-prefix', 'name', 'MEENA%', ...november)).toEqual([]);
    expect(await lookup('narration', null, "'meena' & 'kumari':*", ...november)).toEqual([]);
  });
});

describe.skipIf(unavailable !== null)(
  'a book published before the dated lookups (schema 11), migrated',
  () => {
    let cluster: TeamCluster;

    beforeAll(async () => {
      cluster = await startTeamCluster();
    }, 60_000);
    afterAll(async () => {
      await cluster?.stop();
    });

    it("gets each party row's date from its transaction, and finds a name and a word within dates as a plain scan", async () => {
      const owner = await ownerLogin(cluster);
      const db = await connectAs(cluster, owner);
      try {
        for (const migration of MIGRATIONS.filter((m) => m.version <= 11)) {
          await db.transaction(async (tx) => {
            await tx.query(migration.sql);
            await tx.query(
              'INSERT INTO bcv.schema_version (version, name, app_version) VALUES ($1, $2, $3)',
              [migration.version, migration.name, 'test'],
            );
          });
        }
        // Schema 11's rows: 2 cases of 400 transactions a day apart from 1 Oct 2023, paying
        // one of 4 names each, the party rows without a date.
        await cluster.superQuery(`
        INSERT INTO bcv.cases (session_id, team, branch, owner) SELECT 'old-' || i, 'retail-1', 'Pune', 'team_owner' FROM generate_series(1, 2) i;
        INSERT INTO bcv.blobs (sha256, bytes) SELECT encode(sha256(convert_to('old ' || i, 'UTF8')), 'hex'), convert_to('old ' || i, 'UTF8') FROM generate_series(1, 2) i;
        INSERT INTO bcv.snapshots (session_id, snapshot_id, file_sha256, data_sha256, fetched_at, record)
          SELECT 'old-' || i, 's', encode(sha256(convert_to('old ' || i, 'UTF8')), 'hex'), 'd', '2026-11-20T10:00:00.000Z', '{}' FROM generate_series(1, 2) i;
        INSERT INTO bcv.transactions (snapshot, session_id, account_id, tx_key, date, type, amount_paise, narration)
          SELECT s.id, s.session_id, 'a', 'k' || g, to_char(date '2023-10-01' + g, 'YYYY-MM-DD'), 'debit', 100 * g,
                 'UPI-' || (ARRAY['MEENA KUMARI', 'MEENA IYER', 'RAVI DAS', 'LATA BOSE'])[g % 4 + 1] || '-PAYMENT'
          FROM bcv.snapshots s CROSS JOIN generate_series(0, 399) g;
        INSERT INTO bcv.parties (tx, session_id, kind, key)
          SELECT t.id, t.session_id, 'name', split_part(t.narration, '-', 2) FROM bcv.transactions t;`);
        await migrate(db, 'test');
        await setMember(db, {
          login: owner.user,
          role: 'auditor',
          team: null,
          branch: null,
          approvesFor: [],
        });
        const dated = (await cluster.superQuery(
          `SELECT count(*)::int AS parties, count(*) FILTER (WHERE p.date = t.date)::int AS own_date
         FROM bcv.parties p JOIN bcv.transactions t ON t.id = p.tx`,
        )) as unknown as { rows: { parties: number; own_date: number }[] };
        expect(dated.rows).toEqual([{ parties: 800, own_date: 800 }]);
        // Day g (0 to 399) pays MEENA KUMARI when g % 4 is 0, MEENA IYER when 1; in both cases.
        for (const [from, to, meena, kumari] of [
          // g 31 to 60: KUMARI 32, 36 ... 60 (8), IYER 33 ... 57 (7); times 2 cases
          ['2023-11-01', '2023-11-30', 30, 16],
          // g 50 to 70: KUMARI 52 ... 68 (5), IYER 53 ... 69 (5)
          ['2023-11-20', '2023-12-10', 20, 10],
          // after the last day (3 Nov 2024): none
          ['2025-01-01', '2025-01-31', 0, 0],
        ] as const) {
          const ids = async (arm: string, kind: string | null, term: string) =>
            (
              await db.query<{ id: string }>(
                'SELECT id::text AS id FROM bcv.search_ids($1, $2, $3, NULL, $4, $5, 1000) AS id ORDER BY 1',
                [arm, kind, term, from, to],
              )
            ).map((r) => r.id);
          const plainIds = async (sql: string) =>
            (
              (await cluster.superQuery(
                `SELECT id::text AS id FROM (${sql}) found WHERE (found.date >= $1) IS TRUE AND (found.date <= $2) IS TRUE ORDER BY 1`,
                [from, to],
              )) as unknown as { rows: { id: string }[] }
            ).rows.map((r) => r.id);
          const byName = await plainIds(
            "SELECT p.tx AS id, t.date FROM bcv.parties p JOIN bcv.transactions t ON t.id = p.tx WHERE p.kind = 'name' AND (p.key LIKE 'MEENA%') IS TRUE",
          );
          const byWords = await plainIds(
            "SELECT t.id, t.date FROM bcv.transactions t WHERE (t.narration_tsv @@ to_tsquery('simple', '''meena'' & ''kum'':*')) IS TRUE",
          );
          expect(await ids('party-prefix', 'name', 'MEENA%')).toEqual(byName);
          expect(await ids('narration', null, "'meena' & 'kum':*")).toEqual(byWords);
          expect([byName.length, byWords.length], `${from} to ${to}`).toEqual([meena, kumari]);
        }
      } finally {
        await db.close();
      }
    });
  },
);
