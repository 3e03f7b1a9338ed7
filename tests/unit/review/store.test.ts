import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reviewIn } from '../../../src/core/review/bundle';
import { REVIEW_FILE } from '../../../src/core/review/store';
import { Library } from '../../../src/core/library/store';
import { ReviewStore } from '../../../src/core/review/store';
import { SessionReviews } from '../../../src/core/review/session-reviews';
import { tempDir } from '../library/helpers';
import { demo, reviewedLibrary } from './helpers';

// A small session keeps these tests quick on a busy machine.
const SESSION = 'demo-retail';

function creditsOf() {
  const { view } = demo(SESSION);
  const icici = view.accounts[0]!;
  return icici.transactions.filter((t) => t.type === 'credit');
}

describe('session reviews in the library', () => {
  it('keeps flags, notes and a verdict beside the snapshots, never touching their bytes', async () => {
    const { dir, library, reviews } = await reviewedLibrary([SESSION]);
    const [snapshot] = (await library.list()).snapshots;
    const before = await readFile(snapshot!.file);
    const [c1, c2] = creditsOf();
    await reviews.flag(SESSION, 'Asha', [c1!.hash, c2!.hash], {
      labels: { 'related-party': true },
      note: 'from his brother',
      exclude: { eligible: true },
    });
    const account = demo(SESSION).view.accounts[0]!.accountId;
    await reviews.note(SESSION, 'Asha', 'Rent is paid in cash', { account });
    await reviews.note(SESSION, 'Asha', 'Case looks fine');
    await reviews.verdict(SESSION, 'Asha', 'refer', 'Ask for the ITR');

    expect(await readFile(snapshot!.file)).toEqual(before);
    const opened = await library.open(SESSION);
    expect(opened.meta.sha256).toBe(snapshot!.record.sha256);
    expect((await readdir(join(dir, SESSION))).sort()).toEqual(
      [`${snapshot!.record.snapshotId}.bcsession`, REVIEW_FILE].sort(),
    );
    // The library still lists one session with one snapshot: the review is not a snapshot.
    const listing = await library.list();
    expect(listing.problems).toEqual([]);
    expect(listing.entries[0]!.snapshotCount).toBe(1);

    const { state } = await reviews.open(SESSION);
    expect(state.flags.map((f) => f.key)).toEqual([c1!.hash, c2!.hash]);
    expect(state.flags[0]).toMatchObject({
      labels: ['related-party'],
      note: 'from his brother',
      exclude: { eligible: true, abb: false },
      seen: { date: c1!.date, amount: c1!.amount, narration: c1!.narration },
    });
    expect(state.notes.map((n) => [n.account, n.text])).toEqual([
      [null, 'Case looks fine'],
      [account, 'Rent is paid in cash'],
    ]);
    expect(state.verdict).toMatchObject({
      decision: 'refer',
      reason: 'Ask for the ITR',
      reviewer: 'Asha',
    });
    // 2 transactions x (label, note, exclusion) + 2 notes + 1 verdict.
    expect(state.history).toHaveLength(9);
  });

  it('flagging again what the review already says writes nothing', async () => {
    const { reviews, store } = await reviewedLibrary([SESSION]);
    const [c1] = creditsOf();
    await reviews.flag(SESSION, 'Asha', [c1!.hash], { labels: { loan: true } });
    const again = await reviews.flag(SESSION, 'Ravi', [c1!.hash], { labels: { loan: true } });
    expect(again.events).toEqual([]);
    expect((await store.read(SESSION)).events).toHaveLength(1);
  });

  it('refuses bad input with one line and writes nothing', async () => {
    const { reviews, store, dir } = await reviewedLibrary([SESSION]);
    const [c1] = creditsOf();
    await expect(
      reviews.flag(SESSION, 'A', ['no-such-hash'], { labels: { loan: true } }),
    ).rejects.toThrow(`no transaction of session ${SESSION} has the hash no-such-hash`);
    await expect(reviews.flag('nope', 'A', [c1!.hash], { labels: { loan: true } })).rejects.toThrow(
      'Session nope is not in the library',
    );
    await expect(reviews.note(SESSION, 'A', '   ')).rejects.toMatchObject({ code: 'EMPTY_TEXT' });
    await expect(reviews.note(SESSION, 'A', 'x', { account: 'acc-x' })).rejects.toMatchObject({
      code: 'UNKNOWN_ACCOUNT',
    });
    await expect(reviews.flag(SESSION, 'A', [c1!.hash], { note: ' ' })).rejects.toMatchObject({
      code: 'EMPTY_TEXT',
    });
    await expect(reviews.verdict(SESSION, 'A', 'approve', '')).rejects.toMatchObject({
      code: 'EMPTY_TEXT',
    });
    await expect(reviews.verdict(SESSION, '  ', 'approve', 'fine')).rejects.toMatchObject({
      code: 'NO_REVIEWER',
    });
    expect((await store.read(SESSION)).events).toEqual([]);
    expect(await readdir(join(dir, SESSION))).not.toContain(REVIEW_FILE);
  });

  it('travels inside an exported .bcsession, outside the checksum, and merges on import', async () => {
    const first = await reviewedLibrary([SESSION]);
    const [c1, c2] = creditsOf();
    await first.reviews.flag(SESSION, 'Asha', [c1!.hash], { labels: { 'one-off': true } });
    await first.reviews.verdict(SESSION, 'Asha', 'approve', 'Good book');
    const out = join(await tempDir(), 'shared.bcsession');
    await first.reviews.exportSessionFile(SESSION, undefined, out);
    const bytes = await readFile(out);
    const carried = await reviewIn(bytes);
    expect(carried?.events).toHaveLength(2);
    // The payload and its checksum are the snapshot's own.
    const exported = await first.library.open(SESSION);
    const { decodeSessionFile } = await import('../../../src/core/library/format');
    const decoded = await decodeSessionFile(bytes);
    expect(decoded.subscribedData).toEqual(exported.subscribedData);
    expect(decoded.meta.sha256).toBe(exported.meta.sha256);
    expect(decoded.version).toBe(2);

    // A colleague with their own review of the same session imports it: both kept.
    const second = await reviewedLibrary([SESSION]);
    await second.reviews.flag(SESSION, 'Ravi', [c2!.hash], { labels: { suspicious: true } });
    const outcome = await second.reviews.importFile(out);
    // Ravi already has this very snapshot: no new snapshot, but the review still merges.
    expect(outcome.duplicate).toBe(true);
    expect(outcome.reviewAdded).toBe(2);
    const state = await second.reviews.review(SESSION);
    const byReviewer = [...state.flags].sort((x, y) =>
      x.reviewers[0]! < y.reviewers[0]! ? -1 : 1,
    );
    expect(byReviewer.map((f) => [f.key, f.labels, f.reviewers])).toEqual([
      [c1!.hash, ['one-off'], ['Asha']],
      [c2!.hash, ['suspicious'], ['Ravi']],
    ]);
    expect(state.verdict?.reviewer).toBe('Asha');
    // Importing it again adds nothing.
    expect((await second.reviews.importFile(out)).reviewAdded).toBe(0);

    // Into an empty library: the review is restored with the snapshot.
    const dir = join(await tempDir(), 'library');
    const fresh = new SessionReviews({
      library: new Library({ dir, appVersion: 't' }),
      store: new ReviewStore({ dir }),
    });
    expect((await fresh.importFile(out)).reviewAdded).toBe(2);
    expect((await fresh.review(SESSION)).verdict?.reason).toBe('Good book');
  });

  it('a session without a review exports the snapshot file as it is', async () => {
    const { reviews, library } = await reviewedLibrary([SESSION]);
    const out = join(await tempDir(), 'plain.bcsession');
    await reviews.exportSessionFile(SESSION, undefined, out);
    const [snapshot] = (await library.list()).snapshots;
    expect(await readFile(out)).toEqual(await readFile(snapshot!.file));
  });

  it('a damaged review.json is reported and left as it is', async () => {
    const { reviews, store } = await reviewedLibrary([SESSION]);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(store.fileOf(SESSION), '{"format":"bankconnect-viewer/review"');
    await expect(reviews.verdict(SESSION, 'A', 'approve', 'ok')).rejects.toMatchObject({
      code: 'REVIEW_DAMAGED',
    });
    expect(await readFile(store.fileOf(SESSION), 'utf8')).toBe(
      '{"format":"bankconnect-viewer/review"',
    );
  });
});
