// Core's dependencies for handler tests: plain Node stand-ins from tests/fakes.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppDeps, SandboxServer } from '../../../src/core/deps';
import { createClient, startSandbox } from '../../../src/core/integrations';
import { exportWorkbook } from '../../../src/core/export/export-workbook';
import { fakeClientFactory } from '../../fakes/bankconnect-client';
import { fakeSafeStorage } from '../../fakes/safe-storage';

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
    exportWorkbook,
    appInfo: { version: 'test', platform: 'linux', development: false },
    ...overrides,
  };
}

/** The real client and in-process sandboxes (started when asked), for `testDeps`. */
export function sandboxDeps(): {
  readonly deps: Pick<AppDeps, 'fetch' | 'createClient' | 'startSandbox'>;
  close(): Promise<void>;
} {
  const servers: SandboxServer[] = [];
  return {
    deps: {
      fetch,
      createClient,
      startSandbox: async (credentials) => {
        const server = await startSandbox(credentials);
        servers.push(server);
        return server;
      },
    },
    async close() {
      for (const server of servers.splice(0)) await server.close();
    },
  };
}
