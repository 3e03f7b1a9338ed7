// The team search's lookups (bcv.search_ids) by each of their paths on a real PostgreSQL
// server: a name's prefix by its B-tree range, a word by its index when the statistics do not
// know it as common (before ANALYZE, or a word in no row) and by the planner's choice when they
// do (after ANALYZE). Each answer is compared with a plain scan of the rows as the cluster's
// superuser (no index, no lookup function), and the lookup leaves the session's settings as
// they were. Needs `npm run build` and PostgreSQL 15+ (skipped, saying why, without it).
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Library } from '../../src/core/library/store';
import type { TeamConnection } from '../../src/core/team/connect';
import { caseInput, SHARING } from '../unit/catalogue/helpers';
import { saveInput } from '../unit/library/helpers';
import { BCV } from './support/bcv';
import { startTeamCluster, teamClusterUnavailable, type TeamCluster } from './support/team-cluster';
import { connectAs, setUpTeam, type Login } from './support/team-logins';
import { searchTeam } from '../../src/core/team/search';

const unavailable = teamClusterUnavailable();
if (unavailable) console.warn(`team library tests skipped: ${unavailable}`);

describe.skipIf(unavailable !== null)('team search lookups, path by path', () => {
  let cluster: TeamCluster;
  let audrey: TeamConnection;
  let alice: Login;
  let bob: Login;

  beforeAll(async () => {
    if (!existsSync(BCV)) throw new Error('out/cli/bcv.cjs is missing: run `npm run build` first');
    cluster = await startTeamCluster();
    const { logins } = await setUpTeam(cluster, {
      alice: { role: 'underwriter', team: 'retail-1', branch: 'Pune' },
      bob: { role: 'underwriter', team: 'retail-1', branch: 'Pune' },
      audrey: { role: 'auditor' },
    });
    ({ alice, bob } = logins);
    await new Library({ dir: alice.library, appVersion: 'test' }).save(saveInput('case-a'));
    await new Library({ dir: bob.library, appVersion: 'test' }).save(
      caseInput('case-b', { firstAccountNumber: '60124003651', transactions: SHARING }),
    );
    for (const [login, id] of [
      [alice, 'case-a'],
      [bob, 'case-b'],
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

  const lookup = async (arm: string, kind: string | null, term: string) =>
    (
      await audrey.query<{ id: string }>(
        'SELECT id::text AS id FROM bcv.search_ids($1, $2, $3, NULL, NULL, NULL, 1000) AS id ORDER BY 1',
        [arm, kind, term],
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
    const [setting] = await audrey.query<{ enable_seqscan: string }>('SHOW enable_seqscan');
    expect(setting!.enable_seqscan).toBe('on');
    const [jit] = await audrey.query<{ jit: string }>('SHOW jit');
    expect(jit!.jit).toBe('off');
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
});
