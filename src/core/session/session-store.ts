// Sessions main holds in memory, by an opaque handle: the normalised view, where it came
// from and, for a live fetch, the raw responses as received (for saving to the library).
import { randomUUID } from 'node:crypto';
import type { LoadedSession, SessionSource } from '@shared/ipc/contract';
import type { SessionView } from '@shared/model/view-model';
import { CoreError } from '../core-error';
import type { RawResponses } from './received';

export interface StoredSession {
  readonly loaded: LoadedSession;
  /** Null for a session opened from the library: its data stays in the snapshot's file. */
  readonly raw: RawResponses | null;
}

export interface AddSession {
  readonly sessionId: string;
  readonly fetchedAt: string;
  readonly source: SessionSource;
  readonly view: SessionView;
  readonly raw: RawResponses | null;
}

export class SessionStore {
  private readonly sessions = new Map<string, StoredSession>();

  add(input: AddSession): LoadedSession {
    const loaded: LoadedSession = {
      handle: randomUUID(),
      sessionId: input.sessionId,
      fetchedAt: input.fetchedAt,
      source: input.source,
      view: input.view,
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
