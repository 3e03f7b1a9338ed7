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
  ReviewInputError,
  verdictChange,
  type FlagRequest,
} from '@shared/review/changes';
import type { ReviewChange } from '@shared/review/document';
import type { Verdict } from '@shared/review/labels';
import { transactionIndex } from '@shared/review/resolve';
import { flagsByKey, reviewState, type ReviewState } from '@shared/review/state';
import { randomUUID } from 'node:crypto';
import { ReviewError } from './errors';
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
  verdict(
    view: SessionView,
    reviewer: string,
    decision: Verdict,
    reason: string,
  ): Promise<ReviewState>;
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
      if (options.noteId) {
        const existing = (await store.read(view.sessionId)).events.find(
          (e) => e.change.kind === 'note' && e.change.noteId === options.noteId,
        );
        if (!existing || existing.change.kind !== 'note') {
          throw new ReviewError('UNKNOWN_NOTE', `there is no note ${options.noteId} to edit`);
        }
        account = existing.change.account;
      } else if (account !== null && !view.accounts.some((a) => a.accountId === account)) {
        throw new ReviewError(
          'UNKNOWN_ACCOUNT',
          `${account} is not an account of session ${view.sessionId} (accounts: ${view.accounts.map((a) => a.accountId).join(', ')})`,
        );
      }
      const change = checked(() => noteChange(options.noteId ?? newId(), account, text));
      return write(view.sessionId, reviewer, [change]);
    },

    async verdict(view, reviewer, decision, reason) {
      const change = checked(() => verdictChange(decision, reason));
      return write(view.sessionId, reviewer, [change]);
    },
  };
}
