// A saved snapshot as an open session: the same normalisation as a live fetch, the
// snapshot's provenance as its source.
import type { OpenedSnapshot } from '../library/store';
import type { AddSession } from '../sessions/session-store';
import { sessionViewOf } from './view';

export function sessionOfSnapshot(opened: OpenedSnapshot): AddSession {
  const { record } = opened;
  return {
    sessionId: record.sessionId,
    fetchedAt: record.fetchedAt,
    source: {
      kind: 'saved',
      snapshotId: record.snapshotId,
      file: opened.file,
      sandbox: record.sandbox,
      imported: record.imported,
      profileName: record.profileName,
      host: record.host,
    },
    view: sessionViewOf(
      record.sessionId,
      opened.sessionStatus,
      opened.subscribedData,
      opened.duplicateKeys,
    ),
    raw: null,
  };
}
