// What a newcomer meets before anything works: bcv on a Node that is too old, bcv before
// it is built, and scripts/use-node.sh in the wrong shell or run instead of sourced. Each
// is one line saying what to do, with exit status 2.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');
const OLD_NODE = '/usr/bin/node';

function run(file: string, args: string[], cwd = ROOT) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(
      file,
      args,
      { cwd, env: { PATH: '/usr/bin:/bin', HOME: tmpdir() } },
      (e, stdout, stderr) =>
        resolve({ code: e ? ((e as { code?: number }).code ?? null) : 0, stdout, stderr }),
    );
  });
}

async function oldNodeMajor(): Promise<number | null> {
  if (!existsSync(OLD_NODE)) return null;
  const { stdout } = await run(OLD_NODE, ['-p', 'process.versions.node']);
  const major = Number(stdout.split('.')[0]);
  return major < 24 ? major : null;
}

describe('bcv before it can run', () => {
  it('on an older Node: one line naming the version needed, exit 2', async (context) => {
    const major = await oldNodeMajor();
    if (major === null) return context.skip(); // no Node older than 24 at /usr/bin/node here
    for (const entry of ['bin/bcv.cjs', 'out/cli/bcv.cjs']) {
      if (!existsSync(join(ROOT, entry))) continue;
      const result = await run(OLD_NODE, [entry, '--version']);
      expect(result.code, entry).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(
        new RegExp(
          `^bcv needs Node 24 or newer \\(this is Node ${major}\\.[\\d.]+\\): run \`\\. scripts/use-node\\.sh\` \\(Linux, bash or zsh\\) or \`nvm install\`, then try again\\n$`,
        ),
      );
    }
  });

  it('before a build: one line saying how to build it, exit 2', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'bcv-unbuilt-'));
    await cp(join(ROOT, 'bin'), join(copy, 'bin'), { recursive: true });
    await cp(join(ROOT, 'package.json'), join(copy, 'package.json'));
    const result = await run(process.execPath, [join(copy, 'bin/bcv.cjs'), '--version'], copy);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe(
      `bcv is not built yet: run \`npm run build:cli\` in ${copy}, then try again\n`,
    );
  });
});

describe('bcv with a reader that stops early', () => {
  it('ends its output without a stack trace when the pipe closes (bcv … | head)', async () => {
    const child = spawn(process.execPath, [
      join(ROOT, 'out/cli/bcv.cjs'),
      'status',
      'demo-business',
      '--sandbox',
      '--json',
    ]);
    child.stdout.destroy(); // as `head` does once it has its lines
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('scripts/use-node.sh', () => {
  it('refuses being run instead of sourced, and shells other than bash and zsh', async () => {
    const script = join(ROOT, 'scripts/use-node.sh');
    const ran = await run('/bin/bash', [script]);
    expect(ran).toMatchObject({
      code: 2,
      stderr: 'use-node: source this file, do not run it: . scripts/use-node.sh\n',
    });
    const dash = await run('/bin/sh', ['-c', `. ${script}; echo "returned $?"`]);
    expect(dash.stdout).toBe('returned 2\n');
    expect(dash.stderr).toBe(
      'use-node: this shell is not bash or zsh; run: bash, then . scripts/use-node.sh\n',
    );
  });

  it('sourced from bash (and zsh where there is one) puts Node 24 or newer first', async () => {
    const shells = ['/bin/bash', '/usr/bin/zsh', '/bin/zsh'].filter((s) => existsSync(s));
    for (const shell of [...new Set(shells)]) {
      // PATH already leads to this Node 24, so nothing is installed.
      const result = await run(shell, [
        '-c',
        `PATH=${join(process.execPath, '..')}:$PATH; . ${join(ROOT, 'scripts/use-node.sh')} && node -p 'process.versions.node'`,
      ]);
      expect(result.code, `${shell}: ${result.stderr}`).toBe(0);
      expect(Number(result.stdout.split('.')[0]), shell).toBeGreaterThanOrEqual(24);
    }
  });
});
