// Who may see and do what in the team library, enforced by PostgreSQL itself: each role
// connects with its own login and tries to read, change and delete what it should not (every
// attempt refused or shown nothing by the server, not by the app); maker-checker run through
// `bcv` processes as different logins; the audit trail verified, and a tampered row named.
// Needs `npm run build` and PostgreSQL 15+ (skipped, saying why, without it).
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Library } from '../../src/core/library/store';
import type { TeamConnection } from '../../src/core/team/connect';
import { caseInput, SHARING } from '../unit/catalogue/helpers';
import { saveInput } from '../unit/library/helpers';
import { BCV } from './support/bcv';
import { createBankConnectClient } from '../../src/core/api/client';
import { SANDBOX_CREDENTIALS } from '../../src/core/profiles/profile-store';
import { startSandboxServer } from '../../src/sandbox/server';
import { startTeamCluster, teamClusterUnavailable, type TeamCluster } from './support/team-cluster';
import { connectAs, setUpTeam, submitCaseAOverFoir, type Login } from './support/team-logins';

const unavailable = teamClusterUnavailable();
if (unavailable) console.warn(`team library tests skipped: ${unavailable}`);

const REFUSED = /permission denied|row-level security|append-only/;

describe.skipIf(unavailable !== null)('team library roles, maker-checker and audit trail', () => {
  let cluster: TeamCluster;
  let owner: Login;
  let who: Record<'alice' | 'bob' | 'carol' | 'dave' | 'erin' | 'audrey' | 'adam', Login>;
  const open: TeamConnection[] = [];
  const as = async (login: Login) => {
    const db = await connectAs(cluster, login);
    open.push(db);
    return db;
  };

  beforeAll(async () => {
    if (!existsSync(BCV)) throw new Error('out/cli/bcv.cjs is missing: run `npm run build` first');
    cluster = await startTeamCluster();
    const team = await setUpTeam(cluster, {
      alice: { role: 'underwriter', team: 'retail-1', branch: 'Pune' },
      bob: { role: 'underwriter', team: 'retail-1', branch: 'Pune' },
      carol: { role: 'underwriter', team: 'sme-2', branch: 'Nashik' },
      dave: { role: 'approver', approvesFor: ['retail-1'] },
      erin: { role: 'approver', approvesFor: ['sme-2'] },
      audrey: { role: 'auditor' },
      adam: { role: 'admin' },
    });
    owner = team.owner;
    who = team.logins;
    const alices = new Library({ dir: who.alice.library, appVersion: 'test' });
    await alices.save(saveInput('case-a'));
    const bobs = new Library({ dir: who.bob.library, appVersion: 'test' });
    await bobs.save(
      caseInput('case-b', { firstAccountNumber: '60124003651', transactions: SHARING }),
    );
    const carols = new Library({ dir: who.carol.library, appVersion: 'test' });
    await carols.save(caseInput('case-c', { transactions: SHARING }));
    for (const [login, sessionId] of [
      [who.alice, 'case-a'],
      [who.bob, 'case-b'],
      [who.carol, 'case-c'],
    ] as const) {
      const run = await login.run(['team', 'publish', sessionId, '--library', login.library]);
      expect(run.stderr).toBe('');
    }
    for (const args of [
      [
        'reason',
        'add',
        '--team-name',
        'retail-1',
        '--recommendation',
        'approve',
        '--reason',
        'Income verified',
        '--sub-reason',
        'Salary credits',
      ],
      [
        'reason',
        'add',
        '--team-name',
        'retail-1',
        '--recommendation',
        'decline',
        '--reason',
        'Bounces',
      ],
      [
        'policy',
        'set',
        '--team-name',
        'retail-1',
        '--rule',
        'foir_pct',
        '--max',
        '50',
        '--label',
        'FOIR %',
      ],
    ]) {
      const run = await who.adam.run(['team', ...args]);
      expect(run.stderr).toBe('');
    }
  }, 180_000);
  afterAll(async () => {
    for (const db of open) await db.close();
    await cluster?.stop();
  });

  it("an underwriter reads their team's cases only; another team's rows are not there for them", async () => {
    const carol = await as(who.carol);
    for (const table of [
      'cases',
      'snapshots',
      'transactions',
      'parties',
      'accounts',
      'holders',
      'review_events',
      'snapshot_parties',
      'party_cases',
      'audit',
    ]) {
      const rows = await carol.query(`SELECT 1 FROM bcv.${table} WHERE session_id = 'case-a'`);
      expect(rows, table).toEqual([]);
    }
    expect(
      await carol.query(
        'SELECT 1 FROM bcv.blobs b JOIN bcv.snapshots s ON s.file_sha256 = b.sha256',
      ),
    ).toHaveLength(1); // her own
    const alice = await as(who.alice);
    const seen = await alice.query<{ session_id: string }>(
      'SELECT session_id FROM bcv.cases ORDER BY 1',
    );
    expect(seen.map((r) => r.session_id)).toEqual(['case-a', 'case-b']);
  });

  it("an underwriter cannot change or delete anything published, nor add to another team's case", async () => {
    const alice = await as(who.alice);
    for (const sql of [
      "UPDATE bcv.cases SET state = 'decided' WHERE session_id = 'case-a'",
      "UPDATE bcv.transactions SET amount_paise = 1 WHERE session_id = 'case-a'",
      "DELETE FROM bcv.transactions WHERE session_id = 'case-a'",
      "DELETE FROM bcv.cases WHERE session_id = 'case-a'",
      'DELETE FROM bcv.blobs',
      "UPDATE bcv.members SET role = 'admin' WHERE login = 'alice'",
      "INSERT INTO bcv.reasons VALUES ('retail-1', 'approve', 'Because', '')",
    ]) {
      await expect(alice.query(sql), sql).rejects.toThrow(REFUSED);
    }
    const carol = await as(who.carol);
    for (const sql of [
      "INSERT INTO bcv.review_events (session_id, event_id, at, reviewer, change) VALUES ('case-a', 'x', '2026-01-01', 'carol', '{}')",
      "INSERT INTO bcv.cases (session_id, team, branch) VALUES ('case-z', 'retail-1', 'Pune')",
    ]) {
      await expect(carol.query(sql), sql).rejects.toThrow(REFUSED);
    }
    // A colleague reads the case but is not its underwriter: no submission of theirs.
    const bob = await as(who.bob);
    await expect(
      bob.query(
        "INSERT INTO bcv.submissions (session_id, team, recommendation, reason, sub_reason) VALUES ('case-a', 'retail-1', 'approve', 'Income verified', 'Salary credits')",
      ),
    ).rejects.toThrow(REFUSED);
  });

  it('an approver reads the teams they approve for only, and decides nothing unsubmitted', async () => {
    const erin = await as(who.erin);
    expect(
      (await erin.query<{ session_id: string }>('SELECT session_id FROM bcv.cases')).map(
        (r) => r.session_id,
      ),
    ).toEqual(['case-c']);
    expect(
      await erin.query("SELECT 1 FROM bcv.transactions WHERE session_id = 'case-a' LIMIT 1"),
    ).toEqual([]);
    await expect(
      erin.query(
        "INSERT INTO bcv.decisions (session_id, submission_id, submitted_by, decision, reason) VALUES ('case-a', 1, 'alice', 'approve', 'x')",
      ),
    ).rejects.toThrow(REFUSED);
    const dave = await as(who.dave);
    expect(
      (await dave.query<{ session_id: string }>('SELECT session_id FROM bcv.cases ORDER BY 1')).map(
        (r) => r.session_id,
      ),
    ).toEqual(['case-a', 'case-b']);
    await expect(
      dave.query(
        "INSERT INTO bcv.snapshots (session_id, snapshot_id, file_sha256, data_sha256, fetched_at, record) VALUES ('case-a', 's', 'x', 'x', 'x', '{}')",
      ),
    ).rejects.toThrow(REFUSED);
  });

  it('an auditor reads everything and changes nothing', async () => {
    const audrey = await as(who.audrey);
    expect(
      (
        await audrey.query<{ session_id: string }>('SELECT session_id FROM bcv.cases ORDER BY 1')
      ).map((r) => r.session_id),
    ).toEqual(['case-a', 'case-b', 'case-c']);
    expect(await audrey.query('SELECT 1 FROM bcv.blobs')).toHaveLength(3);
    for (const sql of [
      "UPDATE bcv.cases SET assigned_to = 'audrey'",
      'DELETE FROM bcv.review_events',
      "INSERT INTO bcv.review_events (session_id, event_id, at, reviewer, change) VALUES ('case-a', 'y', '2026-01-01', 'audrey', '{}')",
      "INSERT INTO bcv.cases (session_id, team, branch) VALUES ('case-y', 'retail-1', 'Pune')",
      "UPDATE bcv.deviations SET approved_by = 'audrey'",
      "SELECT bcv.set_member('audrey', 'admin', NULL, NULL, '{}')",
      "SELECT bcv.assign_case('case-a', 'bob')",
      'DELETE FROM bcv.audit',
    ]) {
      await expect(audrey.query(sql), sql).rejects.toThrow(REFUSED);
    }
  });

  it("search's index-served lookups keep to exactly the cases each role's policies let it read", async () => {
    // bcv.readable_sessions() restates the cases' policies for the lookups the policies would
    // make slow (see migrations.ts): for every role they must agree.
    for (const login of Object.values(who)) {
      const db = await as(login);
      const byPolicy = await db.query<{ s: string }>(
        'SELECT session_id AS s FROM bcv.cases ORDER BY 1',
      );
      const byLookup = await db.query<{ s: string }>(
        'SELECT s FROM bcv.readable_sessions() AS s ORDER BY 1',
      );
      expect(byLookup, login.user).toEqual(byPolicy);
    }
    // A lookup as carol finds the handle in her own case only (alice's and bob's name it too).
    const carol = await as(who.carol);
    const ids = await carol.query<{ id: string }>(
      "SELECT id::text FROM bcv.search_ids('party', 'upi', '9160751095@ybl', NULL, NULL, NULL, 100) AS id",
    );
    const owners = await cluster.superQuery(
      'SELECT DISTINCT session_id FROM bcv.transactions WHERE id = ANY($1::bigint[])',
      [ids.map((r) => r.id)],
    );
    expect(owners.rows).toEqual([{ session_id: 'case-c' }]);
    const all = await cluster.superQuery(
      "SELECT count(DISTINCT session_id)::int AS n FROM bcv.parties WHERE kind = 'upi' AND key = '9160751095@ybl'",
    );
    expect(all.rows[0].n).toBe(3);
  });

  it('maker-checker with two bcv processes: submit with a listed reason, locked, deviation first, then decided', async () => {
    const { alice, dave } = who;
    const wrong = await alice.run([
      'team',
      'submit',
      'case-a',
      'approve',
      '--reason',
      'Looks fine',
    ]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toBe(
      'TEAM_REFUSED: "Looks fine" is not one of team retail-1\'s reasons to approve (Income verified / Salary credits)\n',
    );
    const submitted = await submitCaseAOverFoir(alice);
    expect(submitted.stderr).toBe('');
    expect(submitted.stdout).toMatch(
      /^Submitted case-a \(submission \d+\): the case is locked for you until it is decided\nDeviation (\d+): FOIR % 62\.5 is over the limit 50: an approver must approve it first\n$/,
    );
    const deviation = /Deviation (\d+)/.exec(submitted.stdout)![1]!;

    // Locked for her: a second submission and new notes are refused by the server.
    const again = await alice.run(['team', 'submit', 'case-a', 'decline', '--reason', 'Bounces']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(
      /^TEAM_REFUSED: Case case-a is submitted: it is locked for a new submission \(.*row-level security/,
    );
    await alice.run([
      'review',
      'note',
      'case-a',
      '--text',
      'late note',
      '--library',
      alice.library,
    ]);
    const sync = await alice.run(['team', 'sync', '--library', alice.library]);
    expect(sync.code).toBe(1);
    expect(sync.stderr).toMatch(
      /^case-a: not synced: .*row-level security policy for table "review_events"/,
    );

    // The underwriter cannot approve the deviation; the approver cannot decide before it is.
    const selfDeviation = await alice.run([
      'team',
      'deviation',
      'approve',
      deviation,
      '--reason',
      'mine',
    ]);
    expect(selfDeviation.code).toBe(1);
    expect(selfDeviation.stderr).toMatch(/permission denied for table deviations/);
    const early = await dave.run(['team', 'decide', 'case-a', 'approve', '--reason', 'Good file']);
    expect(early.code).toBe(1);
    expect(early.stderr).toBe(
      `TEAM_REFUSED: Refused by the team server: deviation ${deviation} (FOIR % 62.5, over the limit 50) is not approved: it must be approved before the case is\n`,
    );
    const approved = await dave.run([
      'team',
      'deviation',
      'approve',
      deviation,
      '--reason',
      'Stable salary 6 years',
    ]);
    expect(approved.stderr).toBe('');
    const decided = await dave.run([
      'team',
      'decide',
      'case-a',
      'approve',
      '--reason',
      'Good file',
    ]);
    expect(decided.stderr).toBe('');
    expect(decided.stdout).toBe('Decided case-a: approve\n');
    const state = await alice.run(['team', 'state', 'case-a']);
    expect(state.stdout).toMatch(
      /^Case case-a: decided\n {2}submitted by alice on .+: approve, Income verified \/ Salary credits \(FOIR over, salary stable\)\n {2}deviation \d+: FOIR % 62\.5, over the limit 50: approved by dave \(Stable salary 6 years\)\n {2}decided by dave on .+: approve, Good file\n$/,
    );
    const twice = await dave.run([
      'team',
      'decide',
      'case-a',
      'decline',
      '--reason',
      'Changed my mind',
    ]);
    expect(twice.code).toBe(1);
  });

  it('no one decides their own recommendation: a constraint in the database', async () => {
    const { bob, adam } = who;
    const submitted = await bob.run(['team', 'submit', 'case-b', 'decline', '--reason', 'Bounces']);
    expect(submitted.stderr).toBe('');
    // Bob is made an approver of his own team: the policies now let him decide its cases...
    const promoted = await adam.run([
      'team',
      'member',
      'set',
      'bob',
      '--role',
      'approver',
      '--approves',
      'retail-1',
    ]);
    expect(promoted.stderr).toBe('');
    const own = await bob.run([
      'team',
      'decide',
      'case-b',
      'decline',
      '--reason',
      'Agree with myself',
    ]);
    expect(own.code).toBe(1);
    // ...and the table's own constraint refuses him.
    expect(own.stderr).toBe(
      'TEAM_REFUSED: Refused by the team server: new row for relation "decisions" violates check constraint "no_one_decides_their_own"\n',
    );
  });

  it("the audit trail: append-only for everyone, a case's history printed, the chain verified", async () => {
    const adamDb = await as(who.adam);
    await expect(adamDb.query("UPDATE bcv.audit SET actor = 'nobody'")).rejects.toThrow(REFUSED);
    await expect(adamDb.query('DELETE FROM bcv.audit')).rejects.toThrow(REFUSED);
    const ownerDb = await as(owner);
    await expect(ownerDb.query("UPDATE bcv.audit SET actor = 'nobody'")).rejects.toThrow(
      /append-only: UPDATE refused/,
    );
    await expect(ownerDb.query('DELETE FROM bcv.audit')).rejects.toThrow(
      /append-only: DELETE refused/,
    );
    await expect(ownerDb.query('TRUNCATE bcv.audit')).rejects.toThrow(
      /append-only: TRUNCATE refused/,
    );

    const history = await who.audrey.run(['team', 'audit', '--case', 'case-a']);
    expect(history.stderr).toBe('');
    const actions = history.stdout
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((l) =>
        l
          .trim()
          .split(/\s{2,}/)
          .slice(2, 4),
      );
    expect(actions).toEqual([
      ['alice', 'publish'],
      ['alice', 'submission'],
      ['dave', 'deviation'],
      ['dave', 'decision'],
    ]);
    const verified = await who.audrey.run(['team', 'audit', 'verify']);
    expect(verified.stderr).toBe('');
    expect(verified.stdout).toMatch(
      /^The audit trail verifies: \d+ rows, each holding the hash of the one before\n$/,
    );
  });

  it("retention: a decided case's data purged by an admin when due; its decision and audit trail kept", async () => {
    const { adam, alice, dave } = who;
    const none = await adam.run(['team', 'purge', '--dry-run']);
    expect(none.stdout).toBe('0 cases would be purged\n');
    const set = await adam.run(['team', 'retention', 'set', '--days', '0']);
    expect(set.stdout).toBe("A decided case's data is purged 0 days after its decision\n");
    const dry = await adam.run(['team', 'purge', '--dry-run']);
    expect(dry.stdout).toMatch(
      /^1 case would be purged\ncase-a {2}alice, team retail-1 {2}decided .+ {2}1 snapshot\n$/,
    );
    expect(
      (await cluster.superQuery("SELECT state FROM bcv.cases WHERE session_id = 'case-a'")).rows,
    ).toEqual([{ state: 'decided' }]);
    const notAdmin = await alice.run(['team', 'purge']);
    expect(notAdmin.code).toBe(1);
    expect(notAdmin.stderr).toBe(
      'TEAM_REFUSED: Refused by the team server: permission denied for function purge_case\n',
    );
    // FinBox is asked to delete the session too (the sandbox answers as FinBox does).
    const sandbox = await startSandboxServer({ ...SANDBOX_CREDENTIALS });
    try {
      const purged = await adam.run(['team', 'purge', '--finbox', '--base-url', sandbox.url], {
        BANKCONNECT_API_KEY: SANDBOX_CREDENTIALS.apiKey,
        BANKCONNECT_SERVER_HASH: SANDBOX_CREDENTIALS.serverHash,
      });
      expect(purged.stderr).toBe('');
      expect(purged.stdout).toBe(
        'Purged 1 case (their decisions and audit trail kept)\ncase-a  1 snapshot  FinBox: deleted\n',
      );
      const after = await fetch(`${sandbox.url}/v1/session_data/case-a/session_status/`, {
        headers: {
          'x-api-key': SANDBOX_CREDENTIALS.apiKey,
          'server-hash': SANDBOX_CREDENTIALS.serverHash,
        },
      });
      expect(after.status).toBe(410);
      expect(((await after.json()) as { error: { code: string } }).error.code).toBe(
        'SESSION_DELETED',
      );
      const client = createBankConnectClient({
        baseUrl: sandbox.url,
        ...SANDBOX_CREDENTIALS,
        fetch,
      });
      await expect(client.deleteSession('case-a')).resolves.toBe('already deleted');
    } finally {
      await sandbox.close();
    }
    const purgeRow = await cluster.superQuery(
      "SELECT detail ->> 'finbox' AS finbox FROM bcv.audit WHERE action = 'purge' AND session_id = 'case-a'",
    );
    expect(purgeRow.rows).toEqual([{ finbox: 'deleted' }]);
    const left = await cluster.superQuery(`SELECT
      (SELECT count(*)::int FROM bcv.snapshots WHERE session_id = 'case-a') AS snapshots,
      (SELECT count(*)::int FROM bcv.transactions WHERE session_id = 'case-a') AS transactions,
      (SELECT count(*)::int FROM bcv.party_cases WHERE session_id = 'case-a') AS party_cases,
      (SELECT count(*)::int FROM bcv.review_events WHERE session_id = 'case-a') AS reviews,
      (SELECT count(*)::int FROM bcv.blobs) AS files,
      (SELECT count(*)::int FROM bcv.decisions WHERE session_id = 'case-a') AS decisions,
      (SELECT state || ' ' || cardinality(holder_names) FROM bcv.cases WHERE session_id = 'case-a') AS "case",
      (SELECT count(*)::int FROM bcv.audit WHERE session_id = 'case-a' AND action = 'purge') AS purge_rows`);
    // case-b's and case-c's files stay: 3 published, 1 purged.
    expect(left.rows).toEqual([
      {
        snapshots: 0,
        transactions: 0,
        party_cases: 0,
        reviews: 0,
        files: 2,
        decisions: 1,
        case: 'purged 0',
        purge_rows: 1,
      },
    ]);
    const reopen = await dave.run(['team', 'open', 'case-a', '--library', dave.library]);
    expect(reopen.stderr).toBe(
      "TEAM_NOT_FOUND: Case case-a's data was purged under the team's retention policy; its decision and audit trail remain\n",
    );
    const state = await dave.run(['team', 'state', 'case-a']);
    expect(state.stdout).toMatch(
      /^Case case-a: purged\n {2}submitted by alice .*\n {2}decided by dave .*: approve, Good file\n$/s,
    );
    const verified = await who.audrey.run(['team', 'audit', 'verify']);
    expect(verified.stdout).toMatch(/^The audit trail verifies/);
  });

  it('names the first row that does not follow when the trail is tampered with behind the app', async () => {
    // Only a superuser can do this, and only by disabling the trail's trigger first.
    await cluster.superQuery('ALTER TABLE bcv.audit DISABLE TRIGGER audit_no_update_delete');
    const [{ seq }] = (
      await cluster.superQuery(
        "SELECT min(seq)::int AS seq FROM bcv.audit WHERE action = 'decision'",
      )
    ).rows;
    await cluster.superQuery(
      "UPDATE bcv.audit SET detail = jsonb_set(detail, '{decision}', '\"decline\"') WHERE seq = $1",
      [seq],
    );
    const edited = await who.audrey.run(['team', 'audit', 'verify']);
    expect(edited.code).toBe(1);
    expect(edited.stdout).toBe(
      `The audit trail does not verify: row ${seq} does not follow (its content does not match its hash)\n`,
    );
    // Recomputing the edited row's own hash moves the break to the next row.
    await cluster.superQuery(
      "UPDATE bcv.audit SET hash = encode(sha256(convert_to(bcv.audit_text(seq, at, actor, action, session_id, detail, prev_hash), 'UTF8')), 'hex') WHERE seq = $1",
      [seq],
    );
    const rehashed = await who.audrey.run(['team', 'audit', 'verify']);
    expect(rehashed.stdout).toBe(
      `The audit trail does not verify: row ${seq + 1} does not follow (it does not hold the hash of row ${seq})\n`,
    );
  });
});
