// The review of saved sessions: the library's snapshots (read only, never written here)
// and the review store, checked together, so a flag names a transaction the session
// has, a note an account it has, and a bad request writes nothing.
import { randomUUID } from 'node:crypto';
import { basename, dirname } from 'node:path';
import type { SessionView, TransactionView } from '@shared/model/view-model';
import { reviewKey, type KeyOf } from '@shared/review/adjustments';
import type { FlagRequest } from '@shared/review/changes';
import type { ReviewDocument, ReviewEvent } from '@shared/review/document';
import type { Verdict } from '@shared/review/labels';
import { reviewState, type ReviewState } from '@shared/review/state';
import { viewOfPayload } from '@shared/model/normalize';
import { realFs, writeFileAtomic, type LibraryFs } from '../io/safe-write';
import { carriedReview } from '../library/session-input';
import type { ImportOutcome, Library, OpenedSnapshot } from '../library/store';
import { withReview } from './bundle';
import { loadedReviews, type LoadedReviews } from './loaded-review';
import { ReviewError } from './review-errors';
import type { ReviewStore } from './store';

export interface ReviewedSession {
  readonly snapshot: OpenedSnapshot;
  readonly view: SessionView;
  readonly document: ReviewDocument;
  readonly state: ReviewState;
}

export interface SessionReviewsOptions {
  readonly library: Library;
  readonly store: ReviewStore;
  /** The transaction key (issue 13's hash-or-derived id once it lands). */
  readonly keyOf?: KeyOf;
  readonly fs?: LibraryFs;
  readonly newId?: () => string;
}

export interface ReviewedImport extends ImportOutcome {
  /** Review entries the file brought that this library did not have. */
  readonly reviewAdded: number;
}

export interface ChangeOutcome {
  readonly state: ReviewState;
  /** The events written (none when the review already said so). */
  readonly events: readonly ReviewEvent[];
}

export class SessionReviews {
  private readonly library: Library;
  private readonly store: ReviewStore;
  private readonly keyOf: KeyOf;
  private readonly fs: LibraryFs;
  /** Review changes on a session already in hand (the app's loaded session). */
  readonly loaded: LoadedReviews;

  constructor(options: SessionReviewsOptions) {
    this.library = options.library;
    this.store = options.store;
    this.keyOf = options.keyOf ?? reviewKey;
    this.fs = options.fs ?? realFs;
    this.loaded = loadedReviews(options.store, this.keyOf, options.newId ?? randomUUID);
  }

  /** A snapshot (the newest unless given) with the session's review. */
  async open(sessionId: string, snapshotId?: string): Promise<ReviewedSession> {
    const snapshot = await this.library.open(sessionId, snapshotId);
    const view = viewOfPayload(snapshot);
    const document = await this.store.read(sessionId);
    return { snapshot, view, document, state: reviewState(document) };
  }

  /** The session's review alone (the session must be in the library). */
  async review(sessionId: string): Promise<ReviewState> {
    await this.library.locate(sessionId);
    return reviewState(await this.store.read(sessionId));
  }

  /** Flags one or more transactions (by key) the same way. */
  async flag(
    sessionId: string,
    reviewer: string,
    keys: readonly string[],
    request: FlagRequest,
  ): Promise<ChangeOutcome> {
    const transactions = await this.findTransactions(sessionId, keys);
    const { state, written } = await this.loaded.flagTransactions(
      sessionId,
      reviewer,
      transactions,
      request,
    );
    return { state, events: state.history.slice(state.history.length - written) };
  }

  /** A new note on the session (account null) or on one account, or an edit of one (noteId). */
  async note(
    sessionId: string,
    reviewer: string,
    text: string,
    options: { readonly account?: string | null; readonly noteId?: string } = {},
  ): Promise<ChangeOutcome> {
    const { view } = await this.open(sessionId);
    return this.outcome(await this.loaded.note(view, reviewer, text, options));
  }

  /** Removes a note, as one more event (the history keeps what it said). */
  async removeNote(sessionId: string, reviewer: string, noteId: string): Promise<ChangeOutcome> {
    const { view } = await this.open(sessionId);
    return this.outcome(await this.loaded.removeNote(view, reviewer, noteId));
  }

  async verdict(
    sessionId: string,
    reviewer: string,
    decision: Verdict,
    reason: string,
  ): Promise<ChangeOutcome> {
    const { view } = await this.open(sessionId);
    return this.outcome(await this.loaded.verdict(view, reviewer, decision, reason));
  }

  private outcome(state: ReviewState): ChangeOutcome {
    return { state, events: state.history.slice(-1) };
  }

  /** The session file of a snapshot with the session's review inside (when it has one). */
  async exportSessionFile(
    sessionId: string,
    snapshotId: string | undefined,
    destination: string,
  ): Promise<string> {
    const document = await this.store.read(sessionId);
    const found = await this.library.locate(sessionId, snapshotId);
    if (document.events.length === 0) {
      return this.library.exportTo(sessionId, snapshotId, destination);
    }
    const bytes = await withReview(await this.fs.readFile(found.file), document, {
      at: new Date().toISOString(),
      appVersion: this.library.appVersion,
    });
    return writeFileAtomic(this.fs, dirname(destination), basename(destination), bytes);
  }

  /**
   * Imports a file into the library and merges the review it carries into the session's.
   * The file is read once; the review is read first, so a damaged one refuses the whole
   * file before anything is written.
   */
  async importFile(path: string): Promise<ReviewedImport> {
    const name = basename(path);
    const { bytes, fetchedAtGuess } = await this.library.readImport(path);
    const review = await carriedReview(bytes, name);
    return this.mergeInto(await this.library.importBytes(bytes, name, fetchedAtGuess), review);
  }

  private async mergeInto(
    outcome: ImportOutcome,
    review: ReviewDocument | null,
  ): Promise<ReviewedImport> {
    if (!review) return { ...outcome, reviewAdded: 0 };
    const { added } = await this.store.merge(outcome.record.sessionId, review);
    return { ...outcome, reviewAdded: added };
  }

  /** The transactions with these keys, from the newest snapshot that has each. */
  private async findTransactions(
    sessionId: string,
    keys: readonly string[],
  ): Promise<TransactionView[]> {
    const { snapshots } = await this.library.list();
    const mine = snapshots.filter((s) => s.record.sessionId === sessionId);
    if (mine.length === 0) await this.library.locate(sessionId); // throws NOT_IN_LIBRARY
    const wanted = new Set(keys);
    const found = new Map<string, TransactionView>();
    const ordered = [...mine].sort((a, b) => (a.record.savedAt < b.record.savedAt ? 1 : -1));
    for (const s of ordered) {
      if (found.size === wanted.size) break;
      const opened = await this.library.open(sessionId, s.record.snapshotId);
      const view = viewOfPayload(opened);
      for (const account of view.accounts) {
        for (const t of account.transactions) {
          const key = this.keyOf(t);
          if (wanted.has(key) && !found.has(key)) found.set(key, t);
        }
      }
    }
    const missing = keys.filter((k) => !found.has(k));
    if (missing.length > 0) {
      throw new ReviewError(
        'UNKNOWN_TRANSACTION',
        `no transaction of session ${sessionId} has the hash ${missing.join(', ')}`,
      );
    }
    return keys.map((k) => found.get(k)!);
  }
}
