// A saved snapshot opened as a session, as `library:open` does it: the view kept for these
// very file bytes when there is one (view-cache.ts), else the full open, after which the
// view of a large file is kept for the next time.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { SessionView } from '@shared/model/view-model';
import type { Library, LibraryProgress, ListedSnapshot } from '../library/store';
import { nextTurn } from '../io/next-turn';
import type { AddSession } from '../sessions/session-store';
import { savedSession, sessionOfSnapshot } from './from-snapshot';
import type { ViewCache } from './view-cache';

/** Files smaller than this (about 15,000 transactions) open fast enough as they are. */
export const VIEW_KEPT_FROM_BYTES = 1024 * 1024;

export interface OpenedSaved {
  readonly session: AddSession;
  /** Where the view came from. */
  readonly from: 'kept view' | 'file';
  /** The view being kept after a full open; the open does not wait for it. */
  readonly keeping: Promise<void>;
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
  const fileSha256 = cache ? createHash('sha256').update(bytes).digest('hex') : '';
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
 * Keeps the view of a session just saved, so its first open reads that: the file holds the
 * very bytes the view was made from, and opening them gives the same view.
 */
export async function keepSavedView(
  views: ViewCache | null,
  saved: ListedSnapshot,
  view: SessionView,
): Promise<void> {
  if (!views || saved.record.sizeBytes < VIEW_KEPT_FROM_BYTES) return;
  const bytes = await readFile(saved.file);
  const fileSha256 = createHash('sha256').update(bytes).digest('hex');
  await views.keep(saved.record.sessionId, saved.record.snapshotId, fileSha256, view);
}

const done = Promise.resolve();
