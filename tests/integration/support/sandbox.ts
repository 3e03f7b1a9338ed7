// One sandbox server for a test file: started before its tests, closed after them.
import { afterAll, beforeAll } from 'vitest';
import { startSandboxServer, type SandboxServer } from '../../../src/sandbox/server';

/** Read `.server` inside a test (it is started in beforeAll). */
export function sandboxForFile(credentials: { apiKey: string; serverHash: string }): {
  readonly server: SandboxServer;
} {
  const holder = {} as { server: SandboxServer };
  beforeAll(async () => {
    holder.server = await startSandboxServer(credentials);
  });
  afterAll(() => holder.server.close());
  return holder;
}
