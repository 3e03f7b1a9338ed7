// Review changes on a session already in hand (the app's loaded session, or a snapshot the
// CLI opened): transactions and accounts are checked against that view, then the changes
// are appended to the session's review. Bad input throws a ReviewError and writes nothing.
import type { SessionView, TransactionView } from '@shared/model/view-model';
import { isDerivedKey } from '@shared/model/transaction-id';
import { reviewKey, type KeyOf } from '@shared/review/adjustments';
import {
  checkedText,
  flagChanges,
  noteChange,
  noteRemoval,
  ReviewInputError,
  verdictChange,
  type FlagRequest,
} from '@shared/review/changes';
import type { ReviewChange, ReviewDocument } from '@shared/review/document';
import type { Verdict } from '@shared/review/labels';
import { transactionIndex } from '@shared/review/resolve';
import { flagsByKey, reviewState, type ReviewState } from '@shared/review/state';
import { randomUUID } from 'node:crypto';
import { ReviewError } from './review-errors';
import type { ReviewStore } from './store';

export interface LoadedReviews {
  state(view: SessionView): Promise<ReviewState>;
  flag(
    view: SessionView,
    reviewer: string,
    keys: readonly string[],
    request: FlagRequest,
  ): Promise<ReviewState>;
  flagTransactions(
    sessionId: string,
    reviewer: string,
    transactions: readonly TransactionView[],
    request: FlagRequest,
  ): Promise<{ state: ReviewState; written: number }>;
  note(
    view: SessionView,
    reviewer: string,
    text: string,
    options?: { readonly account?: string | null; readonly noteId?: string },
  ): Promise<ReviewState>;
  /** Removes a note (one more event: the note stays in the history). */
  removeNote(view: SessionView, reviewer: string, noteId: string): Promise<ReviewState>;
  verdict(
    view: SessionView,
    reviewer: string,
    decision: Verdict,
    reason: string,
  ): Promise<ReviewState>;
}

/**
 * The note a reviewer names to edit or remove: by its id or a unique start of it (the CLI
 * shows the first 8 characters). A removed note is not there to change.
 */
export function findNote(
  document: ReviewDocument,
  noteId: string,
): { readonly noteId: string; readonly account: string | null } {
  const notes = new Map<string, { account: string | null; text: string }>();
  for (const { change } of document.events) {
    if (change.kind === 'note')
      notes.set(change.noteId, { account: change.account, text: change.text });
  }
  const exact = notes.has(noteId) ? [noteId] : [];
  const ids = exact.length > 0 ? exact : [...notes.keys()].filter((id) => id.startsWith(noteId));
  if (ids.length > 1) {
    throw new ReviewError(
      'UNKNOWN_NOTE',
      `${noteId} names ${ids.length} notes: give more of its id`,
    );
  }
  const found = ids[0] === undefined ? undefined : notes.get(ids[0]);
  if (!found || ids[0] === undefined) {
    throw new ReviewError('UNKNOWN_NOTE', `there is no note ${noteId} in this review`);
  }
  if (found.text.trim() === '') {
    throw new ReviewError(
      'UNKNOWN_NOTE',
      `note ${noteId} was removed; it can no longer be changed`,
    );
  }
  return { noteId: ids[0], account: found.account };
}

function checked<T>(make: () => T): T {
  try {
    return make();
  } catch (error) {
    if (error instanceof ReviewInputError) throw new ReviewError(error.code, error.message);
    throw error;
  }
}

export function loadedReviews(
  store: ReviewStore,
  keyOf: KeyOf = reviewKey,
  newId: () => string = randomUUID,
): LoadedReviews {
  const write = async (sessionId: string, reviewer: string, changes: readonly ReviewChange[]) => {
    if (!reviewer.trim()) {
      throw new ReviewError(
        'NO_REVIEWER',
        'Enter your name as the reviewer first: every change to a review is signed',
      );
    }
    if (changes.length === 0) return reviewState(await store.read(sessionId));
    return reviewState((await store.append(sessionId, reviewer, changes)).document);
  };

  const flagTransactions: LoadedReviews['flagTransactions'] = async (
    sessionId,
    reviewer,
    transactions,
    request,
  ) => {
    const current = flagsByKey(reviewState(await store.read(sessionId)));
    const changes = checked(() => flagChanges(transactions, current, request, keyOf, isDerivedKey));
    return { state: await write(sessionId, reviewer, changes), written: changes.length };
  };

  return {
    state: async (view) => reviewState(await store.read(view.sessionId)),

    async flag(view, reviewer, keys, request) {
      const byKey = transactionIndex(view, keyOf);
      const missing = keys.filter((k) => !byKey.has(k));
      if (missing.length > 0) {
        throw new ReviewError(
          'UNKNOWN_TRANSACTION',
          `no transaction of session ${view.sessionId} has the hash ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}`,
        );
      }
      const transactions = keys.map((k) => byKey.get(k)!);
      return (await flagTransactions(view.sessionId, reviewer, transactions, request)).state;
    },

    flagTransactions,

    async note(view, reviewer, text, options = {}) {
      checked(() => checkedText(text, 'The note'));
      let account = options.account ?? null;
      let noteId = options.noteId;
      if (noteId !== undefined) {
        ({ noteId, account } = findNote(await store.read(view.sessionId), noteId));
      } else if (account !== null && !view.accounts.some((a) => a.accountId === account)) {
        throw new ReviewError(
          'UNKNOWN_ACCOUNT',
          `${account} is not an account of session ${view.sessionId} (accounts: ${view.accounts.map((a) => a.accountId).join(', ')})`,
        );
      }
      const change = checked(() => noteChange(noteId ?? newId(), account, text));
      return write(view.sessionId, reviewer, [change]);
    },

    async removeNote(view, reviewer, noteId) {
      const found = findNote(await store.read(view.sessionId), noteId);
      return write(view.sessionId, reviewer, [noteRemoval(found.noteId, found.account)]);
    },

    async verdict(view, reviewer, decision, reason) {
      const change = checked(() => verdictChange(decision, reason));
      return write(view.sessionId, reviewer, [change]);
    },
  };
}
