// `bcv review ...` and `bcv library export|import` with a review, end to end against a real
// library folder: flags, notes and a verdict round-trip through the review file, the
// workbook (Review sheet, Transactions flags) and an exported and re-imported .bcsession.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index';
import { toPaise } from '../../src/shared/model/money';
import { readBack, rowsOf, sheet, column } from '../unit/export/helpers';
import { cliIo, reviewCliLibrary, SESSION } from './support/review-cli';

const setUp = reviewCliLibrary;
const io = cliIo;

describe('bcv review', () => {
  it('flags, notes, a verdict; shows them; bad input writes nothing', async () => {
    const { cwd, view, run } = await setUp();
    const account = view.accounts[0]!;
    const credits = account.transactions.filter((t) => t.type === 'credit');
    const [a, b] = [credits[0]!, credits[1]!];

    expect(
      await run(
        'review',
        'flag',
        SESSION,
        a.hash,
        '--label',
        'related party',
        '--note',
        'from his brother',
        '--exclude',
        'eligible',
      ),
    ).toMatchObject({ code: 0, stdout: 'Flagged 1 transaction Related party\n' });
    expect((await run('review', 'flag', SESSION, b.hash, '--label', 'one-off')).code).toBe(0);
    expect(
      (
        await run(
          'review',
          'note',
          SESSION,
          '--text',
          'Salary regular since 2023',
          '--account',
          account.accountId,
        )
      ).code,
    ).toBe(0);
    expect((await run('review', 'note', SESSION, '--text', 'Fine overall')).code).toBe(0);
    expect((await run('review', 'verdict', SESSION, 'refer', '--text', 'Need ITR')).code).toBe(0);
    const reviewFile = join(cwd, 'lib', SESSION, 'review.json');
    const before = await readFile(reviewFile, 'utf8');

    // Bad input: one line, exit 1 (2 for usage), and the review is as it was.
    const bad: [number, string[], RegExp][] = [
      [
        1,
        ['flag', 'no-such-session', a.hash, '--label', 'loan'],
        /^NOT_IN_LIBRARY: Session no-such-session is not in the library\n$/,
      ],
      [
        1,
        ['flag', SESSION, 'feedface', '--label', 'loan'],
        /^UNKNOWN_TRANSACTION: no transaction of session demo-retail has the hash feedface\n$/,
      ],
      [
        1,
        ['flag', SESSION, a.hash, '--label', 'friend'],
        /^UNKNOWN_LABEL: "friend" is not a label \(labels: related-party, /,
      ],
      [
        1,
        ['flag', SESSION, a.hash, '--label', 'loan', '--note', '  '],
        /^EMPTY_TEXT: The note is empty\n$/,
      ],
      [
        1,
        ['flag', SESSION, a.hash, '--label', 'loan', '--exclude', 'tax'],
        /^UNKNOWN_ADJUSTMENT: /,
      ],
      [1, ['note', SESSION, '--text', ''], /^EMPTY_TEXT: The note is empty\n$/],
      [
        1,
        ['note', SESSION, '--text', 'x', '--account', 'nope'],
        /^UNKNOWN_ACCOUNT: nope is not an account of session demo-retail/,
      ],
      [
        1,
        ['verdict', SESSION, 'approve', '--text', ' '],
        /^EMPTY_TEXT: The reason for the verdict is empty\n$/,
      ],
      [
        2,
        ['verdict', SESSION, 'maybe', '--text', 'x'],
        /^USAGE: verdict: "maybe" is not approve, refer or decline\n/,
      ],
      [2, ['flag', SESSION, a.hash], /^USAGE: flag: give a label/],
      [2, ['note', SESSION], /^USAGE: note: give the note with --text T/],
      [
        2,
        ['frobnicate', SESSION],
        /^USAGE: bcv review has no command "frobnicate" \(bcv review --help/,
      ],
    ];
    for (const [code, argv, message] of bad) {
      const result = await run('review', ...argv);
      expect(result.code, argv.join(' ')).toBe(code);
      expect(result.stderr, argv.join(' ')).toMatch(message);
      if (code === 1) expect(result.stderr.split('\n')).toHaveLength(2); // one line
    }
    expect(await readFile(reviewFile, 'utf8')).toBe(before);

    const shown = await run('review', 'show', SESSION);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Verdict   Refer: Need ITR (Asha Rao, ');
    expect(shown.stdout).toContain(`adjusted by the reviewer: 1 transaction, ₹`);
    expect(shown.stdout).toContain('Session: Fine overall (Asha Rao');
    // demo-retail's account: bank hdfc, number 50100234567891, so HDFC and its last four, 7891.
    expect(shown.stdout).toMatch(/^Eligible credits\n {2}HDFC 7891 {2}₹/m);
    expect(shown.stdout).toContain('Account HDFC 7891: Salary regular since 2023 (Asha Rao');
    expect(shown.stdout).toContain(`${a.hash}  `);
    expect(shown.stdout).toContain(
      'Related party; excluded from eligible credits; note: from his brother',
    );
    const json = JSON.parse((await run('review', 'show', SESSION, '--json')).stdout);
    expect(json.flags).toHaveLength(2);
    expect(json.history).toHaveLength(7);
    const e = json.adjustments.eligibleCredits[0];
    expect(toPaise(e.adjusted)).toBe(toPaise(e.unadjusted) - toPaise(a.amount));
  });

  it('carries the review into the workbook and the session file, and back on import', async () => {
    const { cwd, view, run } = await setUp();
    const account = view.accounts[0]!;
    const [a, b] = account.transactions.filter((t) => t.type === 'credit');
    await run(
      'review',
      'flag',
      SESSION,
      a!.hash,
      b!.hash,
      '--label',
      'not business income',
      '--exclude',
      'eligible',
    );
    await run('review', 'verdict', SESSION, 'approve', '--text', 'Income verified');

    // The workbook of the latest snapshot, with the Review sheet and the flags.
    expect((await run('library', 'export', SESSION, '-o', 'memo.xlsx')).code).toBe(0);
    const workbook = await readBack(join(cwd, 'memo.xlsx'));
    expect(workbook.worksheets.map((w) => w.name).slice(0, 4)).toEqual([
      'Summary',
      'Insights',
      'Review',
      'Reconciliation',
    ]);
    const review = rowsOf(sheet(workbook, 'Review'));
    expect(review[1]!.slice(0, 3)).toEqual(['Verdict', 'Approve', 'Income verified']);
    const flagged = review.filter((r) => r[8] === a!.hash || r[8] === b!.hash);
    expect(flagged).toHaveLength(2);
    expect(flagged[0]!.slice(2, 8)).toEqual([
      a!.narration,
      'Credit',
      a!.amount,
      'Not business income',
      null,
      'Excluded from eligible credits',
    ]);
    const eligible = review.find((r) => r[1] === 'Eligible credits')!;
    expect(toPaise(eligible[4] as number)).toBe(
      toPaise(eligible[2] as number) - toPaise(a!.amount) - toPaise(b!.amount),
    );
    expect(eligible[5]).toMatch(/^adjusted by the reviewer: 2 transactions, ₹/);
    const tx = sheet(workbook, 'Transactions');
    const flagsColumn = column(tx, 'Review flags');
    const hashColumn = column(tx, 'Hash');
    const cells = rowsOf(tx)
      .slice(1)
      .filter((r) => r[flagsColumn - 1]);
    expect(cells.map((r) => r[hashColumn - 1]).sort()).toEqual([a!.hash, b!.hash].sort());
    expect(cells[0]![flagsColumn - 1]).toBe('Not business income; excluded from eligible credits');

    // The session file, with the review inside, into another library: restored.
    expect((await run('library', 'export', SESSION, '-o', 'case.bcsession')).code).toBe(0);
    const out = { stdout: '', stderr: '' };
    const code = await main(
      ['library', 'import', 'case.bcsession', '--library', 'other'],
      io(cwd, out, 'Ravi'),
      new AbortController().signal,
    );
    expect(code).toBe(0);
    expect(out.stdout).toMatch(
      /imported session demo-retail as snapshot .*; review: 5 entries merged\n$/,
    );
    const again = { stdout: '', stderr: '' };
    await main(
      ['review', 'show', SESSION, '--json', '--library', 'other'],
      io(cwd, again, 'Ravi'),
      new AbortController().signal,
    );
    const restored = JSON.parse(again.stdout);
    expect(restored.verdict).toMatchObject({ decision: 'approve', reviewer: 'Asha Rao' });
    expect(restored.flags.map((f: { key: string }) => f.key)).toEqual([a!.hash, b!.hash]);
    expect(await readdir(join(cwd, 'other', SESSION))).toContain('review.json');
  });

  it('edits and removes a note as new entries; show gives note ids, history keeps the old text', async () => {
    const { cwd, run } = await setUp();
    expect((await run('review', 'note', SESSION, '--text', 'Rent in cash')).code).toBe(0);
    const first = JSON.parse((await run('review', 'show', SESSION, '--json')).stdout);
    const noteId: string = first.notes[0].noteId;
    const shown = await run('review', 'show', SESSION);
    expect(shown.stdout).toContain(`  [${noteId.slice(0, 8)}] Session: Rent in cash (Asha Rao, `);

    const short = noteId.slice(0, 8);
    expect(
      await run('review', 'note', SESSION, '--edit', short, '--text', 'Rent by cheque'),
    ).toMatchObject({ code: 0, stdout: `Edited note ${short} of ${SESSION}\n` });
    const edited = await run('review', 'show', SESSION);
    expect(edited.stdout).toMatch(/Session: Rent by cheque \(Asha Rao, .*; edited by Asha Rao, /);
    expect(edited.stdout).toContain(
      'Edited a note on the session: Rent by cheque (was: Rent in cash)',
    );

    const reviewFile = join(cwd, 'lib', SESSION, 'review.json');
    const before = await readFile(reviewFile, 'utf8');
    const bad: [number, string[], RegExp][] = [
      [
        1,
        ['note', SESSION, '--edit', 'zzzz', '--text', 'x'],
        /^UNKNOWN_NOTE: there is no note zzzz in this review\n$/,
      ],
      [1, ['note', SESSION, '--edit', short, '--text', ' '], /^EMPTY_TEXT: The note is empty\n$/],
      [
        2,
        ['note', SESSION, '--remove', short, '--text', 'x'],
        /^USAGE: note: --remove ID takes no/,
      ],
      [2, ['note', SESSION, '--edit', short], /^USAGE: note: give the note with --text T/],
    ];
    for (const [code, argv, message] of bad) {
      const result = await run('review', ...argv);
      expect(result.code, argv.join(' ')).toBe(code);
      expect(result.stderr, argv.join(' ')).toMatch(message);
    }
    expect(await readFile(reviewFile, 'utf8')).toBe(before);

    expect(await run('review', 'note', SESSION, '--remove', short)).toMatchObject({
      code: 0,
      stdout: `Removed note ${short} of ${SESSION}\n`,
    });
    const after = JSON.parse((await run('review', 'show', SESSION, '--json')).stdout);
    expect(after.notes).toEqual([]);
    expect(after.history).toHaveLength(3);
    expect((await run('review', 'show', SESSION)).stdout).toContain(
      'Removed a note on the session (was: Rent by cheque)',
    );
  });
});
