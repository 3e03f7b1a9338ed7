import { describe, expect, it } from 'vitest';
import { API_ERRORS } from '../../../src/shared/api/error-codes';
import type { IpcEventName, IpcEvents } from '../../../src/shared/ipc/contract';
import { createHandlers } from '../../../src/main/ipc/create-handlers';
import { SANDBOX_CREDENTIALS } from '../../../src/core/profiles/profile-store';
import { failedSessionClient, fakeClientFactory, GOOD } from '../../fakes/bankconnect-client';
import { testDeps } from './helpers';

const events: { name: string; payload: unknown }[] = [];
const ctx = {
  emit<E extends IpcEventName>(name: E, payload: IpcEvents[E]) {
    events.push({ name, payload });
  },
};

describe('argument validation', () => {
  it.each([
    ['profiles:save', { name: 'X', baseUrl: 'ftp://host', apiVersion: 'v1' }, 'baseUrl'],
    ['profiles:save', { name: '', baseUrl: 'https://h', apiVersion: 'v1' }, 'name'],
    ['profiles:save', { name: 'X', baseUrl: 'https://h', apiVersion: 'one' }, 'apiVersion'],
    ['session:fetch', { sessionId: 'a b<script>', wait: true, jobId: 'j' }, 'sessionId'],
    ['session:fetch', { sessionId: 'demo-x', wait: 'yes', jobId: 'j' }, 'wait'],
    ['export:xlsx', { handle: 'h', jobId: 'j', unmasked: 'yes' }, 'unmasked'],
    ['export:xlsx', { handle: 'h', jobId: 'j', unmasked: 1 }, 'unmasked'],
    ['profiles:list', { extra: 1 }, 'extra'],
    ['vault:consent', 'true', 'expected object'],
  ])('%s rejects %j naming %s', async (channel, args, field) => {
    const handlers = createHandlers(await testDeps());
    const answer = await handlers.handle(channel, args, ctx);
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('BAD_ARGUMENT');
    // The field travels beside a plain line that never names the IPC channel.
    expect(answer.error.field ?? answer.error.message).toContain(field);
    expect(answer.error.message).not.toContain(channel);
    expect(answer.error.message).not.toContain('\n');
  });

  it.each([
    ['profiles:save', { name: 'X', baseUrl: 'ftp://h', apiVersion: 'v1' }, 'baseUrl', 'Base URL: '],
    [
      'session:fetch',
      { sessionId: 'a b<script>', wait: true, jobId: 'j' },
      'sessionId',
      'Session id: ',
    ],
  ])('%s: the message reads as the form names the field', async (channel, args, field, start) => {
    const answer = await createHandlers(await testDeps()).handle(channel, args, ctx);
    expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT', field } });
    if (!answer.ok) expect(answer.error.message.startsWith(start)).toBe(true);
  });

  it('answers UNKNOWN_CHANNEL for a channel not in the contract', async () => {
    const answer = await createHandlers(await testDeps()).handle('fs:read', {}, ctx);
    expect(answer).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });
});

describe('secrets never leave main', () => {
  it('a full profile flow never returns the API key or server hash', async () => {
    const client = fakeClientFactory();
    const handlers = createHandlers(await testDeps({ createClient: client.factory }));
    const results: string[] = [];
    const call = async (channel: string, args: unknown) => {
      const answer = await handlers.handle(channel, args, ctx);
      results.push(JSON.stringify(answer));
      return answer;
    };
    const saved = await call('profiles:save', {
      name: 'Lender prod',
      baseUrl: 'https://bc.example.in/bank-connect',
      apiVersion: 'v1',
      ...GOOD,
    });
    expect(saved.ok).toBe(true);
    const id = saved.ok ? (saved.result as { id: string }).id : '';
    await call('profiles:list', {});
    await call('profiles:activate', { id });
    const tested = await call('profiles:test', { id });
    await call('session:status', { sessionId: 'demo-x' });
    await call('session:fetch', { sessionId: 'demo-x', wait: true, jobId: 'j1' });
    await call('session:fetch', { sessionId: 'nope', wait: false, jobId: 'j2' });
    await call('profiles:save', {
      id,
      name: 'Lender prod',
      baseUrl: 'https://bc.example.in',
      apiVersion: 'v1',
      apiKey: 'sk_wrong_0000000000',
    });
    const denied = await call('profiles:test', { id });
    await call('session:fetch', { sessionId: 'demo-x', wait: true, jobId: 'j3' });
    await call('vault:status', {});
    await call('profiles:delete', { id });

    for (const secret of [GOOD.apiKey, GOOD.serverHash, 'sk_wrong_0000000000']) {
      for (const text of [...results, JSON.stringify(events)]) expect(text).not.toContain(secret);
    }
    // ...while main really used them, and the renderer got the hints.
    expect(client.seen.some((c) => c.apiKey === GOOD.apiKey)).toBe(true);
    expect(results[1]).toContain(`"last4":"${GOOD.apiKey.slice(-4)}"`);
    expect(tested).toMatchObject({
      ok: true,
      result: { reachable: true, credentialsAccepted: true },
    });
    expect(denied).toMatchObject({
      ok: true,
      result: { reachable: true, credentialsAccepted: false },
    });
  });
});

describe('sessions', () => {
  it('fetch reports every poll with its job id, then the normalised session', async () => {
    const client = fakeClientFactory({ pending: 3 });
    const handlers = createHandlers(await testDeps({ createClient: client.factory }));
    events.length = 0;
    const answer = await handlers.handle(
      'session:fetch',
      { sessionId: 'demo-processing', wait: true, jobId: 'p1' },
      ctx,
    );
    expect(answer.ok).toBe(true);
    const polls = events.filter((e) => (e.payload as { kind: string }).kind === 'poll');
    expect(polls.map((e) => (e.payload as { done: number }).done)).toEqual([1, 2, 3]);
    expect(polls.every((e) => (e.payload as { jobId: string }).jobId === 'p1')).toBe(true);
    if (!answer.ok) return;
    const loaded = answer.result as {
      handle: string;
      view: { accounts: unknown[] };
      source: { sandbox: boolean };
    };
    expect(loaded.view.accounts.length).toBeGreaterThan(0);
    expect(loaded.source.sandbox).toBe(true);
    // the sandbox profile used its fixed demo credentials
    expect(client.seen[0]).toMatchObject(SANDBOX_CREDENTIALS);
    expect(await handlers.handle('session:close', { handle: loaded.handle }, ctx)).toEqual({
      ok: true,
      result: { closed: true },
    });
  });

  it('job:cancel stops a poll in progress with CANCELLED', async () => {
    const client = fakeClientFactory({ pending: 10_000 });
    const handlers = createHandlers(await testDeps({ createClient: client.factory }));
    events.length = 0;
    const pending = handlers.handle(
      'session:fetch',
      { sessionId: 'demo-processing', wait: true, jobId: 'c1' },
      ctx,
    );
    while (!events.some((e) => (e.payload as { jobId: string }).jobId === 'c1')) {
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(await handlers.handle('job:cancel', { jobId: 'c1' }, ctx)).toEqual({
      ok: true,
      result: { cancelled: true },
    });
    expect(await pending).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  });

  it('a failed session without data still opens with its statuses', async () => {
    const handlers = createHandlers(await testDeps({ createClient: failedSessionClient }));
    const answer = await handlers.handle(
      'session:fetch',
      { sessionId: 'demo-failed', wait: true, jobId: 'f' },
      ctx,
    );
    expect(answer.ok).toBe(true);
    const view = (
      answer as {
        result: {
          view: {
            accounts: unknown[];
            status: { accounts: { message: string; statements: { message: string }[] }[] };
          };
        };
      }
    ).result.view;
    expect(view.accounts).toEqual([]);
    expect(view.status.accounts[0]!.message).toBe('Calculated transaction balance does not match');
    expect(view.status.accounts[0]!.statements[0]!.message).toBe(
      'Scanned images are not supported',
    );
  });

  it('an unknown id answers SESSION_NOT_FOUND with the documented message', async () => {
    const handlers = createHandlers(await testDeps());
    const answer = await handlers.handle(
      'session:fetch',
      { sessionId: 'nope', wait: true, jobId: 'n' },
      ctx,
    );
    expect(answer).toEqual({
      ok: false,
      error: { code: 'SESSION_NOT_FOUND', message: API_ERRORS.SESSION_NOT_FOUND.message },
    });
  });

  it('export asks where to save and hands the view to the exporter', async () => {
    const calls: unknown[] = [];
    const handlers = createHandlers(
      await testDeps({
        exportWorkbook: (view, meta, options) => {
          options.onProgress?.(1, 2, 'Writing');
          calls.push({ view, meta, destination: options.destination, unmasked: options.unmasked });
          return Promise.resolve({ path: options.destination, sheets: [], rows: 0 });
        },
      }),
    );
    const fetched = await handlers.handle(
      'session:fetch',
      { sessionId: 'demo-b', wait: false, jobId: 'f' },
      ctx,
    );
    const handle = fetched.ok ? (fetched.result as { handle: string }).handle : '';
    const answer = await handlers.handle('export:xlsx', { handle, jobId: 'x' }, ctx);
    expect(answer).toMatchObject({
      ok: true,
      result: { path: expect.stringMatching(/demo-b\.xlsx$/) },
    });
    expect(calls).toHaveLength(1);
    // Masked unless asked; the choice reaches the workbook writer as the CLI's does.
    expect(calls[0]).not.toMatchObject({ unmasked: true });
    await handlers.handle('export:xlsx', { handle, jobId: 'u', unmasked: true }, ctx);
    expect(calls[1]).toMatchObject({ unmasked: true });
    expect(await handlers.handle('export:xlsx', { handle: 'gone', jobId: 'y' }, ctx)).toMatchObject(
      {
        ok: false,
        error: { code: 'SESSION_CLOSED' },
      },
    );
  });
});
