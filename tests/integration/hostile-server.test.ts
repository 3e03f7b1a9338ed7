// A server (or gateway) that misbehaves on purpose or by accident: it echoes credentials,
// sends a body that never ends or claims a huge one. Nothing secret is printed, nothing
// unbounded is read, and a request that can never succeed is tried once.
import { describe, expect, it } from 'vitest';
import { createBankConnectClient } from '../../src/core/api/client';
import { bcvInProcess } from './support/in-process-bcv';
import { sandboxForFile } from './support/sandbox';

const KEY = 'live-key-7f3a9c2e51d0';
const HASH = 'hash-0b8e44d19a6c';
const sandbox = sandboxForFile({ apiKey: KEY, serverHash: HASH });

function bcv(argv: string[], env: Record<string, string> = {}) {
  return bcvInProcess(argv, {
    env: { BANKCONNECT_API_KEY: KEY, BANKCONNECT_SERVER_HASH: HASH, ...env },
  });
}

describe('a misbehaving server', () => {
  it('a 403 echoing the request headers: bcv status prints neither key nor hash', async () => {
    const run = await bcv(['status', 'fault-echo-403', '--base-url', sandbox.server.url]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^ACCESS_DENIED: /);
    expect(run.stderr.split('\n')).toHaveLength(2);
    expect(run.stdout + run.stderr).not.toContain(KEY);
    expect(run.stdout + run.stderr).not.toContain(HASH);
    expect(sandbox.server.requests.get('fault-echo-403/session_status')).toBe(1);
    // The client's own error (what the app shows) keeps the server's words, credentials cut.
    const client = createBankConnectClient({
      baseUrl: sandbox.server.url,
      apiKey: KEY,
      serverHash: HASH,
      fetch,
    });
    const failure = await client.sessionStatus('fault-echo-403~app').catch((e: Error) => e);
    expect((failure as Error).message).toMatch(
      /^Forbidden by gateway policy\. Request headers: .*x-api-key: \[redacted\]; server-hash: \[redacted\]/,
    );
    expect((failure as Error).message).not.toContain(KEY);
  });

  it('a base URL with user:password is refused in one line, the password never shown', async () => {
    const url = sandbox.server.url.replace('http://', 'http://me:s3cret-pass@');
    const run = await bcv(['status', 'demo-retail', '--base-url', url]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^USAGE: --base-url carries a user name or password \(http:\/\/•••:•••@127\.0\.0\.1:\d+\/bank-connect\): remove it;/,
    );
    expect(run.stderr).not.toContain('s3cret-pass');
    expect(() =>
      createBankConnectClient({ baseUrl: url, apiKey: KEY, serverHash: HASH, fetch }),
    ).toThrow(expect.objectContaining({ code: 'CREDENTIALS_IN_URL' }));
  });

  it('a key a header cannot carry is said at once, with no request and no retry', async () => {
    let requests = 0;
    const client = createBankConnectClient({
      baseUrl: sandbox.server.url,
      apiKey: `${KEY}\n`,
      serverHash: HASH,
      fetch: (...args) => {
        requests++;
        return fetch(...args);
      },
    });
    await expect(client.sessionStatus('demo-retail')).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
      message: expect.not.stringContaining(KEY),
    });
    expect(requests).toBe(0);
  });

  it('a request fetch cannot even build is tried once, its text redacted', async () => {
    let requests = 0;
    const client = createBankConnectClient({
      baseUrl: sandbox.server.url,
      apiKey: KEY,
      serverHash: HASH,
      fetch: () => {
        requests++;
        return Promise.reject(
          new TypeError(`Headers.append: "${KEY}" is an invalid header value.`),
        );
      },
    });
    const failure = client.sessionStatus('demo-retail');
    await expect(failure).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    await expect(failure).rejects.toThrow(/\[redacted\]/);
    expect(requests).toBe(1);
  });

  it('a body that never ends, and one declaring 8 GiB, stop at the ceiling in one line', async () => {
    const client = createBankConnectClient({
      baseUrl: sandbox.server.url,
      apiKey: KEY,
      serverHash: HASH,
      fetch,
      maxBodyBytes: 4 * 1024 * 1024,
    });
    await expect(client.sessionStatus('fault-endless')).rejects.toMatchObject({
      code: 'TOO_LARGE',
      message: expect.stringMatching(
        /^The answer from 127\.0\.0\.1:\d+ goes on to more than the largest session this app opens \(4 MiB\): refused$/,
      ),
    });
    await expect(client.sessionStatus('fault-huge')).rejects.toMatchObject({
      code: 'TOO_LARGE',
      message: expect.stringMatching(/is 8192 MiB, more than the largest session/),
    });
    expect(sandbox.server.requests.get('fault-endless/session_status')).toBe(1);
  });
});
