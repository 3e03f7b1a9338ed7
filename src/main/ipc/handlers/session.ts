// session:* — a session opened with core's openSession as the active profile, with
// progress, cancellable; kept in the session store with its raw responses.
import type { LoadedSession, SessionSource } from '@shared/ipc/contract';
import type { AppDeps } from '../../../core/deps';
import type { Services } from '../../../core/services';
import { openSession, type SessionConnection } from '../../../core/session/open-session';
import type { CallContext, HandlerMap } from '../types';

type Channels = 'session:status' | 'session:fetch' | 'session:refresh' | 'session:close';

export function sessionHandlers(deps: AppDeps, s: Services): HandlerMap<Channels> {
  async function activeConnection(): Promise<SessionConnection & { source: SessionSource }> {
    const id = s.profiles.active();
    const { connection, name, sandbox, endpoint } = await s.profiles.connection(id);
    const host = new URL(connection.baseUrl).host;
    return {
      client: deps.createClient(connection, deps.fetch),
      provenance: { profileName: name, host, sandbox },
      endpoint,
      source: { kind: 'live', profileId: id, profileName: name, host, sandbox },
    };
  }

  async function load(sessionId: string, wait: boolean, jobId: string, ctx: CallContext) {
    const connection = await activeConnection();
    return s.jobs.run(jobId, async (signal): Promise<LoadedSession> => {
      const opened = await openSession(connection, sessionId, {
        wait,
        signal,
        clock: deps.clock,
        onProgress: (progress) => ctx.emit('progress', { jobId, ...progress }),
      });
      return s.sessions.add({
        sessionId,
        fetchedAt: opened.fetchedAt,
        source: connection.source,
        view: opened.view,
        raw: opened.raw,
      });
    });
  }

  return {
    'session:status': async ({ sessionId }) => {
      const opened = await openSession(await activeConnection(), sessionId, {
        statusOnly: true,
        clock: deps.clock,
      });
      return opened.status;
    },
    'session:fetch': ({ sessionId, wait, jobId }, ctx) => load(sessionId, wait, jobId, ctx),
    'session:refresh': ({ handle, jobId }, ctx) => {
      const { loaded } = s.sessions.get(handle);
      return load(loaded.sessionId, true, jobId, ctx);
    },
    'session:close': ({ handle }) => Promise.resolve({ closed: s.sessions.close(handle) }),
  };
}
