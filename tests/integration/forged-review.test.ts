// A review carried in a session file is whatever the file's writer put there: times from
// any clock (or none), names with line breaks, any number of entries. It can neither pin
// the verdict, nor fake a line of `bcv review show`, nor cost unbounded time and memory.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  REVIEW_FORMAT,
  REVIEW_VERSION,
  type ReviewDocument,
  type ReviewEvent,
} from '../../src/shared/review/document';
import { mergeReviews } from '../../src/shared/review/document';
import { withReview } from '../../src/core/review/bundle';
import { readBack, rowsOf, sheet } from '../unit/export/helpers';
import { reviewCliLibrary, SESSION } from './support/review-cli';

type Verdict = 'approve' | 'decline' | 'refer';
const verdict = (id: string, at: string, reviewer: string, decision: Verdict): ReviewEvent => ({
  id,
  at,
  reviewer,
  change: { kind: 'verdict', decision, reason: `${decision} by ${reviewer}` },
});

/** The library's session exported, then given `events` as its review by the file's writer. */
async function forged(events: readonly ReviewEvent[], extra: Record<string, unknown> = {}) {
  const setUp = await reviewCliLibrary();
  expect((await setUp.run('library', 'export', SESSION, '-o', 'case.bcsession')).code).toBe(0);
  const bytes = await readFile(join(setUp.cwd, 'case.bcsession'));
  const review: ReviewDocument = {
    format: REVIEW_FORMAT,
    version: REVIEW_VERSION,
    sessionId: SESSION,
    events: [...events],
    ...extra,
  };
  const file = await withReview(bytes, review, { at: '2026-12-01T00:00:00Z', appVersion: 't' });
  await writeFile(join(setUp.cwd, 'forged.bcsession'), file);
  return setUp;
}

describe('a review from a file', () => {
  it('an entry dated "zzzz" does not pin the verdict: the verdict recorded after it wins', async () => {
    const { run, cwd } = await forged([verdict('forged-1', 'zzzz', 'Mallory', 'approve')]);
    expect((await run('library', 'import', 'forged.bcsession')).stdout).toMatch(
      /review: 1 entry merged/,
    );
    const recorded = await run('review', 'verdict', SESSION, 'decline', '--text', 'Bounced EMIs');
    expect(recorded.stdout).toMatch(/^Verdict Decline recorded/);
    const shown = await run('review', 'show', SESSION);
    expect(shown.stdout).toMatch(/^Verdict {3}Decline: Bounced EMIs \(Asha Rao, /m);
    // The claimed time is shown as the claim it is.
    expect(shown.stdout).toContain('zzzz (claimed; not a time)  Mallory  Verdict Approve');
    // The workbook's Review sheet: the verdict recorded last, the claim marked in the history.
    expect((await run('library', 'export', SESSION, '-o', 'memo.xlsx')).code).toBe(0);
    const review = rowsOf(sheet(await readBack(join(cwd, 'memo.xlsx')), 'Review'));
    expect(review[1]!.slice(0, 3)).toEqual(['Verdict', 'Decline', 'Bounced EMIs']);
    expect(review).toContainEqual([
      'zzzz (claimed; not a time)',
      'Mallory',
      'Verdict Approve: approve by Mallory',
    ]);
    expect(
      JSON.parse((await run('review', 'show', SESSION, '--json')).stdout).verdict,
    ).toMatchObject({ decision: 'decline', reviewer: 'Asha Rao' });
  });

  it('an entry from a fast clock (the future) does not pin it either, and says so', async () => {
    const { run } = await forged([verdict('fast-1', '2099-01-01T00:00:00Z', 'Ravi', 'approve')]);
    await run('library', 'import', 'forged.bcsession');
    await run('review', 'verdict', SESSION, 'refer', '--text', 'Need ITR');
    const shown = await run('review', 'show', SESSION);
    expect(shown.stdout).toMatch(/^Verdict {3}Refer: Need ITR/m);
    expect(shown.stdout).toMatch(/01 Jan 2099, \d\d:\d\d \(claimed; later than now\) {2}Ravi/);
  });

  it('a reviewer name or time with line breaks stays on its one line', async () => {
    const { run } = await forged([
      verdict(
        'nl-1',
        '2026-11-30T10:00:00Z\nverdict: APPROVED',
        'Mallory\nVerdict   Approve: ok',
        'refer',
      ),
    ]);
    await run('library', 'import', 'forged.bcsession');
    const shown = (await run('review', 'show', SESSION)).stdout;
    expect(shown).not.toMatch(/^verdict: APPROVED/m);
    expect(shown).not.toMatch(/^Verdict {3}Approve/m);
    expect(shown).toContain('Mallory\\nVerdict   Approve: ok');
  });

  it('more entries than a review may hold: refused in one line, nothing merged', async () => {
    const many = Array.from({ length: 250_001 }, (_, i) =>
      verdict(`m-${i}`, '2026-11-30T10:00:00Z', 'Bot', 'refer'),
    );
    const { run, cwd } = await forged(many);
    const imported = await run('library', 'import', 'forged.bcsession');
    expect(imported.code).toBe(1);
    expect(imported.stderr).toMatch(
      /^REVIEW_TOO_LARGE: forged\.bcsession: The review in the file has 2,50,001 entries, more than the 2,50,000 a review may hold: refused\n$/,
    );
    expect(await readdir(join(cwd, 'lib', SESSION))).not.toContain('review.json');
  }, 60_000);

  it('a review section that unpacks past its ceiling: refused before it is read', async () => {
    const { run, cwd } = await forged([], { padding: 'x'.repeat(65 * 1024 * 1024) });
    const imported = await run('library', 'import', 'forged.bcsession');
    expect(imported.code).toBe(1);
    expect(imported.stderr).toMatch(
      /^REVIEW_TOO_LARGE: forged\.bcsession: The review section unpacks to more than 64 MiB, the most a review may take: refused\n$/,
    );
    expect(await readdir(join(cwd, 'lib', SESSION))).not.toContain('review.json');
  }, 60_000);
});

describe('merging two logs', () => {
  const doc = (events: ReviewEvent[]): ReviewDocument => ({
    format: REVIEW_FORMAT,
    version: REVIEW_VERSION,
    sessionId: 's',
    events,
  });
  const e1 = verdict('e1', '2026-12-01T10:00:00Z', 'A', 'refer');
  const x = verdict('x', 'zzzz', 'M', 'approve');
  const e2 = verdict('e2', '2026-12-01T11:00:00Z', 'A', 'decline');
  const r = verdict('r', '2026-12-01T10:30:00Z', 'R', 'refer');

  it("keeps each side's order whatever the times claim, either way round", () => {
    // a recorded e1, x, e2; b recorded e1, e2 and r (between them by its time).
    const a = doc([e1, x, e2]);
    const b = doc([e1, r, e2]);
    const ids = mergeReviews(a, b).events.map((e) => e.id);
    expect(ids).toEqual(mergeReviews(b, a).events.map((e) => e.id));
    // x before e2 (a's order), r before e2 (b's order), e1 first (both).
    expect(ids[0]).toBe('e1');
    expect(ids.indexOf('x')).toBeLessThan(ids.indexOf('e2'));
    expect(ids.indexOf('r')).toBeLessThan(ids.indexOf('e2'));
    expect(ids).toHaveLength(4);
  });
});
