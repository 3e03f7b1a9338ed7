// Where a session's review lives: `<library>/<session folder>/review.json`, beside the
// session's snapshots, which it never touches. Every change is read-modify-write under
// the lock file (lock.ts), and the document is written like a snapshot (temporary file,
// fsync, rename): a crash leaves the previous review whole, and two writers never lose an
// entry. Plain Node: file system, clock and ids injectable.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { formatCount } from '@shared/format/value';
import {
  emptyReview,
  MAX_REVIEW_EVENTS,
  mergeReviews,
  parseReviewDocument,
  type ReviewChange,
  type ReviewDocument,
  type ReviewEvent,
} from '@shared/review/document';
import { realFs, writeFileAtomic, type LibraryFs } from '../io/safe-write';
import { readFileBounded, TooLargeError } from '../io/size-ceiling';
import { MAX_REVIEW_BYTES, reviewTooLarge } from './bundle';
import { folderNameOf } from '../library/ids';
import { ReviewError } from './review-errors';
import { withLock } from './lock';

export const REVIEW_FILE = 'review.json';
export const REVIEW_LOCK = '.review.lock';

export interface ReviewStoreOptions {
  /** The library folder. */
  readonly dir: string;
  readonly fs?: LibraryFs;
  readonly clock?: () => Date;
  readonly newId?: () => string;
}

export class ReviewStore {
  readonly dir: string;
  private readonly fs: LibraryFs;
  private readonly clock: () => Date;
  private readonly newId: () => string;

  constructor(options: ReviewStoreOptions) {
    this.dir = options.dir;
    this.fs = options.fs ?? realFs;
    this.clock = options.clock ?? (() => new Date());
    this.newId = options.newId ?? randomUUID;
  }

  folderOf(sessionId: string): string {
    return join(this.dir, folderNameOf(sessionId));
  }

  fileOf(sessionId: string): string {
    return join(this.folderOf(sessionId), REVIEW_FILE);
  }

  /** The session's review (empty when it has none yet). */
  async read(sessionId: string): Promise<ReviewDocument> {
    let bytes: Buffer;
    try {
      // Bounded, and a regular file only, like every file this app reads.
      bytes = await readFileBounded(this.fileOf(sessionId), {
        fs: this.fs,
        limit: MAX_REVIEW_BYTES,
        what: REVIEW_FILE,
      });
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ENOENT') return emptyReview(sessionId);
      if (error instanceof TooLargeError) throw reviewTooLarge(`${REVIEW_FILE} is`);
      throw error;
    }
    let value: unknown;
    try {
      value = JSON.parse(bytes.toString('utf8'));
    } catch {
      throw damaged(sessionId, 'it is not JSON');
    }
    let document: ReviewDocument;
    try {
      document = parseReviewDocument(value, REVIEW_FILE);
    } catch (error) {
      throw damaged(sessionId, (error as Error).message);
    }
    if (document.sessionId !== sessionId) {
      throw damaged(sessionId, `it belongs to session ${document.sessionId}`);
    }
    return document;
  }

  /** Adds the changes as events by `reviewer`, now; answers the review with them. */
  async append(
    sessionId: string,
    reviewer: string,
    changes: readonly ReviewChange[],
  ): Promise<{ document: ReviewDocument; events: ReviewEvent[] }> {
    const name = reviewer.trim();
    if (!name) {
      throw new ReviewError('NO_REVIEWER', 'a reviewer name is needed to sign the review');
    }
    const at = this.clock().toISOString();
    // One id for the batch, numbered: events of one change share a time and keep their order.
    const batch = this.newId();
    const events = changes.map((change, i) => ({
      id: `${batch}-${String(i).padStart(5, '0')}`,
      at,
      reviewer: name,
      change,
    }));
    const document = await this.update(sessionId, (current) => ({
      ...current,
      events: [...current.events, ...events],
    }));
    return { document, events };
  }

  /** Folds another copy of the review in (both reviewers' entries kept); answers how many were new. */
  async merge(
    sessionId: string,
    other: ReviewDocument,
  ): Promise<{ document: ReviewDocument; added: number }> {
    if (other.sessionId !== sessionId) {
      throw new ReviewError(
        'WRONG_SESSION',
        `the review is of session ${other.sessionId}, not ${sessionId}`,
      );
    }
    let added = 0;
    const document = await this.update(sessionId, (current) => {
      const merged = mergeReviews(current, other);
      added = merged.events.length - current.events.length;
      return added === 0 ? null : merged;
    });
    return { document, added };
  }

  /** Read, change and write under the lock; `change` answering null writes nothing. */
  private async update(
    sessionId: string,
    change: (current: ReviewDocument) => ReviewDocument | null,
  ): Promise<ReviewDocument> {
    const folder = this.folderOf(sessionId);
    try {
      await this.fs.mkdir(folder, { recursive: true });
    } catch (error) {
      throw writeFailed(error);
    }
    return withLock(this.fs, join(folder, REVIEW_LOCK), async () => {
      const current = await this.read(sessionId);
      const next = change(current);
      if (!next) return current;
      // Never written past what a review may hold: it could not be read back.
      if (next.events.length > MAX_REVIEW_EVENTS) {
        throw new ReviewError(
          'REVIEW_TOO_LARGE',
          `the review would hold ${formatCount(next.events.length)} entries, more than the ${formatCount(MAX_REVIEW_EVENTS)} a review may hold; it was left as it is`,
        );
      }
      const bytes = Buffer.from(`${JSON.stringify(next, null, 1)}\n`, 'utf8');
      try {
        await writeFileAtomic(this.fs, folder, REVIEW_FILE, bytes);
      } catch (error) {
        throw writeFailed(error);
      }
      return next;
    });
  }
}

function damaged(sessionId: string, why: string): ReviewError {
  return new ReviewError(
    'REVIEW_DAMAGED',
    `the review of session ${sessionId} (${REVIEW_FILE}) cannot be read: ${why}; it was left as it is`,
  );
}

function writeFailed(error: unknown): ReviewError {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new ReviewError(
      'WRITE_FAILED',
      'could not save the review: the disk is full; the review on disk is as it was',
    );
  }
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new ReviewError(
    'WRITE_FAILED',
    `could not save the review (${typeof code === 'string' ? code : reason}); the review on disk is as it was`,
  );
}
