// The normalised view of a session: the data with its statuses, or, for a failed session
// without data, the statuses alone.
import type { SessionData } from '@shared/api/parse';
import type { SessionStatusResponse } from '@shared/api/schemas';
import { normalizeSession, statusOnlyView } from '@shared/model/normalize';
import type { SessionView } from '@shared/model/view-model';
import { withDuplicateKeys } from '@shared/json/duplicate-items';
import type { DuplicateKey } from '@shared/json/read-json';

export function sessionViewOf(
  sessionId: string,
  status: SessionStatusResponse | null,
  data: SessionData | null,
  duplicateKeys?: readonly DuplicateKey[],
): SessionView {
  const view = data ? normalizeSession(data, status) : statusOnlyView(sessionId, status);
  return withDuplicateKeys(view, duplicateKeys, 'data');
}
