// profiles:* and vault:* — results carry secret hints only, never a secret.
import { API_ERRORS } from '@shared/api/error-codes';
import type { AppDeps } from '../../../core/deps';
import type { Services } from '../../../core/services';
import { toIpcError } from '../errors';
import type { HandlerMap } from '../types';

/** An id no real session has: session_status answers 404 when the credentials are good. */
export const PROBE_SESSION_ID = 'bcv-connection-probe';

type Channels =
  | 'profiles:list'
  | 'profiles:save'
  | 'profiles:delete'
  | 'profiles:activate'
  | 'profiles:test'
  | 'vault:status'
  | 'vault:consent';

export function profileHandlers(deps: AppDeps, s: Services): HandlerMap<Channels> {
  return {
    'profiles:list': () => s.profiles.list(),
    'profiles:save': (args) => s.profiles.save(args),
    'profiles:delete': async ({ id }) => ({ activeId: await s.profiles.delete(id) }),
    'profiles:activate': async ({ id }) => ({ activeId: await s.profiles.activate(id) }),
    'profiles:test': async ({ id }) => {
      const { connection } = await s.profiles.connection(id);
      const client = deps.createClient(connection, deps.fetch);
      try {
        await client.sessionStatus(PROBE_SESSION_ID);
        return {
          reachable: true,
          credentialsAccepted: true,
          message: 'Connected: credentials accepted',
        };
      } catch (error) {
        return probeOutcome(error);
      }
    },
    'vault:status': () => Promise.resolve(s.vault.status()),
    'vault:consent': ({ allowInsecure }) => s.vault.setConsent(allowInsecure),
  };
}

function probeOutcome(error: unknown): {
  reachable: boolean;
  credentialsAccepted: boolean;
  message: string;
} {
  const { code, message } = toIpcError(error);
  if (code === 'SESSION_NOT_FOUND') {
    return {
      reachable: true,
      credentialsAccepted: true,
      message: 'Connected: credentials accepted',
    };
  }
  if (code === 'ACCESS_DENIED') {
    return {
      reachable: true,
      credentialsAccepted: false,
      message: `The server rejected the credentials: ${API_ERRORS.ACCESS_DENIED.message}`,
    };
  }
  // Any other answer with an HTTP status came from a server; no status means no answer.
  const status = (error as { status?: unknown; httpStatus?: unknown } | null) ?? {};
  const answered = typeof status.status === 'number' || typeof status.httpStatus === 'number';
  return {
    reachable: answered,
    credentialsAccepted: false,
    message: answered ? `The server answered: ${message}` : `Not reachable: ${message}`,
  };
}
