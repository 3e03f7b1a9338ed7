// A TypeScript script of the tests run in a child Node process through tsx: another
// process (the app, a second bcv, one with another time zone) beside the test's own.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');

/** Starts `script` with `args`; `env` is added to this process's environment. */
export function spawnTsChild(script: string, args: string[], env: Record<string, string> = {}) {
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.node.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export interface ChildRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `script` to its end: its exit code and all it wrote. */
export function runTsChild(
  script: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<ChildRun> {
  const child = spawnTsChild(script, args, env);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
