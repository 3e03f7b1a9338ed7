// A small tmpfs for the full-disk tests: a real file system that runs out of space.
// Mounting needs root (and a kernel that allows it); where it cannot be mounted the tests
// that need it are skipped with the reason, and the injected-ENOSPC tests still run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Tmpfs {
  readonly dir: string;
  unmount(): void;
}

export function mountTmpfs(sizeMiB: number): Tmpfs | string {
  const dir = mkdtempSync(join(tmpdir(), 'bcv-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMiB}m`, 'tmpfs', dir], {
      stdio: 'pipe',
    });
  } catch (error) {
    return `cannot mount a tmpfs here (${String((error as Error).message).split('\n')[0]})`;
  }
  return {
    dir,
    unmount: () => execFileSync('umount', ['-l', dir], { stdio: 'pipe' }),
  };
}
