import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../../src/shared/ipc/contract';
import { installBridge, type Installed } from './bridge-setup';

let installed: Installed;
let exportJob: typeof import('../../../src/renderer/src/app/export-job.svelte').exportJob;
let session: typeof import('../../../src/renderer/src/app/session.svelte').session;

beforeAll(async () => {
  installed = await installBridge();
  ({ exportJob } = await import('../../../src/renderer/src/app/export-job.svelte'));
  ({ session } = await import('../../../src/renderer/src/app/session.svelte'));
  await session.open('demo-retail');
});

describe('the export job', () => {
  it('writes the workbook with progress, then says where', async () => {
    const seen: ProgressEvent[] = [];
    const unsubscribe = installed.bridge.onProgress((event) => seen.push(event));
    const running = exportJob.start(session.loaded!);
    expect(exportJob.running).toBe(true);
    await running;
    unsubscribe();
    expect(exportJob.running).toBe(false);
    expect(exportJob.outcome?.ok).toBe(true);
    const path = exportJob.outcome!.text.replace(/^Exported to /, '');
    expect(path).toMatch(/demo-retail\.xlsx$/);
    expect(existsSync(path)).toBe(true);
    // The job followed its own progress events to the end.
    const mine = seen.filter((e) => e.kind === 'export');
    expect(mine.length).toBeGreaterThan(0);
    expect(exportJob.done).toBe(mine.at(-1)!.done);
    expect(exportJob.total).toBe(mine.at(-1)!.total);
  });

  it('passes All API fields on', async () => {
    exportJob.allFields = true;
    await exportJob.start(session.loaded!);
    exportJob.allFields = false;
    const call = installed.bridge.calls.filter((c) => c.channel === 'export:xlsx').at(-1);
    expect(call?.args).toMatchObject({ allFields: true });
  });

  it('no file chosen: nothing written, and it says so', async () => {
    installed.cancelSaves(true);
    await exportJob.start(session.loaded!);
    installed.cancelSaves(false);
    expect(exportJob.outcome).toEqual({
      ok: true,
      text: 'Export cancelled: no file chosen',
      handle: session.loaded!.handle,
    });
  });

  it('a failure is one line with the reason', async () => {
    const gone = session.loaded!;
    await session.open('demo-business'); // main closes the one it replaces
    await exportJob.start(gone);
    // Said under the session it was of, not the one opened since.
    expect(exportJob.outcome).toEqual({
      ok: false,
      text: 'Export failed: That session is no longer open; open it again',
      handle: gone.handle,
    });
  });
});
