// Test doubles for main's dependencies. The client double answers like BankConnect
// would (coded errors with HTTP status) and records the credentials it was given.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_ERRORS, type ApiErrorCode } from '../../../src/shared/api/error-codes';
import type { SessionStatusResponse } from '../../../src/shared/api/schemas';
import type { AppDeps, BankConnectClient, Connection } from '../../../src/core/deps';
import { SANDBOX_CREDENTIALS } from '../../../src/core/profiles/profile-store';
import { fakeSafeStorage } from '../../e2e/support/fake-safe-storage';
import reference from '../../../src/sandbox/data/reference-subscribed-data.json';

export function apiError(code: ApiErrorCode): Error {
  return Object.assign(new Error(API_ERRORS[code].message), {
    code,
    status: API_ERRORS[code].httpStatus,
  });
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
  } as unknown as SessionStatusResponse;
}

/** A BankConnect double: GOOD credentials are accepted, `pending` polls before completing. */
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
      sessionStatus: (id) => Promise.resolve().then(() => (check(id), statusOf(id))),
      subscribedData: (id) =>
        Promise.resolve().then(() => {
          check(id);
          return { ...(reference as object), session_id: id } as never;
        }),
      async waitForCompletion(id, { signal, onPoll }) {
        check(id);
        for (let attempt = 1; attempt <= (options.pending ?? 0); attempt += 1) {
          onPoll?.({ attempt, elapsedMs: attempt * 10 });
          await new Promise((r) => setTimeout(r, options.pollDelayMs ?? 5));
          signal?.throwIfAborted();
        }
        return statusOf(id);
      },
    };
  };
  return { factory, seen };
}

export async function testDeps(overrides: Partial<AppDeps> = {}): Promise<AppDeps> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'bcv-ipc-'));
  return {
    fetch: () => Promise.reject(new Error('no network in unit tests')),
    userDataDir,
    clock: () => new Date('2026-01-02T03:04:05Z'),
    safeStorage: fakeSafeStorage(),
    dialogs: {
      saveFile: ({ defaultPath }) => Promise.resolve(join(userDataDir, defaultPath)),
      openFiles: () => Promise.resolve(null),
    },
    shell: {
      reveal: () => undefined,
      trash: () => Promise.resolve(),
      openExternal: () => Promise.resolve(),
    },
    startSandbox: () =>
      Promise.resolve({ url: 'http://127.0.0.1:4555', close: () => Promise.resolve() }),
    createClient: fakeClientFactory().factory,
    exportWorkbook: null,
    appInfo: { version: 'test', platform: 'linux', development: false },
    ...overrides,
  };
}
