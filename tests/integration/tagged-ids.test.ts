// The sandbox's `~tag` ids (a fresh set of counters per tag, src/sandbox/faults.ts) asked
// for through the app's IPC and the real client: accepted, each tag counting on its own,
// saved to the library (the id is no folder name as it is: the library hashes it) and
// listed under the id as asked. An id that cannot be used is still refused in one line.
import { afterAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/main/ipc/create-handlers';
import type { IpcArgs, IpcChannel, IpcResult } from '../../src/shared/ipc/contract';
import { sandboxDeps, testDeps } from '../unit/ipc/helpers';

const ctx = { emit: () => undefined };
const sandbox = sandboxDeps();
afterAll(() => sandbox.close());

async function app() {
  const handlers = createHandlers(await testDeps(sandbox.deps));
  return async <C extends IpcChannel>(channel: C, args: IpcArgs<C>) => {
    const answer = await handlers.handle(channel, args, ctx);
    return answer as
      { ok: true; result: IpcResult<C> } | { ok: false; error: { code: string; message: string } };
  };
}

describe('tagged sandbox ids through the app', () => {
  it('gives each ~tag its own counters, and saves and lists it under the id asked for', async () => {
    const call = await app();
    const fetch = (sessionId: string) =>
      call('session:fetch', { sessionId, wait: false, jobId: sessionId });
    // demo-processing answers PROCESSING_NOT_COMPLETED to its first 3 requests (per tag).
    const codes: string[] = [];
    let done: IpcResult<'session:fetch'> | null = null;
    for (let i = 0; i < 6 && !done; i++) {
      const answer = await fetch('demo-processing~a');
      if (answer.ok) done = answer.result;
      else codes.push(answer.error.code);
    }
    expect(codes.length).toBeGreaterThan(0);
    expect(new Set(codes)).toEqual(new Set(['PROCESSING_NOT_COMPLETED']));
    expect(done!.sessionId).toBe('demo-processing~a');
    // Another tag starts again from the beginning.
    const fresh = await fetch('demo-processing~b');
    expect(fresh.ok ? 'ok' : fresh.error.code).toBe('PROCESSING_NOT_COMPLETED');

    const saved = await call('library:save', { handle: done!.handle });
    expect(saved.ok).toBe(true);
    const listed = await call('library:list', {});
    expect(listed.ok && listed.result.entries.map((e) => e.sessionId)).toEqual([
      'demo-processing~a',
    ]);
  });

  it('still refuses an id that cannot be a URL segment, naming the character', async () => {
    const call = await app();
    const answer = await call('session:fetch', {
      sessionId: 'demo-retail/x',
      wait: false,
      jobId: 'j',
    });
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.message).toContain(
        'the session id contains "/"; only letters, digits and - _ . ~ are allowed',
      );
    }
  });
});
