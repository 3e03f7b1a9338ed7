// A BankConnect client double for unit, integration and e2e tests: GOOD (or the sandbox's)
// credentials are accepted, `demo-*` ids exist, `pending` polls come before completion.
// It answers like the real client: coded errors with the HTTP status, bodies as received.
import { API_ERRORS, type ApiErrorCode } from '../../src/shared/api/error-codes';
import type { SessionStatusResponse, SubscribedDataResponse } from '../../src/shared/api/schemas';
import { insightsResponse } from '../../src/sandbox/insights-shape';
import type { BankConnectClient } from '../../src/core/api/client';
import { BankConnectError } from '../../src/core/api/api-errors';
import type { Connection } from '../../src/core/deps';
import { SANDBOX_CREDENTIALS } from '../../src/core/profiles/profile-store';
import reference from '../../src/sandbox/data/reference-subscribed-data.json';
import { received } from './received';

export function apiError(code: ApiErrorCode): BankConnectError {
  return new BankConnectError(code, API_ERRORS[code].message, API_ERRORS[code].httpStatus);
}

export const GOOD = { apiKey: 'sk_live_9f8e7d6c5b4a3210', serverHash: 'srvhash_ABCDEFGH12345678' };

export function statusOf(sessionId: string): SessionStatusResponse {
  return {
    session_id: sessionId,
    accounts: [
      {
        account_id: 'acc-1',
        account_status: 'completed',
        bank_name: 'HDFC',
        statements: [{ statement_id: 'st-1', statement_status: 'completed' }],
      },
    ],
  };
}

export function fakeClientFactory(options: { pending?: number; pollDelayMs?: number } = {}) {
  const seen: Connection[] = [];
  const factory = (connection: Connection): BankConnectClient => {
    seen.push(connection);
    const ok = [GOOD, SANDBOX_CREDENTIALS].some(
      (c) => connection.apiKey === c.apiKey && connection.serverHash === c.serverHash,
    );
    const check = (sessionId: string): void => {
      if (!ok) throw apiError('ACCESS_DENIED');
      if (!sessionId.startsWith('demo-')) throw apiError('SESSION_NOT_FOUND');
    };
    return {
      host: new URL(connection.baseUrl).host,
      sessionStatus: (id) => Promise.resolve().then(() => (check(id), received(statusOf(id)))),
      subscribedData: (id) =>
        Promise.resolve().then(() => {
          check(id);
          return received({ ...(reference as object), session_id: id } as never);
        }),
      // The same data in either endpoint's shape, as the sandbox serves it.
      data: (id, endpoint) =>
        Promise.resolve().then(() => {
          check(id);
          const body =
            endpoint === 'insights'
              ? insightsResponse(reference as unknown as SubscribedDataResponse)
              : reference;
          return received({ ...(body as object), session_id: id } as never);
        }),
      // Like an older server: no progress endpoint.
      progress: (id) => Promise.resolve().then(() => (check(id), null)),
      async waitForCompletion(id, { signal, onPoll } = {}) {
        check(id);
        for (let attempt = 1; attempt <= (options.pending ?? 0); attempt += 1) {
          onPoll?.({ attempt, elapsedMs: attempt * 10 });
          await new Promise((r) => setTimeout(r, options.pollDelayMs ?? 5));
          signal?.throwIfAborted();
        }
        return received(statusOf(id));
      },
    };
  };
  return { factory, seen };
}

/** A session whose processing failed: statuses with error codes, and no data. */
export const FAILED_STATUS = {
  session_id: 'demo-failed',
  accounts: [
    {
      account_id: 'a1',
      account_status: 'failed',
      error_code: 'BALANCE_MISMATCH',
      statements: [{ statement_id: 's1', statement_status: 'failed', error_code: 'PDF_IS_IMAGE' }],
    },
  ],
} as unknown as SessionStatusResponse;

/** The double, but every session is FAILED_STATUS and its data call fails as BankConnect's does. */
export function failedSessionClient(connection: Connection): BankConnectClient {
  const inner = fakeClientFactory().factory(connection);
  return {
    ...inner,
    sessionStatus: () => Promise.resolve(received(FAILED_STATUS)),
    waitForCompletion: () => Promise.resolve(received(FAILED_STATUS)),
    subscribedData: () => Promise.reject(apiError('PROCESSING_NOT_COMPLETED')),
    data: () => Promise.reject(apiError('PROCESSING_NOT_COMPLETED')),
  };
}
