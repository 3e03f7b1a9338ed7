// Retry-After parsing, jitter bounds and the mapping of fetch failures (Node's undici and
// Electron's net.fetch) to typed errors.
import { describe, expect, it } from 'vitest';
import { classifyFetchFailure, isBodyCut } from '../../../src/core/api/classify';
import { backoffDelay, DEFAULT_RETRY, parseRetryAfter } from '../../../src/core/api/retry';

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 10, 25, 9, 0, 0);
  it('reads seconds and HTTP dates, and ignores what it cannot read', () => {
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 09:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 08:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});

describe('backoffDelay', () => {
  it('draws uniformly below an exponential ceiling capped at the maximum', () => {
    expect(backoffDelay(DEFAULT_RETRY, 1, () => 0)).toBe(0);
    expect(backoffDelay(DEFAULT_RETRY, 1, () => 0.999)).toBe(499);
    expect(backoffDelay(DEFAULT_RETRY, 3, () => 0.5)).toBe(1000);
    expect(backoffDelay(DEFAULT_RETRY, 20, () => 0.999)).toBe(7992);
  });
});

describe('classifyFetchFailure', () => {
  const undici = (code: string) =>
    Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error(code), { code }),
    });
  const electron = (name: string) => new Error(`net::${name}`);
  it.each([
    [undici('ECONNREFUSED'), 'CONNECTION_REFUSED'],
    [undici('ENOTFOUND'), 'DNS_FAILURE'],
    [undici('EAI_AGAIN'), 'DNS_FAILURE'],
    [undici('UNABLE_TO_VERIFY_LEAF_SIGNATURE'), 'TLS_FAILURE'],
    [undici('SELF_SIGNED_CERT_IN_CHAIN'), 'TLS_FAILURE'],
    [undici('ECONNRESET'), 'NETWORK_ERROR'],
    [electron('ERR_CONNECTION_REFUSED'), 'CONNECTION_REFUSED'],
    [electron('ERR_NAME_NOT_RESOLVED'), 'DNS_FAILURE'],
    [electron('ERR_CERT_AUTHORITY_INVALID'), 'TLS_FAILURE'],
    [electron('ERR_PROXY_CONNECTION_FAILED'), 'PROXY_FAILURE'],
    [electron('ERR_TUNNEL_CONNECTION_FAILED'), 'PROXY_FAILURE'],
    [electron('ERR_INTERNET_DISCONNECTED'), 'NETWORK_ERROR'],
  ])('%s -> %s', (error, code) => {
    const typed = classifyFetchFailure(error, 'apis.example.in');
    expect(typed.code).toBe(code);
    expect(typed.message).toContain('apis.example.in');
    expect(typed.message).not.toContain('\n');
  });

  it('recognises a body cut by the connection closing', () => {
    expect(isBodyCut(new TypeError('terminated'))).toBe(true);
    expect(isBodyCut(electron('ERR_CONTENT_LENGTH_MISMATCH'))).toBe(true);
    expect(isBodyCut(new Error('something else'))).toBe(false);
  });
});
