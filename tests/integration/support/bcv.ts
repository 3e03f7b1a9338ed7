// The built `bcv` (out/cli/bcv.cjs) spawned under this Node with a clean environment.
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BCV = join(__dirname, '../../../out/cli/bcv.cjs');
export const CLEAN_ENV = { PATH: process.env.PATH ?? '', HOME: tmpdir() };

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function bcv(
  args: string[],
  env: Record<string, string> = {},
  cwd = tmpdir(),
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BCV, ...args], { cwd, env: { ...CLEAN_ENV, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
