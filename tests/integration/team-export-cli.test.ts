// `bcv library export` and `bcv export` of a team case, with a team configured: each writes
// an `export` row in the team's audit trail (whose chain still verifies); a local case, or
// no team configured, exports as before and records nothing. Real `bcv` processes against a
// throwaway PostgreSQL server with TLS. Needs `npm run build` and PostgreSQL 15+ (skipped,
// saying why, without it).
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Library } from '../../src/core/library/store';
import { caseHistory, verifyChain } from '../../src/core/team/audit';
import { AUDIT_QUEUE_DIR } from '../../src/core/team/audit-queue';
import { caseInput, SHARING } from '../unit/catalogue/helpers';
import { saveInput } from '../unit/library/helpers';
import { BCV } from './support/bcv';
import { startTeamCluster, teamClusterUnavailable, type TeamCluster } from './support/team-cluster';
import { connectAs, profileFile, setUpTeam, type Login } from './support/team-logins';

const unavailable = teamClusterUnavailable();
if (unavailable) console.warn(`team library tests skipped: ${unavailable}`);

describe.skipIf(unavailable !== null)(
  "exporting a team case from bcv: the audit trail's row",
  () => {
    let cluster: TeamCluster;
    let alice: Login;
    let audrey: Login;
    let out = '';
    let caseAFile = '';
    beforeAll(async () => {
      if (!existsSync(BCV))
        throw new Error('out/cli/bcv.cjs is missing: run `npm run build` first');
      cluster = await startTeamCluster();
      ({ alice, audrey } = (
        await setUpTeam(cluster, {
          alice: { role: 'underwriter', team: 'retail-1', branch: 'Pune' },
          audrey: { role: 'auditor' },
        })
      ).logins);
      const library = new Library({ dir: alice.library, appVersion: 'test' });
      caseAFile = (await library.save(saveInput('case-a'))).file;
      await library.save(caseInput('case-local', { transactions: SHARING }));
      const run = await alice.run(['team', 'publish', 'case-a', '--library', alice.library]);
      expect(run.stderr).toBe('');
      out = await mkdtemp(join(tmpdir(), 'bcv-team-export-'));
    }, 180_000);
    afterAll(async () => cluster?.stop());

    const exportsOf = async (sessionId: string) => {
      const db = await connectAs(cluster, audrey);
      try {
        return (await caseHistory(db, sessionId))
          .filter((r) => r.action === 'export')
          .map((r) => [r.actor, JSON.parse(r.detail) as Record<string, unknown>]);
      } finally {
        await db.close();
      }
    };

    it('bcv library export of a team case: a workbook and a session file, each one row', async () => {
      const book = await alice.run([
        'library',
        'export',
        'case-a',
        '-o',
        join(out, 'a.xlsx'),
        '--library',
        alice.library,
      ]);
      expect(book.stderr).toBe('');
      expect(book.stdout).toMatch(
        /^Wrote .+a\.xlsx: \d+ sheets; policy: .+\nRecorded in the team's audit trail \(case-a is a team case\)\n$/,
      );
      const file = await alice.run([
        'library',
        'export',
        'case-a',
        '-o',
        join(out, 'a.bcsession'),
        '--library',
        alice.library,
      ]);
      expect(file.stdout).toContain("Recorded in the team's audit trail");
      expect(await exportsOf('case-a')).toEqual([
        ['alice', { kind: 'workbook', file: 'a.xlsx', snapshotId: null, program: 'bcv' }],
        ['alice', { kind: 'session-file', file: 'a.bcsession', snapshotId: null, program: 'bcv' }],
      ]);
    });

    it('bcv export of a team case (its saved file): one row; the chain verifies', async () => {
      const run = await alice.run(['export', caseAFile, '-o', join(out, 'b.xlsx')], {
        BCV_LIBRARY: alice.library,
      });
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(
        /\nRecorded in the team's audit trail \(case-a is a team case\)\n$/,
      );
      const rows = await exportsOf('case-a');
      expect(rows.at(-1)).toEqual([
        'alice',
        { kind: 'workbook', file: 'b.xlsx', snapshotId: null, program: 'bcv' },
      ]);
      const db = await connectAs(cluster, audrey);
      try {
        expect((await verifyChain(db)).broken).toBeNull();
      } finally {
        await db.close();
      }
    });

    it('records nothing for a local case, nor without a team configured', async () => {
      const local = await alice.run([
        'library',
        'export',
        'case-local',
        '-o',
        join(out, 'l.xlsx'),
        '--library',
        alice.library,
      ]);
      expect(local.code).toBe(0);
      expect(local.stdout).not.toContain('audit');
      const before = (await exportsOf('case-a')).length;
      const noTeam = await alice.run(
        ['library', 'export', 'case-a', '-o', join(out, 'c.xlsx'), '--library', alice.library],
        { BCV_TEAM: '' },
      );
      expect(noTeam.code).toBe(0);
      expect(noTeam.stdout).not.toContain('audit');
      expect(await exportsOf('case-a')).toHaveLength(before);
      expect(await exportsOf('case-local')).toEqual([]);
    });
    it("with the server out of reach: the file written, the row queued; `bcv team sync` sends it once, with the export's time", async () => {
      const queueDir = join(alice.library, AUDIT_QUEUE_DIR);
      const queued = async () =>
        (await readdir(queueDir).catch(() => [] as string[])).filter((n) => n.endsWith('.json'));
      // Port 1: nothing listens there.
      const away = await profileFile(cluster, 'alice', { port: 1 });
      const before = (await exportsOf('case-a')).length;
      const startedAt = new Date().toISOString();
      const run = await alice.run(
        ['library', 'export', 'case-a', '-o', join(out, 'q.xlsx'), '--library', alice.library],
        { BCV_TEAM: away },
      );
      const finishedAt = new Date().toISOString();
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout.split('\n').slice(1)).toEqual([
        `Queued for the team's audit trail, sent by the next \`bcv team sync\` (The team server ${cluster.host}:1/${cluster.database} cannot be reached (ECONNREFUSED): check the host, the port and the network)`,
        '',
      ]);
      expect((await stat(join(out, 'q.xlsx'))).size).toBeGreaterThan(0);
      expect(await queued()).toHaveLength(1);
      expect(await exportsOf('case-a')).toHaveLength(before);

      // Connected again: the sync sends it, once.
      const sync = await alice.run(['team', 'sync', '--library', alice.library]);
      expect(sync.code).toBe(0);
      expect(sync.stderr).toBe(
        "1 export's audit row queued without the server sent to the audit trail\n",
      );
      expect(await queued()).toEqual([]);
      const rows = await exportsOf('case-a');
      expect(rows).toHaveLength(before + 1);
      const [actor, detail] = rows.at(-1) as [string, Record<string, unknown>];
      expect(actor).toBe('alice');
      expect(detail).toEqual({
        kind: 'workbook',
        file: 'q.xlsx',
        snapshotId: null,
        program: 'bcv',
        exportedAt: expect.any(String),
        queueId: expect.stringMatching(/^[0-9a-f]{32}$/),
      });
      // The export's own time: between the command's start and its end.
      const exportedAt = detail['exportedAt'] as string;
      expect(exportedAt >= startedAt && exportedAt <= finishedAt).toBe(true);

      const verify = await audrey.run(['team', 'audit', 'verify']);
      expect(verify.code).toBe(0);
      expect(verify.stdout).toMatch(/^The audit trail verifies: \d+ rows/);

      const again = await alice.run(['team', 'sync', '--library', alice.library]);
      expect(again.code).toBe(0);
      expect(again.stdout).not.toContain('audit row');
      expect(await exportsOf('case-a')).toHaveLength(before + 1);
    });
  },
);
