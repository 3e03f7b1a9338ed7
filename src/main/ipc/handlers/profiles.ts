// profiles:* and vault:* — results carry secret hints only, never a secret.
import { DATA_ENDPOINTS, type DataEndpoint } from '@shared/api/endpoints';
import { API_ERRORS } from '@shared/api/error-codes';
import type { BankConnectClient } from '../../../core/api/client';
import type { AppDeps } from '../../../core/deps';
import type { Services } from '../../../core/services';
import { toIpcError } from '../ipc-errors';
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
      const { connection, endpoint } = await s.profiles.connection(id);
      const client = deps.createClient(connection, deps.fetch);
      let outcome: ReturnType<typeof probeOutcome>;
      try {
        await client.sessionStatus(PROBE_SESSION_ID);
        outcome = {
          reachable: true,
          credentialsAccepted: true,
          message: 'Connected: credentials accepted',
        };
      } catch (error) {
        outcome = probeOutcome(error);
      }
      if (!outcome.credentialsAccepted) return outcome;
      return {
        ...outcome,
        message: `${outcome.message}. ${await endpointsLine(client, endpoint)}`,
      };
    },
    'vault:status': () => Promise.resolve(s.vault.status()),
    'vault:consent': ({ allowInsecure }) => s.vault.setConsent(allowInsecure),
  };
}

/** Which data endpoints answer BankConnect's way (SESSION_NOT_FOUND for the probe id). */
async function endpointsLine(client: BankConnectClient, chosen: DataEndpoint): Promise<string> {
  const answers = await Promise.all(
    DATA_ENDPOINTS.map(async (endpoint) => {
      try {
        await client.data(PROBE_SESSION_ID, endpoint);
        return endpoint;
      } catch (error) {
        const { code } = toIpcError(error);
        return code in API_ERRORS ? endpoint : null;
      }
    }),
  );
  const answering = answers.filter((e): e is DataEndpoint => e !== null);
  const said =
    answering.length === 0
      ? 'Neither data endpoint (subscribed_data, insights) answers'
      : answering.length === 2
        ? 'Both data endpoints answer (subscribed_data and insights)'
        : `Only the ${answering[0]} data endpoint answers`;
  const warn = answering.includes(chosen) ? '' : ": change the profile's endpoint";
  return `${said}; this profile calls ${chosen}${warn}`;
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
