// session:* — fetch a session as the active profile, with polling progress, cancellable.
import { API_ERRORS, isApiErrorCode } from '@shared/api/error-codes';
import type { SessionData } from '@shared/api/parse';
import type { SessionStatusResponse } from '@shared/api/schemas';
import type { LoadedSession, SessionSource } from '@shared/ipc/contract';
import { normalizeSessionStatus } from '@shared/model/normalize';
import type { AppDeps } from '../../../core/deps';
import type { Services } from '../../../core/services';
import { toIpcError } from '../errors';
import type { CallContext, HandlerMap } from '../types';

type Channels = 'session:status' | 'session:fetch' | 'session:refresh' | 'session:close';

export function sessionHandlers(deps: AppDeps, s: Services): HandlerMap<Channels> {
  async function activeClient() {
    const id = s.profiles.active();
    const { connection, name, sandbox } = await s.profiles.connection(id);
    const source: SessionSource = {
      kind: 'live',
      profileId: id,
      profileName: name,
      host: new URL(connection.baseUrl).host,
      sandbox,
    };
    return { client: deps.createClient(connection, deps.fetch), source };
  }

  async function load(sessionId: string, wait: boolean, jobId: string, ctx: CallContext) {
    const { client, source } = await activeClient();
    return s.jobs.run(jobId, async (signal): Promise<LoadedSession> => {
      const started = deps.clock().getTime();
      let status: SessionStatusResponse;
      if (wait) {
        status = await client.waitForCompletion(sessionId, {
          signal,
          onPoll: ({ attempt }) =>
            ctx.emit('progress', {
              jobId,
              kind: 'poll',
              done: attempt,
              total: null,
              message: `Processing: poll ${attempt}, ${Math.round((deps.clock().getTime() - started) / 1000)} s`,
            }),
        });
      } else {
        status = await client.sessionStatus(sessionId, signal);
      }
      ctx.emit('progress', { jobId, kind: 'fetch', done: 0, total: 1, message: 'Fetching data' });
      let data: SessionData | null = null;
      try {
        data = await client.subscribedData(sessionId, signal);
      } catch (error) {
        // A session whose processing failed has statuses but no data: show the statuses.
        if (signal.aborted || !statusesExplain(status)) throw error;
      }
      ctx.emit('progress', { jobId, kind: 'fetch', done: 1, total: 1, message: 'Fetched' });
      return s.sessions.add({
        sessionId,
        fetchedAt: deps.clock().toISOString(),
        source,
        raw: { sessionStatus: status, subscribedData: data },
      });
    });
  }

  return {
    'session:status': async ({ sessionId }) => {
      const { client } = await activeClient();
      return normalizeSessionStatus(await withDocumentedMessage(client.sessionStatus(sessionId)));
    },
    'session:fetch': ({ sessionId, wait, jobId }, ctx) =>
      withDocumentedMessage(load(sessionId, wait, jobId, ctx)),
    'session:refresh': ({ handle, jobId }, ctx) => {
      const { loaded } = s.sessions.get(handle);
      return withDocumentedMessage(load(loaded.sessionId, true, jobId, ctx));
    },
    'session:close': ({ handle }) => Promise.resolve({ closed: s.sessions.close(handle) }),
  };
}

function statusesExplain(status: SessionStatusResponse): boolean {
  return status.accounts.some(
    (a) => a.error_code || (a.statements ?? []).some((st) => st.error_code),
  );
}

/** API error codes always show the documented message, whatever the client phrased. */
async function withDocumentedMessage<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    const { code } = toIpcError(error);
    if (isApiErrorCode(code)) {
      throw Object.assign(new Error(API_ERRORS[code].message), { code });
    }
    throw error;
  }
}
