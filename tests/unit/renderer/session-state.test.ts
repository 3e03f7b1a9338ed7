import { beforeAll, describe, expect, it } from 'vitest';
import { installBridge, until, type Installed } from './bridge-setup';

let installed: Installed;
let session: typeof import('../../../src/renderer/src/app/session.svelte').session;

beforeAll(async () => {
  installed = await installBridge({ pending: 2, pollDelayMs: 20 });
  ({ session } = await import('../../../src/renderer/src/app/session.svelte'));
});

describe('session state', () => {
  it('opens a session: polls counted, progress shown, the view unpacked', async () => {
    expect(session.phase).toBe('idle');
    const opening = session.open(' demo-retail ');
    expect(session.phase).toBe('loading');
    expect(session.requestedId).toBe('demo-retail');
    await opening;
    expect(session.phase).toBe('loaded');
    expect(session.polls).toBe(2);
    expect(session.progress.message).toBe('Preparing the report');
    expect(session.jobId).toBeNull();
    const loaded = session.loaded!;
    expect(loaded.sessionId).toBe('demo-retail');
    expect(loaded.source).toMatchObject({ kind: 'live', profileName: 'Sandbox', sandbox: true });
    // The packed transactions are rebuilt into the view's rows.
    expect(Array.isArray(loaded.view.accounts[0]!.transactions)).toBe(true);
    expect(loaded.view.accounts[0]!.transactions.length).toBeGreaterThan(0);
  });

  it('a failure is shown with its code, and the message is the message alone', async () => {
    await session.open('nope');
    expect(session.phase).toBe('failed');
    expect(session.error).toEqual({
      code: 'SESSION_NOT_FOUND',
      message: 'The provided session ID is invalid',
    });
    // The session shown before stays on screen.
    expect(session.loaded?.sessionId).toBe('demo-retail');
  });

  it('opening another session closes the one it replaces in main', async () => {
    const before = session.loaded!.handle;
    await session.open('demo-business');
    expect(session.loaded!.sessionId).toBe('demo-business');
    expect(installed.bridge.calls).toContainEqual({
      channel: 'session:close',
      args: { handle: before },
    });
    expect(session.error).toBeNull();
  });

  it('reload fetches the same session again under a new handle', async () => {
    const before = session.loaded!;
    await session.reload();
    expect(session.loaded!.sessionId).toBe(before.sessionId);
    expect(session.loaded!.handle).not.toBe(before.handle);
    expect(installed.bridge.calls.some((c) => c.channel === 'session:refresh')).toBe(true);
  });

  it('cancel stops the fetch: cancelled, no error, the earlier session kept', async () => {
    const shown = session.loaded!.handle;
    const opening = session.open('demo-retail');
    await until(() => session.polls >= 1, 'the first poll');
    await session.cancel();
    await opening;
    expect(session.phase).toBe('cancelled');
    expect(session.error).toBeNull();
    expect(session.loaded!.handle).toBe(shown);
  });

  it('shows a saved snapshot through openSaved; a missing one rejects and changes nothing', async () => {
    const { api } = await import('../../../src/renderer/src/app/api');
    const saved = await api.saveToLibrary({ handle: session.loaded!.handle });
    const opening = session.openSaved('demo-business', saved.snapshotId);
    expect(session.openingSaved).toBe('demo-business');
    await opening;
    // The open ran as a job: its stages came to its own progress, the last one preparing.
    expect(session.savedProgress.message).toBe('Preparing the report');
    expect(session.openingSaved).toBeNull();
    expect(session.phase).toBe('loaded');
    expect(session.loaded!.source).toMatchObject({ kind: 'saved', snapshotId: saved.snapshotId });
    const shown = session.loaded!.handle;
    await expect(session.openSaved('not-saved')).rejects.toMatchObject({
      code: 'NOT_IN_LIBRARY',
    });
    expect(session.loaded!.handle).toBe(shown);
  });
});
