// Both data endpoints and the enrichment wait, over real loopback HTTP against the sandbox:
// every demo session on insights/ in the Insights shape, the same view as subscribed_data;
// a session whose status completes before its data is waited for (with progress/ when the
// server answers it, and without when it does not), within the deadline and cancellable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBankConnectClient } from '../../src/core/api/client';
import type { BankConnectError } from '../../src/core/api/api-errors';
import { openSession, type SessionProgress } from '../../src/core/session/open-session';
import { startSandboxServer, type SandboxServer } from '../../src/sandbox/server';
import type { DataEndpoint } from '../../src/shared/api/endpoints';

const KEY = 'test-key-0123456789';
const HASH = 'test-hash-9876543210';
let sandbox: SandboxServer;
let quiet: SandboxServer;

beforeAll(async () => {
  sandbox = await startSandboxServer({ apiKey: KEY, serverHash: HASH });
  quiet = await startSandboxServer({ apiKey: KEY, serverHash: HASH, progress: false });
});
afterAll(async () => {
  await sandbox.close();
  await quiet.close();
});

function connection(server: SandboxServer, endpoint: DataEndpoint) {
  const client = createBankConnectClient({
    baseUrl: server.url,
    apiKey: KEY,
    serverHash: HASH,
    fetch,
  });
  return {
    client,
    endpoint,
    provenance: { profileName: 'Sandbox', host: 'sandbox', sandbox: true },
  };
}

const FAST = { intervalMs: 5, maxIntervalMs: 10 };

describe('both data endpoints', () => {
  it.each(['demo-retail', 'demo-business', 'fdf6fe90-c1a0-41f7-964f-bb2425975309'])(
    'serves %s on insights/ in the Insights shape, read into the same view',
    async (id) => {
      const viaInsights = await openSession(connection(sandbox, 'insights'), id);
      const viaSubscribed = await openSession(connection(sandbox, 'subscribed_data'), id);
      const body = JSON.parse(viaInsights.raw.data!.bytes!.toString('utf8')) as {
        accounts: unknown;
      };
      expect(Array.isArray(body.accounts)).toBe(true);
      expect(viaInsights.raw.endpoint).toBe('insights');
      expect(viaInsights.view.dataShape).toBe('insights');
      expect(viaInsights.view.unreadable).toEqual([]);
      const key = (o: typeof viaInsights) =>
        o.view.accounts.map((a) => [a.accountId, a.totals, a.transactions.length, a.eod.length]);
      expect(key(viaInsights)).toEqual(key(viaSubscribed));
      // The Insights shape also carries the newer blocks and a link to FinBox's own report.
      const account = viaInsights.view.accounts[0]!;
      expect(account.score).toBeGreaterThanOrEqual(300);
      expect(account.reportUrls.xlsx).toMatch(/\/reports\/.*report\.xlsx\?expires=\d+$/);
    },
  );
});

describe('waiting covers enrichment', () => {
  it('keeps polling the data endpoint after session_status says completed', async () => {
    for (const endpoint of ['subscribed_data', 'insights'] as const) {
      const progress: SessionProgress[] = [];
      const opened = await openSession(
        connection(sandbox, endpoint),
        `demo-enriching~${endpoint}`,
        {
          wait: true,
          poll: FAST,
          onProgress: (p) => progress.push(p),
        },
      );
      expect(opened.view.accounts[0]!.transactions.length).toBeGreaterThan(0);
      const polls = progress.filter((p) => p.kind === 'poll').map((p) => p.message);
      expect(polls).toHaveLength(2);
      expect(polls[0]).toContain(
        'uploads complete, enrichment in progress (FinBox says processing',
      );
    }
  });

  it('does without progress/ when the server does not answer it', async () => {
    const progress: string[] = [];
    await openSession(connection(quiet, 'insights'), 'demo-enriching~quiet', {
      wait: true,
      poll: FAST,
      onProgress: (p) => progress.push(p.message),
    });
    expect(progress.filter((m) => m.includes('enrichment'))).toEqual([
      expect.stringMatching(/: uploads complete, enrichment in progress \(poll 1, /),
      expect.stringMatching(/: uploads complete, enrichment in progress \(poll 2, /),
    ]);
  });

  it('fails without --wait, gives up at the deadline and stops on cancel', async () => {
    const without = await openSession(connection(sandbox, 'insights'), 'demo-enriching~now').catch(
      (e: unknown) => e,
    );
    expect((without as BankConnectError).code).toBe('PROCESSING_NOT_COMPLETED');
    const late = await openSession(connection(sandbox, 'insights'), 'demo-enriching~late', {
      wait: true,
      poll: { intervalMs: 40, maxIntervalMs: 40, deadlineMs: 50 },
    }).catch((e: unknown) => e);
    expect((late as BankConnectError).code).toBe('WAIT_TIMEOUT');
    const controller = new AbortController();
    const cancelled = openSession(connection(sandbox, 'subscribed_data'), 'demo-enriching~stop', {
      wait: true,
      signal: controller.signal,
      poll: { intervalMs: 5_000, maxIntervalMs: 5_000 },
      onProgress: (p) => p.kind === 'poll' && controller.abort(),
    }).catch((e: unknown) => e);
    expect(((await cancelled) as BankConnectError).code).toBe('CANCELLED');
  });
});

describe("FinBox's own report link", () => {
  it('downloads within the hour and answers as S3 does once expired', async () => {
    const opened = await openSession(connection(sandbox, 'insights'), 'demo-retail');
    const url = opened.view.accounts[0]!.reportUrls.xlsx!;
    const ok = await fetch(url);
    expect(ok.status).toBe(200);
    const bytes = Buffer.from(await ok.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const expired = await fetch(url.replace(/expires=\d+/, 'expires=1000'));
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('Request has expired');
  });
});
