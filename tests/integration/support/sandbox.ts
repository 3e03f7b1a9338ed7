// One sandbox server for a test file (started before its tests, closed after them), and a
// session opened and saved from one as the app does.
import { afterAll, beforeAll } from 'vitest';
import { createBankConnectClient } from '../../../src/core/api/client';
import type { Library } from '../../../src/core/library/store';
import { openSession } from '../../../src/core/session/open-session';
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

const SANDBOX_PROVENANCE = { profileName: 'Sandbox', host: 'sandbox', sandbox: true } as const;

/** A session opened from a sandbox server as the app opens it (insights, the Sandbox profile). */
export async function openFromSandbox(
  server: SandboxServer,
  credentials: { apiKey: string; serverHash: string },
  sessionId: string,
) {
  const client = createBankConnectClient({ baseUrl: server.url, ...credentials, fetch });
  return openSession({ client, endpoint: 'insights', provenance: SANDBOX_PROVENANCE }, sessionId);
}

/** Save what `openFromSandbox` gave, as the app's Save of a live sandbox fetch does. */
export function saveLiveSandbox(
  library: Library,
  opened: Awaited<ReturnType<typeof openFromSandbox>>,
) {
  return library.save({
    raw: opened.raw,
    fetchedAt: opened.fetchedAt,
    source: { kind: 'live', ...SANDBOX_PROVENANCE },
  });
}
