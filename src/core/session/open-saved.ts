// Session files -> opened sessions, the one way: a saved snapshot opened as `library:open`
// does it (the view kept for these very file bytes when there is one, view-cache.ts, else
// the full open, after which the view of a large file is kept for the next time); a file
// imported and then opened (a double-click, Open with) hands what the import decoded to
// that open, so the file is read and decoded once.
import type { SessionView } from '@shared/model/view-model';
import { sha256OfBytes } from '../library/format';
import type { SessionPayload } from '../library/payload';
import type { Library, LibraryProgress, ListedSnapshot, OpenedSnapshot } from '../library/store';
import { nextTurn } from '../io/next-turn';
import type { ReviewedImport, SessionReviews } from '../review/session-reviews';
import type { AddSession } from './session-store';
import type { ViewCache } from './view-cache';
import { viewOfPayload } from '@shared/model/normalize';
import { readRegularFile } from '../io/regular-file';

/** Files smaller than this (about 15,000 transactions) open fast enough as they are. */
export const VIEW_KEPT_FROM_BYTES = 1024 * 1024;

export interface OpenedSaved {
  readonly session: AddSession;
  /** Where the view came from. */
  readonly from: 'kept view' | 'file' | 'import';
  /** The view being kept after a full open; the open does not wait for it. */
  readonly keeping: Promise<void>;
}

export interface SavedSessionsOptions {
  readonly library: Library;
  /** Imports carry the session's review in (merged). */
  readonly reviews: SessionReviews;
  readonly views: ViewCache | null;
}

export class SavedSessions {
  private readonly library: Library;
  private readonly reviews: SessionReviews;
  private readonly views: ViewCache | null;
  /** The last file imported to be opened next: what its import decoded. */
  private handoff: { readonly found: ListedSnapshot; readonly payload: SessionPayload } | null =
    null;

  constructor(options: SavedSessionsOptions) {
    this.library = options.library;
    this.reviews = options.reviews;
    this.views = options.views;
  }

  /** A snapshot (the newest unless given) as an open session. */
  async open(
    sessionId: string,
    snapshotId: string | undefined,
    progress: LibraryProgress = {},
  ): Promise<OpenedSaved> {
    const handed = this.handoff;
    this.handoff = null;
    if (
      handed &&
      handed.found.record.sessionId === sessionId &&
      (snapshotId === undefined || handed.found.record.snapshotId === snapshotId)
    ) {
      const view = viewOfPayload(handed.payload);
      const keeping = nextTurn().then(() => keepSavedView(this.views, handed.found, view));
      return { session: savedSession(handed.found, view), from: 'import', keeping };
    }
    return openSavedSession(this.library, this.views, sessionId, snapshotId, progress);
  }

  /**
   * Imports a file (with the review it carries). `thenOpen`: the caller opens it next, so
   * what the import decoded is kept for that open (one file at a time).
   */
  async importFile(path: string, thenOpen = false): Promise<ReviewedImport> {
    this.handoff = null;
    const outcome = await this.reviews.importFile(path);
    if (thenOpen) this.handoff = { found: outcome, payload: outcome.payload };
    return outcome;
  }

  /** Keeps the view of a session just saved, so its first open reads that. */
  keepSaved(saved: ListedSnapshot, view: SessionView): Promise<void> {
    return keepSavedView(this.views, saved, view);
  }
}

export async function openSavedSession(
  library: Library,
  views: ViewCache | null,
  sessionId: string,
  snapshotId: string | undefined,
  progress: LibraryProgress = {},
): Promise<OpenedSaved> {
  const { found, bytes } = await library.readSnapshot(sessionId, snapshotId, progress);
  const { record } = found;
  const cache = bytes.length >= VIEW_KEPT_FROM_BYTES ? views : null;
  const fileSha256 = cache ? sha256OfBytes(bytes) : '';
  const kept = await cache?.read(record.sessionId, record.snapshotId, fileSha256);
  if (kept) return { session: savedSession(found, kept), from: 'kept view', keeping: done };
  const opened = await library.decodeSnapshot(found, bytes, progress);
  progress.onProgress?.('prepare', 0, null);
  await nextTurn();
  const session = sessionOfSnapshot(opened);
  // After the answer has gone: serialising the view holds the thread a few hundred ms.
  const keeping = cache
    ? nextTurn().then(() =>
        cache.keep(record.sessionId, record.snapshotId, fileSha256, session.view),
      )
    : done;
  return { session, from: 'file', keeping };
}

/**
 * Keeps the view of a session just saved or imported, so its first open reads that: the
 * file holds the very bytes the view was made from, and opening them gives the same view.
 */
async function keepSavedView(
  views: ViewCache | null,
  saved: ListedSnapshot,
  view: SessionView,
): Promise<void> {
  if (!views || saved.record.sizeBytes < VIEW_KEPT_FROM_BYTES) return;
  const bytes = await readRegularFile(saved.file);
  const fileSha256 = sha256OfBytes(bytes);
  await views.keep(saved.record.sessionId, saved.record.snapshotId, fileSha256, view);
}

/** A snapshot read from the library, as an open session. */
export function sessionOfSnapshot(opened: OpenedSnapshot): AddSession {
  return savedSession(opened, viewOfPayload(opened));
}

/** A snapshot (found in the library) with its view, as an open session. */
export function savedSession(found: ListedSnapshot, view: SessionView): AddSession {
  const { record } = found;
  return {
    sessionId: record.sessionId,
    fetchedAt: record.fetchedAt,
    source: {
      kind: 'saved',
      snapshotId: record.snapshotId,
      file: found.file,
      sandbox: record.sandbox,
      imported: record.imported,
      importedAt: record.imported ? record.savedAt : null,
      profileName: record.profileName,
      host: record.host,
    },
    view,
    raw: null,
  };
}

const done = Promise.resolve();
