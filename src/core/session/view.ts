// The normalised view of a session: the data with its statuses, or, for a failed session
// without data, the statuses alone.
import type { SessionData } from '@shared/api/parse';
import type { SessionStatusResponse } from '@shared/api/schemas';
import { normalizeSession, statusOnlyView } from '@shared/model/normalize';
import type { SessionView } from '@shared/model/view-model';
import { withDuplicateKeys } from '@shared/json/duplicate-items';
import type { DuplicateKey } from '@shared/json/read-json';
import type { SessionPayload } from '../library/payload';

export function sessionViewOf(
  sessionId: string,
  status: SessionStatusResponse | null,
  data: SessionData | null,
  duplicateKeys?: readonly DuplicateKey[],
): SessionView {
  const view = data ? normalizeSession(data, status) : statusOnlyView(sessionId, status);
  return withDuplicateKeys(view, duplicateKeys, 'data');
}

/**
 * The view of a session as a file or the library holds it: every saved snapshot, imported
 * file and `bcv export FILE` becomes a view here, with the keys its JSON gives twice set
 * aside and listed (`where`: what the notes call the JSON, "data" or "file").
 */
export function viewOfPayload(
  payload: SessionPayload,
  where: 'data' | 'file' = 'data',
): SessionView {
  const view = normalizeSession(payload.subscribedData, payload.sessionStatus);
  return withDuplicateKeys(view, payload.duplicateKeys, where);
}
