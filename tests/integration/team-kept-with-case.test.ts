// What travels with a team case to the other desktop, on a real PostgreSQL server with two
// `bcv` processes as two logins: FinBox's own report files kept when the session was saved
// (the same bytes, checked by SHA-256, after FinBox's link has long expired), and the decision
// chain (recommendation, deviation approval, decision), kept locally when the case is
// opened and written to the workbook's Decisions sheet. Needs `npm run build` and
// PostgreSQL 15+ (skipped, saying why, without it).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepFinboxReports, keptReports } from '../../src/core/library/kept-reports';
import { Library } from '../../src/core/library/store';
import { startSandboxServer, type SandboxServer } from '../../src/sandbox/server';
import { saveInput } from '../unit/library/helpers';
import { BCV } from './support/bcv';
import { openFromSandbox, saveLiveSandbox } from './support/sandbox';
import { startTeamCluster, teamClusterUnavailable, type TeamCluster } from './support/team-cluster';
import { setUpTeam, submitCaseAOverFoir, type Login } from './support/team-logins';

const unavailable = teamClusterUnavailable();
if (unavailable) console.warn(`team library tests skipped: ${unavailable}`);

const KEY = 'test-key-0123456789';
const HASH = 'test-hash-9876543210';

describe.skipIf(unavailable !== null)('what a team case carries to the other desktop', () => {
  let cluster: TeamCluster;
  let sandbox: SandboxServer;
  let now = Date.parse('2026-12-07T03:30:00.000Z');
  let who: Record<'alice' | 'bob' | 'dave' | 'adam', Login>;

  beforeAll(async () => {
    if (!existsSync(BCV)) throw new Error('out/cli/bcv.cjs is missing: run `npm run build` first');
    cluster = await startTeamCluster();
    sandbox = await startSandboxServer({
      apiKey: KEY,
      serverHash: HASH,
      clock: () => new Date(now),
    });
    who = (
      await setUpTeam(cluster, {
        alice: { role: 'underwriter', team: 'retail-1', branch: 'Pune' },
        bob: { role: 'underwriter', team: 'retail-1', branch: 'Pune' },
        dave: { role: 'approver', approvesFor: ['retail-1'] },
        adam: { role: 'admin' },
      })
    ).logins;
    for (const args of [
      ['reason', 'add', '--team-name', 'retail-1', '--recommendation', 'approve'],
      ['policy', 'set', '--team-name', 'retail-1', '--rule', 'foir_pct', '--max', '50'],
    ]) {
      const extra =
        args[0] === 'reason'
          ? ['--reason', 'Income verified', '--sub-reason', 'Salary credits']
          : ['--label', 'FOIR %'];
      const run = await who.adam.run(['team', ...args, ...extra]);
      expect(run.stderr).toBe('');
    }
  }, 180_000);
  afterAll(async () => {
    await sandbox?.close();
    await cluster?.stop();
  });

  it("FinBox's report kept at save goes up with the case and comes down whole on the other desktop", async () => {
    const library = new Library({ dir: who.alice.library, appVersion: 'test' });
    const opened = await openFromSandbox(sandbox, { apiKey: KEY, serverHash: HASH }, 'demo-retail');
    const saved = await saveLiveSandbox(library, opened);
    const kept = await keepFinboxReports(
      {
        libraryDir: library.dir,
        sessionId: 'demo-retail',
        snapshotId: saved.record.snapshotId,
        fetch,
      },
      opened.view,
    );
    expect(kept.failure).toBeNull();
    const count = kept.kept.length;
    expect(count).toBeGreaterThan(0);
    // The bytes on alice's disk, hashed here.
    const aliceHashes: string[] = [];
    for (const k of kept.kept) {
      const bytes = await readFile(join(library.dir, 'demo-retail', k.file));
      aliceHashes.push(createHash('sha256').update(bytes).digest('hex'));
    }

    const published = await who.alice.run([
      'team',
      'publish',
      'demo-retail',
      '--library',
      who.alice.library,
    ]);
    expect(published.stderr).toBe('');
    expect(published.stdout).toContain(
      `\nSent FinBox's report kept with it (${count} file${count === 1 ? '' : 's'})\n`,
    );

    now += 2 * 60 * 60 * 1000; // FinBox's links have long expired
    const bobOpens = await who.bob.run([
      'team',
      'open',
      'demo-retail',
      '--library',
      who.bob.library,
    ]);
    expect(bobOpens.stderr).toBe('');
    expect(bobOpens.stdout).toMatch(
      new RegExp(`; FinBox's report kept with it \\(${count} files?\\)\\n$`),
    );
    const bobs = new Library({ dir: who.bob.library, appVersion: 'test' });
    const [snapshot] = (await bobs.list()).snapshots;
    const onBob = await keptReports(bobs.dir, 'demo-retail', snapshot!.record.snapshotId);
    const bobHashes: string[] = [];
    for (const k of onBob) {
      const bytes = await readFile(join(bobs.dir, 'demo-retail', k.file));
      bobHashes.push(createHash('sha256').update(bytes).digest('hex'));
    }
    expect(bobHashes).toEqual(aliceHashes);
    expect(onBob.map((k) => k.accountId)).toEqual(kept.kept.map((k) => k.accountId));
  });

  it('the decision chain, submit → deviation → decision, in the workbook exported on the other login', async () => {
    const { alice, bob, dave } = who;
    await new Library({ dir: alice.library, appVersion: 'test' }).save(saveInput('case-a'));
    expect(
      (await alice.run(['team', 'publish', 'case-a', '--library', alice.library])).stderr,
    ).toBe('');
    const submitted = await submitCaseAOverFoir(alice);
    expect(submitted.stderr).toBe('');
    const deviation = /Deviation (\d+)/.exec(submitted.stdout)![1]!;
    const submission = /submission (\d+)/.exec(submitted.stdout)![1]!;
    expect(
      (
        await dave.run([
          'team',
          'deviation',
          'approve',
          deviation,
          '--reason',
          'Stable salary 6 years',
        ])
      ).stderr,
    ).toBe('');
    expect(
      (await dave.run(['team', 'decide', 'case-a', 'approve', '--reason', 'Good file'])).stderr,
    ).toBe('');

    // Bob opens it (the chain is kept with his copy), then exports offline.
    expect((await bob.run(['team', 'open', 'case-a', '--library', bob.library])).stderr).toBe('');
    const out = join(await mkdtemp(join(tmpdir(), 'bcv-chain-')), 'case-a.xlsx');
    const exported = await bob.run(
      ['library', 'export', 'case-a', '-o', out, '--library', bob.library],
      { BCV_TEAM: '' }, // no team: the chain comes from bob's local copy alone
    );
    expect(exported.stderr).toBe('');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet('Decisions');
    expect(sheet).toBeDefined();
    // A row's cells as text, an empty cell as '' (trailing empty cells dropped).
    const text = (row: number) => {
      const values = sheet!.getRow(row).values as unknown[];
      return Array.from({ length: values.length - 1 }, (_, i) => values[i + 1] ?? '').map(String);
    };
    expect(text(1)).toEqual(['Decision chain']);
    expect(text(2)[0]).toMatch(/^Team case case-a, decided, as the team server held it on /);
    expect(text(4)).toEqual([
      'Step',
      'Who',
      'Role',
      'When',
      'Recommendation or decision',
      'Reason',
      'Sub-reason',
      'Detail',
      'Submission',
    ]);
    const when = /^\d{2}-[A-Z][a-z]{2}-\d{4} \d{2}:\d{2}:\d{2} \(UTC[+-]\d{2}:\d{2}\)$/;
    const rows = [5, 6, 7].map(text);
    expect(rows.map((r) => [r[0], r[1], r[2], r[4], r[5], r[6], r[7], r[8]])).toEqual([
      [
        'Recommendation',
        'alice',
        'underwriter',
        'Approve',
        'Income verified',
        'Salary credits',
        'FOIR over, salary stable',
        submission,
      ],
      [
        'Deviation',
        'dave',
        'approver',
        'Deviation approved',
        'Stable salary 6 years',
        '',
        'FOIR % 62.5, over the limit 50',
        submission,
      ],
      ['Decision', 'dave', 'approver', 'Approve', 'Good file', '', '', submission],
    ]);
    for (const r of rows) expect(r[3]).toMatch(when);
    expect(sheet!.rowCount).toBe(7);
  });
});
