// Searching the whole book and "seen elsewhere" across desktops: two underwriters publish
// from their own libraries with their own `bcv` processes and logins, then each finds the
// other's case (whose and which branch said), never another team's; an auditor finds all.
// Needs `npm run build` and PostgreSQL 15+ (skipped, saying why, without it).
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Library } from '../../src/core/library/store';
import type { SeenElsewhere } from '../../src/shared/catalogue/types';
import type { TeamSearchResult } from '../../src/core/team/search';
import { caseInput, SHARING } from '../unit/catalogue/helpers';
import { saveInput } from '../unit/library/helpers';
import { BCV } from './support/bcv';
import { startTeamCluster, teamClusterUnavailable, type TeamCluster } from './support/team-cluster';
import { profileFile, setUpTeam, teamProfileOf, type Login } from './support/team-logins';
import { bcv } from './support/bcv';
import { connectTeam } from '../../src/core/team/connect';

const unavailable = teamClusterUnavailable();
if (unavailable) console.warn(`team library tests skipped: ${unavailable}`);

describe.skipIf(unavailable !== null)('bcv team search / seen', () => {
  let cluster: TeamCluster;
  let who: Record<'alice' | 'bob' | 'carol' | 'audrey', Login>;
  beforeAll(async () => {
    if (!existsSync(BCV)) throw new Error('out/cli/bcv.cjs is missing: run `npm run build` first');
    cluster = await startTeamCluster();
    who = (
      await setUpTeam(cluster, {
        alice: { role: 'underwriter', team: 'retail-1', branch: 'Pune' },
        bob: { role: 'underwriter', team: 'retail-1', branch: 'Pune' },
        carol: { role: 'underwriter', team: 'sme-2', branch: 'Nashik' },
        audrey: { role: 'auditor' },
      })
    ).logins;
    await new Library({ dir: who.alice.library, appVersion: 'test' }).save(saveInput('case-a'));
    await new Library({ dir: who.bob.library, appVersion: 'test' }).save(
      caseInput('case-b', { firstAccountNumber: '60124003651', transactions: SHARING }),
    );
    await new Library({ dir: who.carol.library, appVersion: 'test' }).save(
      caseInput('case-c', { transactions: SHARING }),
    );
    for (const [login, id] of [
      [who.alice, 'case-a'],
      [who.bob, 'case-b'],
      [who.carol, 'case-c'],
    ] as const) {
      const run = await login.run(['team', 'publish', id, '--library', login.library]);
      expect(run.stderr).toBe('');
    }
  }, 180_000);
  afterAll(async () => cluster?.stop());

  it("finds a counterparty in a colleague's case, saying whose and which branch, not another team's", async () => {
    const run = await who.alice.run(['team', 'search', '9160751095@ybl', '--json']);
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout) as TeamSearchResult;
    expect(result.sessions.map((s) => s.sessionId).sort()).toEqual(['case-a', 'case-b']);
    const b = result.sessions.find((s) => s.sessionId === 'case-b')!;
    expect(b.team).toEqual({ owner: 'bob', team: 'retail-1', branch: 'Pune' });
    // SHARING's first transaction: ₹2,500 on 2 Nov 2023 = 2500 x 100 = 250000 paise.
    expect(b.hits).toEqual([
      expect.objectContaining({
        date: '2023-11-02',
        amountPaise: 250000,
        type: 'credit',
        matchedBy: 'upi',
      }),
    ]);
    expect(result.sessionCount).toBe(2); // case-c is sme-2's: not counted for alice

    const text = await who.bob.run(['team', 'search', 'LEELA', 'SANKAR']);
    expect(text.stdout).toMatch(/^2 sessions, \d+ matching transactions \(of 2 team cases\)\n/);
    expect(text.stdout).toMatch(
      /\ncase-a {2}.+ {2}\(snapshot \S+\) {2}alice's case, team retail-1, branch Pune\n/,
    );
  });

  it('an exact amount and a date range, paise-exact; an auditor searches the whole book', async () => {
    const run = await who.audrey.run([
      'team',
      'search',
      '--amount',
      '45,000.50',
      '--from',
      '01-11-2023',
      '--to',
      '30-11-2023',
      '--json',
    ]);
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout) as TeamSearchResult;
    // 45,000.50 rupees = 4500050 paise, on 23 Nov 2023 in both SHARING cases (b and c).
    expect(result.sessions.map((s) => [s.sessionId, s.team.team]).sort()).toEqual([
      ['case-b', 'retail-1'],
      ['case-c', 'sme-2'],
    ]);
    for (const s of result.sessions) {
      expect(s.hits.map((h) => [h.date, h.amountPaise, h.matchedBy])).toEqual([
        ['2023-11-23', 4500050, 'amount'],
      ]);
    }
    expect(result.sessionCount).toBe(3);
  });

  it('matches narration words as the local catalogue does: whole words, the last as a prefix', async () => {
    const run = await who.alice.run(['team', 'search', 'AGGARWAL', 'TRAD', '--json']);
    const result = JSON.parse(run.stdout) as TeamSearchResult;
    expect(result.sessions.map((s) => s.sessionId)).toEqual(['case-b']);
    expect(result.sessions[0]!.hits.map((h) => [h.date, h.amountPaise])).toEqual([
      ['2023-12-01', 1200000],
    ]);
  });

  it("matches a transaction's other text (its category) as the local catalogue does", async () => {
    // Only the reference session (case-a) has a category "Transfer from LEELA SANKAR PRASAD".
    const run = await who.alice.run(['team', 'search', 'Transfer', '--json']);
    const result = JSON.parse(run.stdout) as TeamSearchResult;
    const a = result.sessions.find((s) => s.sessionId === 'case-a');
    expect(a?.hits.some((h) => h.matchedBy === 'details')).toBe(true);
  });

  it("seen elsewhere across desktops: bob's case names alice's applicant's handle", async () => {
    const run = await who.bob.run([
      'team',
      'seen',
      'case-b',
      '--library',
      who.bob.library,
      '--json',
    ]);
    expect(run.stderr).toBe('');
    const seen = JSON.parse(run.stdout) as SeenElsewhere;
    const upi = seen.matches.find((m) => m.kind === 'upi' && m.key === '9160751095@ybl');
    expect(upi?.sessions).toEqual([
      {
        sessionId: 'case-a',
        holderNames: expect.any(Array),
        team: { owner: 'alice', team: 'retail-1', branch: 'Pune' },
      },
    ]);
    // carol's case-c shares the same parties, but is another team's: never listed for bob.
    expect(seen.matches.flatMap((m) => m.sessions.map((s) => s.sessionId))).not.toContain('case-c');
    const text = await who.bob.run(['team', 'seen', 'case-b', '--library', who.bob.library]);
    expect(text.stdout).toMatch(/\n {2}case-a {2}.* {2}alice's case, team retail-1, branch Pune\n/);
  });

  it('reads from a read replica the profile names (row-level security there too); records the search on the primary', async () => {
    const { port } = await cluster.startStandby();
    const standby = await connectTeam(
      { ...teamProfileOf(cluster, 'carol'), port },
      { password: who.carol.password, clientKey: null },
    );
    try {
      expect(await standby.query('SELECT pg_is_in_recovery() AS standby')).toEqual([
        { standby: true },
      ]);
    } finally {
      await standby.close();
    }
    const profile = await profileFile(cluster, 'carol', { replica: { host: '127.0.0.1', port } });
    const env = { BCV_TEAM_PASSWORD: who.carol.password };
    let result: TeamSearchResult | null = null;
    for (let i = 0; i < 40 && !result?.sessions.length; i++) {
      const run = await bcv(['team', 'search', '9160751095@ybl', '--json', '--team', profile], env);
      expect(run.stderr).toBe('');
      result = JSON.parse(run.stdout) as TeamSearchResult;
      if (!result.sessions.length) await new Promise((r) => setTimeout(r, 250)); // replaying
    }
    // carol is sme-2's: on the replica too she reads her own case only.
    expect(result!.sessions.map((s) => s.sessionId)).toEqual(['case-c']);
    expect(result!.sessionCount).toBe(1);
    const recorded = await cluster.superQuery(
      "SELECT count(*)::int AS n FROM bcv.audit WHERE action = 'search' AND actor = 'carol'",
    );
    expect(recorded.rows[0].n).toBeGreaterThan(0);
    // The replica is what answers: one that cannot be reached fails the search, naming it.
    const away = await profileFile(cluster, 'carol', { replica: { host: '127.0.0.1', port: 1 } });
    const failed = await bcv(['team', 'search', 'LEELA', '--team', away], env);
    expect(failed.stderr).toBe(
      `TEAM_UNREACHABLE: The team server 127.0.0.1:1/${cluster.database} cannot be reached (ECONNREFUSED): check the host, the port and the network\n`,
    );
  }, 120_000);

  it('each search is a row in the audit trail', async () => {
    const { rows } = await cluster.superQuery(
      "SELECT actor, detail ->> 'text' AS text FROM bcv.audit WHERE action = 'search' ORDER BY seq",
    );
    expect(rows.slice(0, 2)).toEqual([
      { actor: 'alice', text: '9160751095@ybl' },
      { actor: 'bob', text: 'LEELA SANKAR' },
    ]);
  });
});
