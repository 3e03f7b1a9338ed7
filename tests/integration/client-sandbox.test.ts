// The API client against the sandbox over real loopback HTTP: every documented error,
// retries with Retry-After, timeouts, cut and HTML bodies, cancellation and polling.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ERRORS } from '../../src/shared/api/error-codes';
import {
  createBankConnectClient,
  type ClientOptions,
  type RetryNotice,
} from '../../src/core/api/client';
import { BankConnectError } from '../../src/core/api/api-errors';
import { startSandboxServer, type SandboxServer } from '../../src/sandbox/server';

const KEY = 'test-key-0123456789';
const HASH = 'test-hash-9876543210';
let sandbox: SandboxServer;

beforeAll(async () => {
  sandbox = await startSandboxServer({ apiKey: KEY, serverHash: HASH, processingPolls: 2 });
});
afterAll(() => sandbox.close());

function client(overrides: Partial<ClientOptions> = {}) {
  return createBankConnectClient({
    baseUrl: sandbox.url,
    apiKey: KEY,
    serverHash: HASH,
    fetch,
    retry: { baseDelayMs: 20, maxDelayMs: 50 },
    ...overrides,
  });
}

async function failure(work: Promise<unknown>): Promise<BankConnectError> {
  try {
    await work;
  } catch (error) {
    expect(error).toBeInstanceOf(BankConnectError);
    return error as BankConnectError;
  }
  throw new Error('expected a failure');
}

const requests = (path: string): number => sandbox.requests.get(path) ?? 0;

describe('documented API errors', () => {
  it.each([
    ['no-such-session', 'SESSION_NOT_FOUND'],
    ['demo-not-requested', 'PROCESSING_NOT_REQUESTED'],
    ['demo-deleted', 'SESSION_DELETED'],
  ] as const)('%s answers %s with its message and status, without retrying', async (id, code) => {
    for (const endpoint of ['sessionStatus', 'subscribedData'] as const) {
      const error = await failure(client()[endpoint](id));
      expect(error.code).toBe(code);
      expect(error.message).toBe(API_ERRORS[code].message);
      expect(error.status).toBe(API_ERRORS[code].httpStatus);
    }
    expect(requests(`${id}/session_status`)).toBe(1);
  });

  it('answers ACCESS_DENIED without the right credentials and never repeats them', async () => {
    const wrong = client({ apiKey: 'wrong-key-SECRET', serverHash: 'wrong-hash-SECRET' });
    const error = await failure(wrong.sessionStatus('demo-retail'));
    expect(error.code).toBe('ACCESS_DENIED');
    expect(error.status).toBe(403);
    const everything = JSON.stringify({ ...error, message: error.message, stack: error.stack });
    expect(everything).not.toContain('SECRET');
  });

  it('answers PROCESSING_NOT_COMPLETED while processing, then the data', async () => {
    const c = client();
    const first = await failure(c.sessionStatus('demo-processing~direct'));
    expect(first.code).toBe('PROCESSING_NOT_COMPLETED');
    expect(first.status).toBe(400);
    await failure(c.subscribedData('demo-processing~direct'));
    const data = await c.subscribedData('demo-processing~direct');
    expect(data.value.session_id).toBe('demo-processing~direct');
    // The bytes are the body as sent: parsing them gives the same value.
    expect(JSON.parse(data.bytes!.toString('utf8'))).toEqual(data.value);
  });
});

describe('retries', () => {
  it('waits as Retry-After says (seconds) and then succeeds', async () => {
    const notices: RetryNotice[] = [];
    const data = await client({ onRetry: (n) => notices.push(n) }).subscribedData(
      'fault-rate-limit~s',
    );
    expect(data.value.session_id).toBe('fault-rate-limit~s');
    expect(notices.map((n) => n.delayMs)).toEqual([1000]);
    expect(requests('fault-rate-limit~s/subscribed_data')).toBe(2);
  });

  it('waits as Retry-After says (an HTTP date)', async () => {
    const notices: RetryNotice[] = [];
    await client({ onRetry: (n) => notices.push(n) }).sessionStatus('fault-unavailable~d');
    expect(notices).toHaveLength(1);
    // The date is whole seconds, about two seconds ahead of the server's clock.
    expect(notices[0]!.delayMs).toBeGreaterThan(500);
    expect(notices[0]!.delayMs).toBeLessThanOrEqual(2000);
  });

  it('backs off with jitter on 502 and succeeds on the third try', async () => {
    const notices: RetryNotice[] = [];
    await client({ onRetry: (n) => notices.push(n), random: () => 0.5 }).sessionStatus(
      'fault-flaky~j',
    );
    expect(notices.map((n) => n.delayMs)).toEqual([10, 20]);
    expect(requests('fault-flaky~j/session_status')).toBe(3);
  });

  it('gives up after the allowed number of tries', async () => {
    const error = await failure(
      client({
        retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1, maxTotalMs: 10_000 },
      }).sessionStatus('fault-always-429~n'),
    );
    expect(error.code).toBe('RATE_LIMITED');
    expect(requests('fault-always-429~n/session_status')).toBe(3);
  });

  it('does not start a retry that would go past the time budget', async () => {
    const error = await failure(
      client({ retry: { maxTotalMs: 500 } }).sessionStatus('fault-always-429~b'),
    );
    expect(error.code).toBe('RATE_LIMITED');
    expect(requests('fault-always-429~b/session_status')).toBe(1);
  });

  it('does not retry a 500 that is not a gateway error', async () => {
    const error = await failure(client().sessionStatus('fault-server-error~x'));
    expect(error.code).toBe('HTTP_ERROR');
    expect(error.status).toBe(500);
    expect(requests('fault-server-error~x/session_status')).toBe(1);
  });
});

describe('bodies that are not BankConnect data', () => {
  it('names a proxy HTML page', async () => {
    const error = await failure(client().subscribedData('fault-html'));
    expect(error.code).toBe('NOT_JSON');
    expect(error.message).toMatch(/web page.*text\/html.*proxy/);
  });

  it('names a body cut off mid-way, after retrying', async () => {
    const error = await failure(
      client({ retry: { maxAttempts: 2, baseDelayMs: 1 } }).subscribedData('fault-truncated~t'),
    );
    expect(error.code).toBe('TRUNCATED_BODY');
    expect(requests('fault-truncated~t/subscribed_data')).toBe(2);
  });

  it('names the JSON path of a shape mismatch', async () => {
    const error = await failure(client().subscribedData('fault-schema'));
    expect(error.code).toBe('SCHEMA_MISMATCH');
    expect(error.message).toContain('at $.accounts');
  });
});

describe('time limits and cancellation', () => {
  it('times out a request that gets no answer', async () => {
    const error = await failure(client({ timeoutMs: 200 }).sessionStatus('fault-slow'));
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toMatch(/^No answer from 127\.0\.0\.1:\d+ within 0\.2 s$/);
  });

  it('cancels a request in flight', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await failure(client().sessionStatus('fault-slow', controller.signal));
    expect(error.code).toBe('CANCELLED');
  });

  it('cancels a wait between polls', async () => {
    const controller = new AbortController();
    const polls: number[] = [];
    const wait = client().waitForCompletion('demo-processing~cancel', {
      signal: controller.signal,
      intervalMs: 60_000,
      onPoll: (p) => {
        polls.push(p.attempt);
        controller.abort();
      },
    });
    expect((await failure(wait)).code).toBe('CANCELLED');
    expect(polls).toEqual([1]);
  });
});

describe('waitForCompletion', () => {
  it('polls while processing, reporting each poll, then answers the status', async () => {
    const polls: number[] = [];
    const status = await client().waitForCompletion('demo-processing~wait', {
      intervalMs: 10,
      onPoll: (p) => polls.push(p.attempt),
    });
    expect(polls).toEqual([1, 2]);
    expect(status.value.accounts[0]!.account_status).toBe('completed');
  });

  it('gives up at the deadline', async () => {
    const slow = await startSandboxServer({
      apiKey: KEY,
      serverHash: HASH,
      processingPolls: 1_000,
    });
    try {
      const c = client({ baseUrl: slow.url });
      const error = await failure(
        c.waitForCompletion('demo-processing', { intervalMs: 20, deadlineMs: 200 }),
      );
      expect(error.code).toBe('WAIT_TIMEOUT');
    } finally {
      await slow.close();
    }
  });
});

describe('network failures', () => {
  it('says the connection was refused, after retrying', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const notices: RetryNotice[] = [];
    const error = await failure(
      client({
        baseUrl: `http://127.0.0.1:${port}/bank-connect`,
        onRetry: (n) => notices.push(n),
      }).sessionStatus('x'),
    );
    expect(error.code).toBe('CONNECTION_REFUSED');
    expect(notices).toHaveLength(3);
  });

  it('says the host could not be found', async () => {
    const error = await failure(
      client({ baseUrl: 'http://bankconnect.invalid/bank-connect' }).sessionStatus('x'),
    );
    expect(error.code).toBe('DNS_FAILURE');
    expect(error.message).toContain('bankconnect.invalid');
  });

  it('says a secure connection could not be made', async () => {
    const error = await failure(
      client({ baseUrl: sandbox.url.replace('http:', 'https:') }).sessionStatus('x'),
    );
    expect(error.code).toBe('TLS_FAILURE');
  });
});
