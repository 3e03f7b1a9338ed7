// The built `bcv` as a process, on a reviewed session: `bcv export FILE.bcsession` writes
// the Review sheet and the Transactions flags from the review the file carries, and
// `bcv review show` says its times in the machine's own zone (TZ), never UTC.
// Needs `npm run build` (npm test runs it first).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatLocalTime } from '../../src/shared/format/local-time';
import { toPaise } from '../../src/shared/model/money';
import { column, readBack, rowsOf, sheet } from '../unit/export/helpers';
import { BCV, bcv } from './support/bcv';
import { reviewCliLibrary, SESSION } from './support/review-cli';

/** The in-process commands, failing the test on a non-zero exit. */
async function reviewedLibrary() {
  const { cwd, view, run: runOrFail } = await reviewCliLibrary();
  const run = async (command: 'review' | 'library', ...argv: string[]) => {
    const out = await runOrFail(command, ...argv);
    if (out.code !== 0) throw new Error(`${argv.join(' ')}: ${out.stderr}`);
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

    const done = await bcv(['export', 'case.bcsession', '-o', 'case.xlsx'], {}, cwd);
    expect(done.stderr).toBe('');
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(
      /, with the review the file carries \(5 entries\); policy: Default policy\n$/,
    );

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
      const shown = await bcv(['review', 'show', SESSION, '--library', 'lib'], { TZ: zone }, cwd);
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
