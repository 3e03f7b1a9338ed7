import { describe, expect, it } from 'vitest';
import { BankConnectError } from '../../../src/core/api/api-errors';
import { openSession, type SessionProgress } from '../../../src/core/session/open-session';
import { failedSessionClient, fakeClientFactory, GOOD } from '../../fakes/bankconnect-client';

const CONNECTION = { baseUrl: 'https://bc.example.in/bank-connect', apiVersion: 'v1', ...GOOD };
const provenance = { profileName: 'Work', host: 'bc.example.in', sandbox: false };
const clock = () => new Date('2026-03-04T05:06:07Z');

describe('openSession', () => {
  it('keeps both responses as received beside the view, with progress and provenance', async () => {
    const client = fakeClientFactory({ pending: 2, pollDelayMs: 1 }).factory(CONNECTION);
    const progress: SessionProgress[] = [];
    const opened = await openSession({ client, provenance }, 'demo-x', {
      wait: true,
      clock,
      onProgress: (p) => progress.push(p),
    });
    expect(opened.raw.endpoint).toBe('subscribed_data');
    expect(JSON.parse(opened.raw.data!.bytes!.toString('utf8'))).toEqual(opened.raw.data!.value);
    expect(JSON.parse(opened.raw.sessionStatus!.bytes!.toString('utf8'))).toEqual(
      opened.raw.sessionStatus!.value,
    );
    expect(opened.view.sessionId).toBe('demo-x');
    expect(opened.view.accounts.length).toBeGreaterThan(0);
    expect(opened.status.accounts[0]!.bankName).toBe('HDFC');
    expect(opened.provenance).toEqual(provenance);
    expect(opened.fetchedAt).toBe('2026-03-04T05:06:07.000Z');
    expect(opened.dataError).toBeNull();
    // The fake client reports no download of its own: the fetch says its stages.
    expect(progress.map((p) => [p.kind, p.stage, p.done, p.total])).toEqual([
      ['poll', undefined, 1, null],
      ['poll', undefined, 2, null],
      ['fetch', 'download', 0, null],
      ['fetch', 'prepare', 0, null],
    ]);
    expect(progress[0]!.message).toMatch(/^Session demo-x is still processing \(poll 1, /);
  });

  it('statusOnly makes no data call', async () => {
    const client = fakeClientFactory().factory(CONNECTION);
    const opened = await openSession(
      {
        client: { ...client, data: () => Promise.reject(new Error('not asked')) },
        provenance,
      },
      'demo-x',
      { statusOnly: true },
    );
    expect(opened.raw.data).toBeNull();
    expect(opened.status.sessionId).toBe('demo-x');
  });

  it('a failed session opens with its statuses and says why there is no data', async () => {
    const opened = await openSession(
      { client: failedSessionClient(CONNECTION), provenance },
      'demo-failed',
    );
    expect(opened.raw.data).toBeNull();
    expect(opened.view.accounts).toEqual([]);
    expect(opened.view.status!.accounts[0]!.errorCode).toBe('BALANCE_MISMATCH');
    expect(opened.dataError?.code).toBe('PROCESSING_NOT_COMPLETED');
  });

  it('a data failure the statuses do not explain is thrown', async () => {
    const client = fakeClientFactory().factory(CONNECTION);
    const broken = {
      ...client,
      data: () => Promise.reject(new BankConnectError('NOT_JSON', 'a sign-in page')),
    };
    await expect(openSession({ client: broken, provenance }, 'demo-x')).rejects.toMatchObject({
      code: 'NOT_JSON',
    });
  });

  it('a documented API code reads as documented, whatever the server phrased', async () => {
    const client = fakeClientFactory().factory(CONNECTION);
    const odd = {
      ...client,
      sessionStatus: () =>
        Promise.reject(new BankConnectError('SESSION_NOT_FOUND', 'nope, not here', 404)),
    };
    await expect(openSession({ client: odd, provenance }, 'demo-x')).rejects.toMatchObject({
      code: 'SESSION_NOT_FOUND',
      message: 'The provided session ID is invalid',
      status: 404,
    });
  });
});
