// A throwaway copy of the project, for tests that install into node_modules or build
// installers. The sources are copied; node_modules is hard-linked (`cp -al`: seconds, no
// space; every folder is new, so files the test adds never reach the real project), with
// the Electron binary and tool caches taken out so the copy starts like a fresh
// `npm install` made with ELECTRON_SKIP_BINARY_DOWNLOAD.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LEFT_OUT = new Set([
  'node_modules',
  'out',
  'dist',
  '.git',
  '.tmp',
  'test-results',
  'playwright-report',
]);

export function copyProject(root: string, prefix: string): string {
  const copy = mkdtempSync(join(tmpdir(), prefix));
  for (const name of readdirSync(root)) {
    if (LEFT_OUT.has(name)) continue;
    cpSync(join(root, name), join(copy, name), {
      recursive: true,
      filter: (src) => !src.includes(`${join(root, 'bench', 'data')}`),
    });
  }
  try {
    execFileSync('cp', ['-al', join(root, 'node_modules'), join(copy, 'node_modules')]);
  } catch {
    // Another file system (or no GNU cp): a real copy, slower.
    rmSync(join(copy, 'node_modules'), { recursive: true, force: true });
    cpSync(join(root, 'node_modules'), join(copy, 'node_modules'), {
      recursive: true,
      verbatimSymlinks: true,
    });
  }
  for (const own of ['electron/dist', 'electron/path.txt', '.vite', '.cache']) {
    rmSync(join(copy, 'node_modules', own), { recursive: true, force: true });
  }
  return copy;
}
