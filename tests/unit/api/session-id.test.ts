// Session ids are checked once, before any request or write, with one line saying why.
import { describe, expect, it } from 'vitest';
import { sessionIdProblem } from '../../../src/shared/api/session-id';
import { createBankConnectClient } from '../../../src/core/api/client';

describe('session ids', () => {
  it('accepts FinBox UUIDs, the sandbox ids and tagged ids', () => {
    for (const id of [
      'fdf6fe90-c1a0-41f7-964f-bb2425975309',
      'demo-large-200000',
      'fault-flaky~t1',
      'a.b_c',
    ]) {
      expect(sessionIdProblem(id)).toBeNull();
    }
  });

  it('refuses what cannot be a URL segment and a folder name, saying why', () => {
    const cases: [string, RegExp][] = [
      ['', /empty/],
      ['x'.repeat(501), /has 501 characters; at most 128/],
      ['.', /only dots/],
      ['..', /only dots/],
      ['a/b', /contains "\/"/],
      ['a b', /contains U\+0020/],
      ['\u001b]0;owned\u0007', /contains U\+001B/],
      ['CON', /Windows reserves/],
      ['aux.txt', /Windows reserves/],
      ['nul', /Windows reserves/],
      ['COM1', /Windows reserves/],
      ['lpt9', /Windows reserves/],
      ['session.', /ends with a dot/],
    ];
    for (const [id, why] of cases) expect(sessionIdProblem(id), id).toMatch(why);
  });

  it('is checked by the client before any request', async () => {
    let requests = 0;
    const client = createBankConnectClient({
      baseUrl: 'http://127.0.0.1:9/bank-connect',
      apiKey: 'key-1234',
      serverHash: 'hash-1234',
      fetch: () => {
        requests++;
        return Promise.reject(new Error('no request expected'));
      },
    });
    for (const id of ['..', 'CON', 'x'.repeat(600)]) {
      await expect(client.sessionStatus(id)).rejects.toMatchObject({ code: 'INVALID_SESSION_ID' });
    }
    expect(requests).toBe(0);
  });
});
