// `bcv library ...` run in-process against `<cwd>/lib`, its output collected.
import { main } from '../../../src/cli/index';

export async function libraryCli(cwd: string) {
  const out = { stdout: '', stderr: '' };
  const run = async (...argv: string[]) => {
    out.stdout = '';
    out.stderr = '';
    const code = await main(
      ['library', ...argv, '--library', 'lib'],
      {
        stdout: (t) => (out.stdout += t),
        stderr: (t) => (out.stderr += t),
        env: {},
        cwd,
        appVersion: 'cli-test',
      },
      new AbortController().signal,
    );
    return { code, ...out };
  };
  return Promise.resolve(run);
}
