// `bcv library ...` run in-process against `<cwd>/lib`, its output collected.
import { runLibraryCommand } from '../../../src/cli/commands/library';

export async function libraryCli(cwd: string) {
  const out = { stdout: '', stderr: '' };
  const run = async (...argv: string[]) => {
    out.stdout = '';
    out.stderr = '';
    const code = await runLibraryCommand([...argv, '--library', 'lib'], {
      stdout: (t) => (out.stdout += t),
      stderr: (t) => (out.stderr += t),
      env: {},
      cwd,
      appVersion: 'cli-test',
    });
    return { code, ...out };
  };
  return Promise.resolve(run);
}
