// The app (session:fetch then export:xlsx) and the CLI (`bcv export <session-id>`) open a
// session the same way (core's openSession): same data, same provenance wording, and both
// keep a failed session's statuses instead of failing.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExportCliIo } from '../../src/cli/commands/export';
import { exportWorkbook } from '../../src/core/export/export-workbook';
import type { ClientFactory } from '../../src/core/deps';
import { createHandlers } from '../../src/main/ipc/create-handlers';
import type { IpcArgs, IpcChannel, IpcResult } from '../../src/shared/ipc/contract';
import { failedSessionClient, GOOD } from '../fakes/bankconnect-client';
import { readBack, rowsOf, sheet, tempDir } from '../unit/export/helpers';
import { sandboxDeps, testDeps } from '../unit/ipc/helpers';
import { exportInProcess } from './support/in-process-bcv';

const ctx = { emit: () => undefined };
const sandbox = sandboxDeps();
afterAll(() => sandbox.close());

type Handlers = ReturnType<typeof createHandlers>;

/** One call, its result typed by the contract; a failure is thrown as `CODE: message`. */
async function call<C extends IpcChannel>(
  handlers: Handlers,
  channel: C,
  args: IpcArgs<C>,
): Promise<IpcResult<C>> {
  const answer = await handlers.handle(channel, args, ctx);
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.result as IpcResult<C>;
}

async function appWorkbook(
  sessionId: string,
  deps: Parameters<typeof testDeps>[0],
  profile?: { name: string; baseUrl: string },
) {
  const handlers = createHandlers(await testDeps({ exportWorkbook, ...deps }));
  if (profile) {
    const saved = await call(handlers, 'profiles:save', { ...profile, apiVersion: 'v1', ...GOOD });
    await call(handlers, 'profiles:activate', { id: saved.id });
  }
  const fetched = await call(handlers, 'session:fetch', { sessionId, wait: false, jobId: 'f' });
  const exported = await call(handlers, 'export:xlsx', { handle: fetched.handle, jobId: 'e' });
  if (!('path' in exported)) throw new Error('the export was cancelled');
  return readBack(exported.path);
}

async function cliWorkbook(sessionId: string, extra: Partial<ExportCliIo>) {
  const cwd = await tempDir();
  const { code, stderr } = await exportInProcess(
    cwd,
    [sessionId, '--sandbox', '-o', 'out.xlsx'],
    extra,
  );
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return readBack(join(cwd, 'out.xlsx'));
}

const sourceOf = (workbook: Awaited<ReturnType<typeof readBack>>) =>
  rowsOf(sheet(workbook, 'Summary')).find((r) => r[0] === 'Source')?.[1];

describe('one openSession for the app and the CLI', () => {
  it('the same sandbox session gives the same sheets and the same source', async () => {
    const app = await appWorkbook('demo-retail', sandbox.deps);
    const cli = await cliWorkbook('demo-retail', {});
    expect(sourceOf(app)).toBe('Sandbox: generated demo data, not real bank data');
    expect(sourceOf(cli)).toBe(sourceOf(app));
    for (const name of ['Transactions', 'Status', 'Monthly Analysis', 'Insights']) {
      expect(rowsOf(sheet(cli, name)), name).toEqual(rowsOf(sheet(app, name)));
    }
  });

  it('a failed session: both export its statuses, under the profile name and host', async () => {
    const client: ClientFactory = (connection) => failedSessionClient(connection);
    const app = await appWorkbook(
      'demo-failed',
      { createClient: client },
      { name: 'Work', baseUrl: 'https://bc.example.in/bank-connect' },
    );
    const cli = await cliWorkbook('demo-failed', {
      connect: () =>
        Promise.resolve({
          client: failedSessionClient({
            baseUrl: 'https://bc.example.in/bank-connect',
            apiVersion: 'v1',
            ...GOOD,
          }),
          provenance: { profileName: 'Work', host: 'bc.example.in', sandbox: false },
          close: () => Promise.resolve(),
        }),
    });
    expect(sourceOf(app)).toBe('Work (bc.example.in)');
    expect(sourceOf(cli)).toBe(sourceOf(app));
    const status = rowsOf(sheet(app, 'Status'));
    expect(status.flat()).toContain('BALANCE_MISMATCH');
    expect(rowsOf(sheet(cli, 'Status'))).toEqual(status);
  });
});
