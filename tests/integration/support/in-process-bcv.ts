// `bcv` run in-process (the CLI's main, no build needed), what it writes collected.
import { runExportCommand, type ExportCliIo } from '../../../src/cli/commands/export';
import { main } from '../../../src/cli/index';

export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function bcvInProcess(
  argv: string[],
  { env = {}, cwd = process.cwd() }: { env?: Record<string, string>; cwd?: string } = {},
): Promise<InProcessRun> {
  const said = { stdout: '', stderr: '' };
  const code = await main(
    argv,
    {
      stdout: (t) => (said.stdout += t),
      stderr: (t) => (said.stderr += t),
      env,
      cwd,
      appVersion: 'test',
    },
    new AbortController().signal,
  );
  return { code, ...said };
}

/** `bcv export` alone (its command, given only what it asks for), run in `cwd`. */
export async function exportInProcess(
  cwd: string,
  argv: string[],
  extra: Partial<ExportCliIo> = {},
): Promise<InProcessRun> {
  const said = { stdout: '', stderr: '' };
  const code = await runExportCommand(argv, {
    stdout: (t) => (said.stdout += t),
    stderr: (t) => (said.stderr += t),
    cwd,
    ...extra,
  });
  return { code, ...said };
}
