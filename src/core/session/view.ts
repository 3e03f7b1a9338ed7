// The normalised view of a session: the data with its statuses, or, for a failed session
// without data, the statuses alone.
import type { SessionData } from '@shared/api/parse';
import type { SessionStatusResponse } from '@shared/api/schemas';
import { normalizeSession, statusOnlyView } from '@shared/model/normalize';
import type { SessionView } from '@shared/model/view-model';

export function sessionViewOf(
  sessionId: string,
  status: SessionStatusResponse | null,
  data: SessionData | null,
): SessionView {
  return data ? normalizeSession(data, status) : statusOnlyView(sessionId, status);
}
