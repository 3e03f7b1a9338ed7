// Publishing and opening team cases with two `bcv` processes as two logins against one
// real PostgreSQL server: the file's bytes kept exactly and once, the catalogue rows sent,
// the case brought into the other desktop's library and opened offline from then on, and
// a review written offline sent when the server is reachable again. Needs `npm run build`
// and PostgreSQL 15+ (skipped, saying why, without it).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Library } from '../../src/core/library/store';
import { caseInput, SHARING } from '../unit/catalogue/helpers';
import { saveInput } from '../unit/library/helpers';
import { BCV } from './support/bcv';
import { startTeamCluster, teamClusterUnavailable, type TeamCluster } from './support/team-cluster';
import { profileFile, setUpTeam, type Login } from './support/team-logins';

const unavailable = teamClusterUnavailable();
if (unavailable) console.warn(`team library tests skipped: ${unavailable}`);

describe.skipIf(unavailable !== null)('bcv team publish / open / sync', () => {
  let cluster: TeamCluster;
  let alice: Login;
  let bob: Login;
  let carol: Login;
  let aliceFile = '';
  beforeAll(async () => {
    if (!existsSync(BCV)) throw new Error('out/cli/bcv.cjs is missing: run `npm run build` first');
    cluster = await startTeamCluster();
    const { logins } = await setUpTeam(cluster, {
      alice: { role: 'underwriter', team: 'retail-1', branch: 'Pune' },
      bob: { role: 'underwriter', team: 'retail-1', branch: 'Pune' },
      carol: { role: 'underwriter', team: 'sme-2', branch: 'Nashik' },
    });
    ({ alice, bob, carol } = logins);
    const library = new Library({ dir: alice.library, appVersion: 'test' });
    aliceFile = (await library.save(saveInput('case-a'))).file;
    await library.save(
      caseInput('case-b', { firstAccountNumber: '60124003651', transactions: SHARING }),
    );
  }, 120_000);
  afterAll(async () => cluster?.stop());

  it('publishes a snapshot with its review: the bytes exactly, once, and its rows', async () => {
    const note = await alice.run([
      'review',
      'note',
      'case-a',
      '--text',
      'Salary credits regular',
      '--library',
      alice.library,
    ]);
    expect(note.code).toBe(0);
    const run = await alice.run(['team', 'publish', 'case-a', '--library', alice.library]);
    expect(run.stderr).toBe('');
    const bytes = await readFile(aliceFile);
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(run.stdout).toMatch(
      new RegExp(
        `^Published snapshot \\S+ of case-a: \\d+ transactions, file SHA-256 ${sha}\\nSent 1 review entries\\n$`,
      ),
    );
    const stored = await cluster.superQuery('SELECT sha256, bytes FROM bcv.blobs');
    expect(stored.rows).toHaveLength(1);
    expect(Buffer.compare(stored.rows[0].bytes, bytes)).toBe(0);
    // The transactions sent are the file's: the reference session's count of rows.
    const counted = await cluster.superQuery(
      "SELECT count(*)::int AS n FROM bcv.transactions WHERE session_id = 'case-a'",
    );
    const published = Number(/(\d+) transactions/.exec(run.stdout)![1]);
    expect(counted.rows[0].n).toBe(published);
    expect(published).toBeGreaterThan(0);
    const c = await cluster.superQuery(
      "SELECT owner, team, branch, state FROM bcv.cases WHERE session_id = 'case-a'",
    );
    expect(c.rows).toEqual([{ owner: 'alice', team: 'retail-1', branch: 'Pune', state: 'open' }]);

    const again = await alice.run(['team', 'publish', 'case-a', '--library', alice.library]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Snapshot \S+ of case-a was in the team library already\n$/);
    const blobs = await cluster.superQuery('SELECT count(*)::int AS n FROM bcv.blobs');
    expect(blobs.rows[0].n).toBe(1);
  });

  it('the server itself refuses bytes that do not match their SHA-256', async () => {
    await expect(
      cluster.superQuery("INSERT INTO bcv.blobs (sha256, bytes) VALUES (repeat('0', 64), '\\x00')"),
    ).rejects.toThrow(/violates check constraint "blobs_sha256_matches"/);
    await expect(
      cluster.superQuery("UPDATE bcv.blobs SET bytes = bytes || '\\x00'::bytea"),
    ).rejects.toThrow(/violates check constraint "blobs_sha256_matches"/);
  });

  it("a colleague opens the case: into their library, marked as the team's, offline after", async () => {
    const run = await bob.run(['team', 'open', 'case-a', '--library', bob.library]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      "Opened case-a (alice's case, team retail-1, branch Pune, open): 1 of 1 snapshots brought into the library, 1 review entries received, 0 sent\n",
    );
    const mark = JSON.parse(await readFile(`${bob.library}/case-a/team-case.json`, 'utf8'));
    expect(mark).toMatchObject({
      sessionId: 'case-a',
      owner: 'alice',
      team: 'retail-1',
      branch: 'Pune',
      server: `127.0.0.1:${cluster.port}/${cluster.database}`,
    });
    // Offline: no team profile, no server; the library and the review read it.
    const show = await bob.run(['review', 'show', 'case-a', '--library', bob.library], {
      BCV_TEAM: '',
    });
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('Salary credits regular');
    const library = new Library({ dir: bob.library, appVersion: 'test' });
    const [mine] = (await library.list()).snapshots;
    const [theirs] = (
      await new Library({ dir: alice.library, appVersion: 'test' }).list()
    ).snapshots.filter((s) => s.record.sessionId === 'case-a');
    expect(mine!.record.sha256).toBe(theirs!.record.sha256); // the same data, byte for byte
    const again = await bob.run(['team', 'open', 'case-a', '--library', bob.library]);
    expect(again.stdout).toContain('0 of 1 snapshots brought into the library');
  });

  it('a review written offline is sent when the server is back, and reaches the owner', async () => {
    const written = await bob.run([
      'review',
      'note',
      'case-a',
      '--text',
      'Checked the EMI bounce',
      '--library',
      bob.library,
    ]);
    expect(written.code).toBe(0);
    const away = await profileFile(cluster, 'bob', { port: 1 });
    const offline = await bob.run(['team', 'sync', '--library', bob.library], { BCV_TEAM: away });
    expect(offline.code).toBe(1);
    expect(offline.stderr).toMatch(/^TEAM_UNREACHABLE: /);
    const back = await bob.run(['team', 'sync', '--library', bob.library]);
    expect(back.stderr).toBe('');
    expect(back.stdout).toBe('case-a: 0 review entries received, 1 sent\n');
    const owner = await alice.run(['team', 'sync', '--library', alice.library]);
    expect(owner.stdout).toBe('case-a: 1 review entries received, 0 sent\n');
    const show = await alice.run(['review', 'show', 'case-a', '--library', alice.library]);
    expect(show.stdout).toContain('Checked the EMI bounce');
    expect(show.stdout).toContain('Salary credits regular');
  });

  it('another team cannot open the case: the server shows it no such case', async () => {
    const run = await carol.run(['team', 'open', 'case-a', '--library', carol.library]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'TEAM_NOT_FOUND: The team library has no case case-a that you may read\n',
    );
    const listed = await carol.run(['team', 'cases']);
    expect(listed.stdout).toBe('0 cases you may read\n');
  });
});
