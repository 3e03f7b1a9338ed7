// The built `bcv` as a process, on a reviewed session: `bcv export FILE.bcsession` writes
// the Review sheet and the Transactions flags from the review the file carries, and
// `bcv review show` says its times in the machine's own zone (TZ), never UTC.
// Needs `npm run build` (npm test runs it first).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runLibraryCommand, type CliIo } from '../../src/cli/commands/library';
import { runReviewCommand } from '../../src/cli/commands/review';
import { Library } from '../../src/core/library/store';
import { formatLocalTime } from '../../src/shared/format/local-time';
import { toPaise } from '../../src/shared/model/money';
import { column, readBack, rowsOf, sheet } from '../unit/export/helpers';
import { tempDir } from '../unit/library/helpers';
import { demo } from '../unit/review/helpers';
import { rawOf } from '../fakes/received';

const BCV = join(__dirname, '../../out/cli/bcv.cjs');
const SESSION = 'demo-retail';

function bcv(args: string[], cwd: string, env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [BCV, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: tmpdir(), ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function reviewedLibrary() {
  const cwd = await tempDir();
  const { data, status, view } = demo(SESSION);
  await new Library({ dir: join(cwd, 'lib'), appVersion: 't' }).save({
    raw: rawOf(status, data),
    fetchedAt: '2026-11-30T10:00:00.000Z',
    source: { kind: 'live', profileName: 'Sandbox', host: '127.0.0.1:4010', sandbox: true },
  });
  const run = async (command: 'review' | 'library', ...argv: string[]) => {
    const out = { stdout: '', stderr: '' };
    const io: CliIo = {
      stdout: (t) => (out.stdout += t),
      stderr: (t) => (out.stderr += t),
      env: { BCV_REVIEWER: 'Asha Rao' },
      cwd,
      appVersion: 'cli-test',
    };
    const fn = command === 'review' ? runReviewCommand : runLibraryCommand;
    const code = await fn([...argv, '--library', 'lib'], io);
    if (code !== 0) throw new Error(`${argv.join(' ')}: ${out.stderr}`);
    return out.stdout;
  };
  return { cwd, view, run };
}

beforeAll(() => {
  if (!existsSync(BCV)) throw new Error('out/cli/bcv.cjs is missing: run `npm run build` first');
});

describe('bcv with a reviewed session, as a process', () => {
  it('export FILE.bcsession uses the review inside the file', async () => {
    const { cwd, view, run } = await reviewedLibrary();
    const [a, b] = view.accounts[0]!.transactions.filter((t) => t.type === 'credit');
    await run('review', 'flag', SESSION, a!.hash, b!.hash, '--label', 'one-off');
    await run('review', 'flag', SESSION, a!.hash, '--label', 'one-off', '--exclude', 'eligible');
    await run('review', 'note', SESSION, '--text', 'Sale of old machinery');
    await run('review', 'verdict', SESSION, 'decline', '--text', 'Income not shown');
    await run('library', 'export', SESSION, '-o', 'case.bcsession');

    const done = await bcv(['export', 'case.bcsession', '-o', 'case.xlsx'], cwd);
    expect(done.stderr).toBe('');
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/, with the review the file carries \(5 entries\)\n$/);

    const workbook = await readBack(join(cwd, 'case.xlsx'));
    const review = rowsOf(sheet(workbook, 'Review'));
    expect(review[1]!.slice(0, 3)).toEqual(['Verdict', 'Decline', 'Income not shown']);
    expect(review.some((r) => r[1] === 'Sale of old machinery')).toBe(true);
    const flagged = review.filter((r) => r[8] === a!.hash || r[8] === b!.hash);
    expect(flagged.map((r) => [r[2], r[5], r[7]])).toEqual([
      [a!.narration, 'One-off', 'Excluded from eligible credits'],
      [b!.narration, 'One-off', null],
    ]);
    const eligible = review.find((r) => r[1] === 'Eligible credits')!;
    expect(toPaise(eligible[2] as number) - toPaise(eligible[4] as number)).toBe(
      toPaise(a!.amount),
    );
    const tx = sheet(workbook, 'Transactions');
    const flags = column(tx, 'Review flags');
    const hash = column(tx, 'Hash');
    const cells = rowsOf(tx)
      .slice(1)
      .filter((r) => r[flags - 1])
      .map((r) => [r[hash - 1], r[flags - 1]]);
    expect(cells).toEqual(
      expect.arrayContaining([
        [a!.hash, 'One-off; excluded from eligible credits'],
        [b!.hash, 'One-off'],
      ]),
    );
    expect(cells).toHaveLength(2);
  });

  it('review show says the times in the machine zone (TZ), the Indian way', async () => {
    const { cwd, run } = await reviewedLibrary();
    await run('review', 'note', SESSION, '--text', 'Looks fine');
    await run('review', 'verdict', SESSION, 'approve', '--text', 'All in order');
    const json = JSON.parse(await run('review', 'show', SESSION, '--json'));
    const at: string = json.verdict.at;
    for (const zone of ['Asia/Kolkata', 'America/Los_Angeles']) {
      const shown = await bcv(['review', 'show', SESSION, '--library', 'lib'], cwd, { TZ: zone });
      expect(shown.code).toBe(0);
      const local = formatLocalTime(at, zone);
      expect(local).toMatch(/^\d\d [A-Z][a-z]{2} \d{4}, \d\d:\d\d$/);
      expect(shown.stdout).toContain(`Verdict   Approve: All in order (Asha Rao, ${local})`);
      expect(shown.stdout).toContain(
        `  ${formatLocalTime(json.notes[0].createdAt, zone)}  Asha Rao  Note on`,
      );
      expect(shown.stdout).not.toContain('UTC');
    }
    // Kolkata is 5:30 ahead of UTC: never the same clock time as Los Angeles.
    expect(formatLocalTime(at, 'Asia/Kolkata')).not.toBe(
      formatLocalTime(at, 'America/Los_Angeles'),
    );
  });
});
