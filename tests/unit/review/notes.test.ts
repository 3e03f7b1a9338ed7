// Editing and removing a note: each is one more event, signed and timed; the note's
// earlier text stays in the history (never silently overwritten), and a bad id writes nothing.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { historyLines } from '../../../src/shared/review/state';
import { reviewedLibrary } from './helpers';

const SESSION = 'demo-retail';

describe('note edit and remove', () => {
  it('keeps every version in the history: who changed what, when', async () => {
    const { store, reviews } = await reviewedLibrary([SESSION]);
    const written = await reviews.note(SESSION, 'Asha', 'Rent paid in cash');
    const noteId = written.state.notes[0]!.noteId;
    await reviews.note(SESSION, 'Asha', 'Case looks fine');

    // An edit by someone else, by a unique start of the id as the CLI shows it.
    const edited = await reviews.note(SESSION, 'Ravi', 'Rent paid by cheque', {
      noteId: noteId.slice(0, 8),
    });
    const note = edited.state.notes.find((n) => n.noteId === noteId)!;
    expect(note).toMatchObject({
      text: 'Rent paid by cheque',
      author: 'Asha',
      editedBy: 'Ravi',
      account: null,
    });
    expect(note.editedAt! > note.createdAt).toBe(true);

    const removed = await reviews.removeNote(SESSION, 'Meera', noteId);
    expect(removed.state.notes.map((n) => n.text)).toEqual(['Case looks fine']);

    const lines = historyLines(removed.state.history).map(
      ({ event, text }) => `${event.reviewer}: ${text}`,
    );
    expect(lines).toEqual([
      'Asha: Note on the session: Rent paid in cash',
      'Asha: Note on the session: Case looks fine',
      'Ravi: Edited a note on the session: Rent paid by cheque (was: Rent paid in cash)',
      'Meera: Removed a note on the session (was: Rent paid by cheque)',
    ]);
    // Four events on disk: nothing was overwritten.
    const onDisk = await store.read(SESSION);
    expect(onDisk.events.filter((e) => e.change.kind === 'note')).toHaveLength(4);
  });

  it('an edit keeps the note on its account', async () => {
    const { reviews } = await reviewedLibrary([SESSION]);
    const { view } = await reviews.open(SESSION);
    const account = view.accounts[0]!.accountId;
    const { state } = await reviews.note(SESSION, 'Asha', 'Salary regular', { account });
    const edited = await reviews.note(SESSION, 'Asha', 'Salary regular since 2023', {
      noteId: state.notes[0]!.noteId,
    });
    expect(edited.state.notes[0]).toMatchObject({ account, text: 'Salary regular since 2023' });
  });

  it('refuses an unknown, ambiguous or removed note, and an empty edit, writing nothing', async () => {
    const { store, reviews } = await reviewedLibrary([SESSION]);
    const ids = ['aaaa1111', 'aaaa2222', 'bbbb3333'];
    for (const id of ids) {
      await store.append(SESSION, 'Asha', [
        { kind: 'note', noteId: id, account: null, text: `note ${id}` },
      ]);
    }
    await reviews.removeNote(SESSION, 'Asha', 'bbbb');
    const before = await readFile(store.fileOf(SESSION), 'utf8');
    await expect(reviews.note(SESSION, 'Asha', 'x', { noteId: 'cccc' })).rejects.toMatchObject({
      code: 'UNKNOWN_NOTE',
      message: 'there is no note cccc in this review',
    });
    await expect(reviews.removeNote(SESSION, 'Asha', 'aaaa')).rejects.toMatchObject({
      code: 'UNKNOWN_NOTE',
      message: 'aaaa names 2 notes: give more of its id',
    });
    await expect(reviews.removeNote(SESSION, 'Asha', 'bbbb3333')).rejects.toMatchObject({
      code: 'UNKNOWN_NOTE',
      message: 'note bbbb3333 was removed; it can no longer be changed',
    });
    await expect(reviews.note(SESSION, 'Asha', '  ', { noteId: 'aaaa1111' })).rejects.toMatchObject(
      { code: 'EMPTY_TEXT' },
    );
    expect(await readFile(store.fileOf(SESSION), 'utf8')).toBe(before);
  });
});
