// Paths that are not regular files, given where a session file is expected: a FIFO (which
// blocks a reader until someone writes), devices that never end, a socket. Each is refused
// in one line naming what the path is, at once, and nothing in the library is written.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileBounded } from '../../src/core/io/size-ceiling';
import { readRegularText } from '../../src/core/io/regular-file';
import { bcvInProcess } from './support/in-process-bcv';
import { reviewCliLibrary, SESSION } from './support/review-cli';

let dir: string;
let socket: Server;
const fifo = () => join(dir, 'case.json');
const sock = () => join(dir, 'case.sock');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bcv-special-'));
  execFileSync('mkfifo', [fifo()]);
  socket = createServer();
  await new Promise<void>((done) => socket.listen(sock(), done));
});
afterAll(async () => {
  await new Promise((done) => socket.close(done));
  rmSync(dir, { recursive: true, force: true });
});

function bcv(argv: string[]) {
  return bcvInProcess(argv, { cwd: dir });
}

const KINDS: readonly (readonly [string, () => string, string])[] = [
  ['a FIFO', fifo, 'a FIFO \\(named pipe\\)'],
  ['/dev/zero', () => '/dev/zero', 'a character device'],
  ['/dev/urandom', () => '/dev/urandom', 'a character device'],
  ['a socket', sock, 'a socket'],
];

describe('only regular files are read', () => {
  for (const [name, path, kind] of KINDS) {
    it(`bcv library import of ${name}: one line naming what it is, the library untouched`, async () => {
      const library = join(dir, `lib-${name.replace(/\W/g, '')}`);
      const run = await bcv(['library', 'import', path(), '--library', library]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(
        new RegExp(
          `^NOT_A_FILE: [^\\n]*: it is ${kind}, not a regular file: only regular files are read\\n$`,
        ),
      );
      let entries: string[] = [];
      try {
        entries = readdirSync(library).filter((f) => !f.startsWith('.'));
      } catch {
        // No library folder made at all.
      }
      expect(entries.filter((f) => !/^(catalogue|index)/.test(f))).toEqual([]);
    }, 10_000);

    it(`bcv export of ${name}: NOT_A_FILE naming what it is, not "no such file"`, async () => {
      const run = await bcv(['export', path(), '-o', join(dir, 'out.xlsx')]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(
        new RegExp(
          `^NOT_A_FILE: [^\\n]*is ${kind}, not a regular file: only regular files are read\\n$`,
        ),
      );
      expect(readdirSync(dir).filter((f) => f.startsWith('out'))).toEqual([]);
    }, 10_000);
  }

  it('/dev/stdin (whatever it is here) is not read as a session file', async () => {
    const run = await bcv(['export', '/dev/stdin', '-o', join(dir, 'out.xlsx')]);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/FILE_NOT_FOUND/);
    expect(run.stderr.split('\n')).toHaveLength(2);
  }, 10_000);

  it('the shared reader refuses a FIFO at once, even with a writer waiting', async () => {
    await expect(readFileBounded(fifo(), { what: 'case.json' })).rejects.toMatchObject({
      code: 'NOT_A_FILE',
      message: 'case.json is a FIFO (named pipe), not a regular file: only regular files are read',
    });
    await expect(readFileBounded(dir, { what: 'the folder' })).rejects.toMatchObject({
      code: 'IS_A_FOLDER',
    });
  }, 10_000);

  it('a FIFO inside the library (a review file) is refused, not waited on for ever', async () => {
    const { cwd, run } = await reviewCliLibrary();
    execFileSync('mkfifo', [join(cwd, 'lib', SESSION, 'review.json')]);
    const shown = await run('review', 'show', SESSION);
    expect(shown.code).toBe(1);
    expect(shown.stderr).toMatch(/review\.json is a FIFO \(named pipe\), not a regular file/);
    expect(shown.stderr.split('\n')).toHaveLength(2);
  }, 10_000);

  it('settings and key files are read through the same check', async () => {
    await expect(readRegularText(fifo(), 'the CA file')).rejects.toMatchObject({
      code: 'NOT_A_FILE',
      message:
        'the CA file is a FIFO (named pipe), not a regular file: only regular files are read',
    });
  }, 10_000);
});
