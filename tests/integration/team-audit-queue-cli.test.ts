// The export audit rows a library holds for the team's audit trail, from real `bcv`
// processes against a throwaway PostgreSQL server with TLS: every `bcv team` command sends
// its login's queued rows first; a row the server refuses is held as refused (not as out of
// reach), listed with why, and set aside only by the login that made it, with its reason,
// into the library's kept folder (the entry's bytes kept exactly), after which it is never
// sent. A row waiting because the server was out of reach is never offered for setting
// aside. Needs `npm run build` and PostgreSQL 15+ (skipped, saying why, without it).
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Library } from '../../src/core/library/store';
import { caseHistory } from '../../src/core/team/audit';
import { AUDIT_QUEUE_DIR, SET_ASIDE_DIR } from '../../src/core/team/audit-queue';
import { setAsideRow } from '../../src/core/team/audit-queue-held';
import { saveInput } from '../unit/library/helpers';
import { BCV } from './support/bcv';
import { startTeamCluster, teamClusterUnavailable, type TeamCluster } from './support/team-cluster';
import { connectAs, profileFile, setUpTeam, type Login } from './support/team-logins';

const unavailable = teamClusterUnavailable();
if (unavailable) console.warn(`team library tests skipped: ${unavailable}`);

interface ListedRow {
  id: string;
  login: string | null;
  sessionId: string | null;
  file: string | null;
  exportedAt: string | null;
  state: { kind: string; message?: string; at?: string; triedBy?: string };
}

describe.skipIf(unavailable !== null)("bcv team: the library's held export audit rows", () => {
  let cluster: TeamCluster;
  let alice: Login;
  let bob: Login;
  let audrey: Login;
  let out = '';
  beforeAll(async () => {
    if (!existsSync(BCV)) throw new Error('out/cli/bcv.cjs is missing: run `npm run build` first');
    cluster = await startTeamCluster();
    ({ alice, bob, audrey } = (
      await setUpTeam(cluster, {
        alice: { role: 'underwriter', team: 'retail-1', branch: 'Pune' },
        bob: { role: 'underwriter', team: 'retail-1', branch: 'Pune' },
        audrey: { role: 'auditor' },
      })
    ).logins);
    await new Library({ dir: alice.library, appVersion: 'test' }).save(saveInput('case-a'));
    const published = await alice.run(['team', 'publish', 'case-a', '--library', alice.library]);
    expect(published.stderr).toBe('');
    out = await mkdtemp(join(tmpdir(), 'bcv-team-queue-'));
  }, 180_000);
  afterAll(async () => cluster?.stop());

  const entries = async (library: string) =>
    (await readdir(join(library, AUDIT_QUEUE_DIR)).catch(() => [] as string[])).filter((n) =>
      n.endsWith('.json'),
    );

  /** `bcv library export` of case-a with the team server out of reach (port 1): queued. */
  const exportAway = async (login: Login, file: string) => {
    const away = await profileFile(cluster, login.user, { port: 1 });
    const run = await login.run(
      ['library', 'export', 'case-a', '-o', join(out, file), '--library', login.library],
      { BCV_TEAM: away },
    );
    expect(run.stdout).toContain("Queued for the team's audit trail");
    return away;
  };

  const exportedFiles = async () => {
    const db = await connectAs(cluster, audrey);
    try {
      return (await caseHistory(db, 'case-a'))
        .filter((r) => r.action === 'export')
        .map((r) => (JSON.parse(r.detail) as { file: string }).file);
    } finally {
      await db.close();
    }
  };

  const listed = async (login: Login, library: string): Promise<ListedRow[]> => {
    const run = await login.run(['team', 'queue', '--json', '--library', library]);
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout) as ListedRow[];
  };

  it('a row the server refuses is held as refused, listed with why, set aside by its own login with a reason, kept whole, and never sent again', async () => {
    // A damaged entry: its file name holds a NUL, which the server's JSON refuses.
    await exportAway(alice, 'r.xlsx');
    const [damagedName] = await entries(alice.library);
    const damagedPath = join(alice.library, AUDIT_QUEUE_DIR, damagedName!);
    const text = await readFile(damagedPath, 'utf8');
    expect(text).toContain('"file": "r.xlsx"');
    await writeFile(damagedPath, text.replace('"file": "r.xlsx"', '"file": "r\\u0000.xlsx"'));
    const damagedBytes = await readFile(damagedPath);
    await exportAway(alice, 'ok.xlsx');
    expect(await entries(alice.library)).toHaveLength(2);

    // A command other than sync sends the queue first: the good row goes, the other is held.
    const cases = await alice.run(['team', 'cases', '--library', alice.library]);
    expect(cases.code).toBe(0);
    expect(cases.stdout).toMatch(/^1 case you may read\n/);
    expect(cases.stderr).toBe(
      "1 export's audit row queued without the server sent to the audit trail\n" +
        "1 export's audit row held in the queue, refused by the team server or unreadable: `bcv team queue` lists them and why\n",
    );
    expect(await exportedFiles()).toContain('ok.xlsx');
    expect(await entries(alice.library)).toEqual([damagedName]);

    // Listed as refused (the server's words), never as out of reach.
    const [row] = await listed(alice, alice.library);
    expect(row).toMatchObject({
      login: 'alice',
      sessionId: 'case-a',
      file: 'r\u0000.xlsx',
      state: {
        kind: 'refused',
        triedBy: 'alice',
        message: expect.stringMatching(/^Refused by the team server: unsupported Unicode escape/),
      },
    });
    const id = row!.id;
    const text2 = await alice.run(['team', 'queue', '--library', alice.library]);
    expect(text2.stdout).toContain(`${id}  workbook r`);
    expect(text2.stdout).toMatch(
      /\n {4}refused by the team server at \d\d \w{3} \d{4}, \d\d:\d\d: unsupported Unicode escape/,
    );
    expect(text2.stdout).toContain(
      `\n    set it aside: bcv team queue set-aside ${id} --reason TEXT\n`,
    );

    // Bad input: one line each, and the entry stays.
    const bobTries = await bob.run([
      'team',
      'queue',
      'set-aside',
      id,
      '--reason',
      'not mine',
      '--library',
      alice.library,
    ]);
    expect(bobTries.code).toBe(1);
    expect(bobTries.stderr).toBe(
      `TEAM_REFUSED: The queued audit row ${id} is alice's: only alice may set it aside\n`,
    );
    const blank = await alice.run([
      'team',
      'queue',
      'set-aside',
      id,
      '--reason',
      '  ',
      '--library',
      alice.library,
    ]);
    expect(blank.code).toBe(2);
    expect(blank.stderr).toMatch(/give --reason TEXT, why the row is set aside/);
    const unknown = await alice.run([
      'team',
      'queue',
      'set-aside',
      'deadbeefdeadbeef',
      '--reason',
      'x',
      '--library',
      alice.library,
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No queued audit row has the id "deadbeefdeadbeef"');
    expect(await entries(alice.library)).toEqual([damagedName]);

    // Its own login sets it aside (by the start of its id), with its reason.
    const reason = 'File name damaged on this desktop; export recorded by hand in the case file';
    const aside = await alice.run([
      'team',
      'queue',
      'set-aside',
      id.slice(0, 10),
      '--reason',
      reason,
      '--library',
      alice.library,
    ]);
    expect(aside.stderr).toContain("1 export's audit row held in the queue");
    expect(aside.code).toBe(0);
    expect(aside.stdout).toMatch(
      new RegExp(
        `^Set aside the export audit row ${id}: it is no longer sent; kept with your reason in .+\\.json\\n$`,
      ),
    );
    expect(await entries(alice.library)).toEqual([]);
    const keptDir = join(alice.library, AUDIT_QUEUE_DIR, SET_ASIDE_DIR);
    const [keptName] = await readdir(keptDir);
    const kept = JSON.parse(await readFile(join(keptDir, keptName!), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(kept).toMatchObject({
      format: 'bankconnect-viewer/team-audit-set-aside',
      id,
      setAsideBy: 'alice',
      reason,
      entryFile: damagedName,
      held: { kind: 'refused', message: row!.state.message },
      entry: { id, login: 'alice', sessionId: 'case-a' },
    });
    expect(Buffer.from(kept['entryBase64'] as string, 'base64').equals(damagedBytes)).toBe(true);

    // Never sent again: the sync holds and sends nothing, and the server never had it.
    const sync = await alice.run(['team', 'sync', '--library', alice.library]);
    expect(sync.code).toBe(0);
    expect(sync.stderr).toBe('');
    expect((await exportedFiles()).filter((f) => f.startsWith('r'))).toEqual([]);
    expect(await listed(alice, alice.library)).toEqual([]);
    const verify = await audrey.run(['team', 'audit', 'verify']);
    expect(verify.stdout).toMatch(/^The audit trail verifies/);
  });

  it('a row waiting because the server was out of reach is listed as such and never offered for setting aside; the next command sends it', async () => {
    const away = await exportAway(alice, 'w.xlsx');
    // Listed without the server: what the library holds, and why.
    const offline = await alice.run(['team', 'queue', '--library', alice.library], {
      BCV_TEAM: away,
    });
    expect(offline.code).toBe(0);
    expect(offline.stderr).toMatch(
      /^The team server 127\.0\.0\.1:1\/\w+ cannot be reached \(ECONNREFUSED\).*; the queue as this library holds it:\n$/,
    );
    expect(offline.stdout).toMatch(
      /\n {4}waiting: the team server was out of reach at .+ \(The team server 127\.0\.0\.1:1\/\w+ cannot be reached \(ECONNREFUSED\)/,
    );
    expect(offline.stdout).not.toContain('set it aside');
    const asJson = await alice.run(['team', 'queue', '--json', '--library', alice.library], {
      BCV_TEAM: away,
    });
    const [row] = JSON.parse(asJson.stdout) as ListedRow[];
    expect(row!.state.kind).toBe('out-of-reach');
    // Setting it aside takes the login signed in: without the server, refused at connecting.
    const tried = await alice.run(
      ['team', 'queue', 'set-aside', row!.id, '--reason', 'x', '--library', alice.library],
      { BCV_TEAM: away },
    );
    expect(tried.code).toBe(1);
    expect(tried.stderr).toMatch(/^TEAM_UNREACHABLE: /);
    // And the library's own call refuses it, naming the network failure (not a refusal).
    await expect(
      setAsideRow(alice.library, { id: row!.id, login: 'alice', reason: 'x' }),
    ).rejects.toMatchObject({
      code: 'TEAM_CONFLICT',
      message: expect.stringMatching(
        /was not refused: the team server was out of reach at the last try \(.*ECONNREFUSED/,
      ),
    });
    expect(await entries(alice.library)).toHaveLength(1);

    // Back in reach: `bcv team status` (no sync) sends it.
    const status = await alice.run(['team', 'status', '--library', alice.library]);
    expect(status.code).toBe(0);
    expect(status.stderr).toBe(
      "1 export's audit row queued without the server sent to the audit trail\n",
    );
    expect(await entries(alice.library)).toEqual([]);
    expect(await exportedFiles()).toContain('w.xlsx');
  });

  it('a login that lost its membership: its rows are refused, and it still sets them aside', async () => {
    const opened = await bob.run(['team', 'open', 'case-a', '--library', bob.library]);
    expect(opened.code).toBe(0);
    await exportAway(bob, 'b.xlsx');
    await cluster.superQuery("DELETE FROM bcv.members WHERE login = 'bob'");
    const [row] = await listed(bob, bob.library);
    expect(row!.state).toMatchObject({
      kind: 'refused',
      message: 'Refused by the team server: only a member reports to the audit trail',
    });
    const aside = await bob.run([
      'team',
      'queue',
      'set-aside',
      row!.id,
      '--reason',
      'Moved to another branch; export noted in the handover',
      '--library',
      bob.library,
    ]);
    expect(aside.code).toBe(0);
    expect(await entries(bob.library)).toEqual([]);
    expect(await readdir(join(bob.library, AUDIT_QUEUE_DIR, SET_ASIDE_DIR))).toHaveLength(1);
  });
});
