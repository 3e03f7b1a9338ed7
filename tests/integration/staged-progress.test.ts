// Long work says its stage and how far it is, as the app's handlers report it over the
// real sandbox: a fetch counts the bytes of the announced Content-Length, then checks,
// then prepares the report; a library save and open count bytes written and read of the
// file's size. Cancel still stops a fetch mid-download.
import { stat } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../src/core/deps';
import { createClient, startSandbox } from '../../src/core/integrations';
import { SANDBOX_CREDENTIALS } from '../../src/core/profiles/profile-store';
import { createHandlers } from '../../src/main/ipc/create-handlers';
import type { CallContext } from '../../src/main/ipc/types';
import type { IpcArgs, IpcChannel, IpcResult, ProgressEvent } from '../../src/shared/ipc/contract';
import { startSandboxServer, type SandboxServer } from '../../src/sandbox/server';
import { testDeps } from '../unit/ipc/helpers';

const LARGE = 'demo-large-20000';
let handlers: ReturnType<typeof createHandlers>;
let deps: AppDeps;
let probe: SandboxServer;

beforeAll(async () => {
  deps = await testDeps({ fetch: globalThis.fetch, startSandbox, createClient });
  handlers = createHandlers(deps);
  probe = await startSandboxServer(SANDBOX_CREDENTIALS);
});
afterAll(() => probe.close());

function recorder(): { events: ProgressEvent[]; ctx: CallContext } {
  const events: ProgressEvent[] = [];
  return {
    events,
    ctx: {
      emit: (name, payload) => void (name === 'progress' && events.push(payload as ProgressEvent)),
    },
  };
}

async function call<C extends IpcChannel>(
  channel: C,
  args: IpcArgs<C>,
  ctx: CallContext = recorder().ctx,
): Promise<IpcResult<C>> {
  const answer = await handlers.handle(channel, args, ctx);
  if (!answer.ok) throw Object.assign(new Error(answer.error.message), answer.error);
  return answer.result as IpcResult<C>;
}

/** The stages in order, each once, however many byte counts a stage sent. */
function stagesOf(events: readonly ProgressEvent[]): string[] {
  const stages = events.flatMap((e) => (e.stage ? [e.stage] : []));
  return stages.filter((s, i) => s !== stages[i - 1]);
}

/** A byte stage's counts: from 0, never backwards, ending at the total, all of one total. */
function expectCounted(events: readonly ProgressEvent[], stage: string, total: number): void {
  const counts = events.filter((e) => e.stage === stage);
  expect(counts.length).toBeGreaterThan(2);
  expect(counts[0]!.done).toBe(0);
  expect(counts.at(-1)!.done).toBe(total);
  expect(new Set(counts.map((e) => e.total))).toEqual(new Set([total]));
  for (let i = 1; i < counts.length; i++)
    expect(counts[i]!.done).toBeGreaterThan(counts[i - 1]!.done);
}

/** What the sandbox announces for the session's data: its Content-Length. */
async function announcedLength(sessionId: string): Promise<number> {
  const response = await fetch(`${probe.url}/v1/session_data/${sessionId}/subscribed_data/`, {
    headers: {
      'x-api-key': SANDBOX_CREDENTIALS.apiKey,
      'server-hash': SANDBOX_CREDENTIALS.serverHash,
    },
  });
  const length = Number(response.headers.get('content-length'));
  await response.arrayBuffer();
  return length;
}

describe('staged progress over the sandbox', () => {
  let handle = '';

  it('a fetch: bytes of the Content-Length, then checking, then preparing the report', async () => {
    const length = await announcedLength(LARGE);
    expect(length).toBeGreaterThan(5_000_000);
    const { events, ctx } = recorder();
    const loaded = await call('session:fetch', { sessionId: LARGE, wait: true, jobId: 'big' }, ctx);
    handle = loaded.handle;
    expect(loaded.view.accounts[0]!.transactions).toHaveLength(20_000);
    expect(events.every((e) => e.jobId === 'big')).toBe(true);
    expect(stagesOf(events)).toEqual(['download', 'check', 'prepare']);
    // The first download event says the stage before any byte; then the body's counts.
    expect(events.find((e) => e.stage === 'download')).toMatchObject({ done: 0, total: null });
    expectCounted(
      events.filter((e) => e.stage === 'download' && e.total !== null),
      'download',
      length,
    );
    const last = events.filter((e) => e.stage === 'download').at(-1)!;
    expect(last.message).toBe(
      `Downloading the data: ${(length / 1048576).toFixed(length < 10 * 1048576 ? 1 : 0)} MB of ${(length / 1048576).toFixed(length < 10 * 1048576 ? 1 : 0)} MB`,
    );
    expect(events.find((e) => e.stage === 'check')!.message).toBe('Checking the data');
    expect(events.at(-1)!.message).toBe('Preparing the report');
  });

  it('a save: checking, compressing, then bytes written of the file; an open: bytes read, checking, preparing', async () => {
    const saving = recorder();
    const saved = await call('library:save', { handle, jobId: 'save' }, saving.ctx);
    expect(stagesOf(saving.events)).toEqual(['check', 'compress', 'write']);
    const listing = await call('library:list', {});
    const entry = listing.entries.find((e) => e.sessionId === LARGE)!;
    const size = entry.snapshots.find((s) => s.snapshotId === saved.snapshotId)!.sizeBytes;
    expectCounted(saving.events, 'write', size);
    expect(saving.events.every((e) => e.kind === 'save' && e.jobId === 'save')).toBe(true);

    const opening = recorder();
    const opened = await call(
      'library:open',
      { sessionId: LARGE, snapshotId: saved.snapshotId, jobId: 'open' },
      opening.ctx,
    );
    expect(opened.view.accounts[0]!.transactions).toHaveLength(20_000);
    expect(stagesOf(opening.events)).toEqual(['read', 'check', 'prepare']);
    const file = opened.source.kind === 'saved' ? opened.source.file : '';
    expectCounted(opening.events, 'read', (await stat(file)).size);
    expect(opening.events.filter((e) => e.stage === 'read').at(-1)!.message).toMatch(
      /^Reading the file: [\d.]+ MB of [\d.]+ MB$/,
    );
  });

  it('cancel during the download stops the fetch', async () => {
    const events: ProgressEvent[] = [];
    // Set from the progress callback (a type the compiler does not narrow to null).
    let cancelled = null as Promise<unknown> | null;
    const ctx: CallContext = {
      emit: (name, payload) => {
        if (name !== 'progress') return;
        const event = payload as ProgressEvent;
        events.push(event);
        if (!cancelled && event.stage === 'download' && event.done > 0)
          cancelled = call('job:cancel', { jobId: 'stop' });
      },
    };
    await expect(
      call('session:fetch', { sessionId: LARGE, wait: true, jobId: 'stop' }, ctx),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await cancelled).toEqual({ cancelled: true });
    // It stopped downloading: the report was never prepared.
    expect(stagesOf(events)).toEqual(['download']);
  });
});
