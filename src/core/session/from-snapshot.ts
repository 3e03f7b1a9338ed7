// A saved snapshot as an open session: the same normalisation as a live fetch, the
// snapshot's provenance as its source.
import type { SessionView } from '@shared/model/view-model';
import type { ListedSnapshot, OpenedSnapshot } from '../library/store';
import type { AddSession } from '../sessions/session-store';
import { sessionViewOf } from './view';

export function sessionOfSnapshot(opened: OpenedSnapshot): AddSession {
  return savedSession(
    opened,
    sessionViewOf(
      opened.record.sessionId,
      opened.sessionStatus,
      opened.subscribedData,
      opened.duplicateKeys,
    ),
  );
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
      profileName: record.profileName,
      host: record.host,
    },
    view,
    raw: null,
  };
}
