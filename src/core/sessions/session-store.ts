// Sessions main holds in memory, by an opaque handle: both raw responses (for saving to
// the library and exporting), the normalised view and where they came from.
import { randomUUID } from 'node:crypto';
import type { SessionData } from '@shared/api/parse';
import type { SessionStatusResponse } from '@shared/api/schemas';
import type { LoadedSession, SessionSource } from '@shared/ipc/contract';
import { normalizeSession, statusOnlyView } from '@shared/model/normalize';
import type { SessionView } from '@shared/model/view-model';
import { CoreError } from '../errors';

export interface RawResponses {
  readonly sessionStatus: SessionStatusResponse | null;
  /** Null when the data could not be fetched (a failed session): statuses only. */
  readonly subscribedData: SessionData | null;
}

export interface StoredSession {
  readonly loaded: LoadedSession;
  readonly raw: RawResponses;
}

export interface AddSession {
  readonly sessionId: string;
  readonly fetchedAt: string;
  readonly source: SessionSource;
  readonly raw: RawResponses;
}

export function viewOf(sessionId: string, raw: RawResponses): SessionView {
  if (raw.subscribedData) return normalizeSession(raw.subscribedData, raw.sessionStatus);
  return statusOnlyView(sessionId, raw.sessionStatus);
}

export class SessionStore {
  private readonly sessions = new Map<string, StoredSession>();

  add(input: AddSession): LoadedSession {
    const loaded: LoadedSession = {
      handle: randomUUID(),
      sessionId: input.sessionId,
      fetchedAt: input.fetchedAt,
      source: input.source,
      view: viewOf(input.sessionId, input.raw),
    };
    this.sessions.set(loaded.handle, { loaded, raw: input.raw });
    return loaded;
  }

  get(handle: string): StoredSession {
    const stored = this.sessions.get(handle);
    if (!stored) {
      throw new CoreError('SESSION_CLOSED', 'That session is no longer open; open it again');
    }
    return stored;
  }

  close(handle: string): boolean {
    return this.sessions.delete(handle);
  }
}
