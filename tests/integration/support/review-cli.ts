// A library folder with demo-retail saved, and `bcv review|library` run in-process
// against it, signed by a given reviewer.
import { join } from 'node:path';
import { main } from '../../../src/cli/index';
import type { CliIo } from '../../../src/cli/io';
import { Library } from '../../../src/core/library/store';
import { tempDir } from '../../unit/library/helpers';
import { demo } from '../../unit/review/helpers';
import { rawOf } from '../../fakes/received';

export const SESSION = 'demo-retail';

export function cliIo(
  cwd: string,
  out: { stdout: string; stderr: string },
  reviewer = 'Asha Rao',
): CliIo {
  return {
    stdout: (t) => (out.stdout += t),
    stderr: (t) => (out.stderr += t),
    env: { BCV_REVIEWER: reviewer },
    cwd,
    appVersion: 'cli-test',
  };
}

export async function reviewCliLibrary() {
  const cwd = await tempDir();
  const { data, status, view } = demo(SESSION);
  await new Library({ dir: join(cwd, 'lib'), appVersion: 't' }).save({
    raw: rawOf(status, data),
    fetchedAt: '2026-11-30T10:00:00.000Z',
    source: { kind: 'live', profileName: 'Sandbox', host: '127.0.0.1:4010', sandbox: true },
  });
  const run = async (command: 'review' | 'library', ...argv: string[]) => {
    const out = { stdout: '', stderr: '' };
    const code = await main(
      [command, ...argv, '--library', 'lib'],
      cliIo(cwd, out),
      new AbortController().signal,
    );
    return { code, ...out };
  };
  return { cwd, view, run };
}
