// The API client (src/core/api) and the sandbox server (src/sandbox) adapted to core's
// ports. Wired here once, used by the Electron shell and the test host.
import { createBankConnectClient } from './api/client';
import { startSandboxServer } from '../sandbox/server';
import type { ClientFactory, SandboxStarter } from './deps';

export const createClient: ClientFactory = (connection, fetchImpl) =>
  createBankConnectClient({
    baseUrl: connection.baseUrl,
    apiVersion: connection.apiVersion,
    apiKey: connection.apiKey,
    serverHash: connection.serverHash,
    fetch: fetchImpl,
  });

export const startSandbox: SandboxStarter = (credentials) => startSandboxServer(credentials);
