// Each of these used to name the wrong thing (FILE_NOT_FOUND for a folder, the input file
// for a broken library, CORRUPT for permission denied, a stack overflow for deep nesting,
// "not JSON" for a BOM); each now names the real cause and the path, in one line.
import * as nodeFs from 'node:fs/promises';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExportCommand } from '../../src/cli/commands/export';
import { runLibraryCommand } from '../../src/cli/commands/library';
import type { LibraryFs } from '../../src/core/io/safe-write';
import { Library } from '../../src/core/library/store';
import { fetchedJson, saveInput, tempDir } from '../unit/library/helpers';

async function setUp() {
  const cwd = await tempDir();
  const said = { out: '', err: '' };
  const io = {
    stdout: (t: string) => (said.out += t),
    stderr: (t: string) => (said.err += t),
    env: {},
    cwd,
    appVersion: 't',
  };
  const library = async (...argv: string[]) => {
    said.out = said.err = '';
    return { code: await runLibraryCommand(argv, io), ...said };
  };
  const exported = async (...argv: string[]) => {
    said.out = said.err = '';
    return { code: await runExportCommand(argv, io), ...said };
  };
  const both = fetchedJson('s-1');
  await writeFile(join(cwd, 'f.json'), both);
  return { cwd, library, exported, both };
}

const DEEP = `{"session_status":null,"subscribed_data":{"session_id":"d","accounts":{"a":{"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}}}}`;

describe('messages that name the real cause', () => {
  it('a folder named x.bcsession is a folder, for export and import', async () => {
    const { cwd, library, exported } = await setUp();
    await mkdir(join(cwd, 'x.bcsession'));
    expect(await exported('x.bcsession', '-o', 'r.xlsx')).toMatchObject({
      code: 1,
      err: 'IS_A_FOLDER: x.bcsession: is a folder, not a file\n',
    });
    expect(await library('import', 'x.bcsession', '--library', 'lib')).toMatchObject({
      code: 1,
      err: 'IS_A_FOLDER: x.bcsession: it is a folder, not a file\n',
    });
  });

  it('a library folder that is a file is blamed, not the input file', async () => {
    const { cwd, library } = await setUp();
    await writeFile(join(cwd, 'libfile'), 'x');
    const run = await library('import', 'f.json', '--library', 'libfile');
    expect(run.err).toBe(
      `NOT_A_FOLDER: The library folder ${join(cwd, 'libfile')} is a file, not a folder: move it away or choose another with --library\n`,
    );
  });

  it('a delete the library folder does not allow says so, with the path', async () => {
    const dir = join(await tempDir(), 'lib');
    await new Library({ dir, appVersion: 't' }).save(saveInput('s-1'));
    const readOnly = new Library({
      dir,
      appVersion: 't',
      trash: () => Promise.reject(Object.assign(new Error('EACCES'), { code: 'EACCES' })),
    });
    await expect(readOnly.delete('s-1')).rejects.toMatchObject({
      code: 'DELETE_FAILED',
      message: `Could not delete session s-1 (${join(dir, 's-1')}): permission denied (the library folder is read-only for this user)`,
    });
  });

  it('permission denied is permission denied, not CORRUPT', async () => {
    const dir = join(await tempDir(), 'lib');
    await new Library({ dir, appVersion: 't' }).save(saveInput('s-1'));
    const denied: LibraryFs = {
      ...nodeFs,
      open: ((path: string, ...rest: []) =>
        String(path).endsWith('.bcsession')
          ? Promise.reject(
              Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }),
            )
          : nodeFs.open(path, ...rest)) as LibraryFs['open'],
    };
    await nodeFs.rm(join(dir, 'index.json'), { force: true });
    const { problems } = await new Library({ dir, appVersion: 't', fs: denied }).list();
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(
      /^s-1\/\d{8}T\d{9}Z-[0-9a-f]{8}\.bcsession: permission denied: this user may not read it$/,
    );
  });

  it('100,000 nested arrays: one line naming the place, on import and export', async () => {
    const { cwd, library, exported } = await setUp();
    await writeFile(join(cwd, 'deep.json'), DEEP);
    const why =
      'deep.json: it is nested more than 256 levels deep (at $.subscribed_data.accounts.a.x[0][0]…): not a BankConnect response\n';
    expect(await library('import', 'deep.json', '--library', 'lib')).toMatchObject({
      code: 1,
      err: `TOO_DEEP: ${why}`,
    });
    expect(await exported('deep.json', '-o', 'd.xlsx', '--all-fields')).toMatchObject({
      code: 1,
      err: `TOO_DEEP: ${why}`,
    });
  });

  it('JSON with a byte-order mark is simply read', async () => {
    const { cwd, library, exported, both } = await setUp();
    await writeFile(join(cwd, 'bom.json'), `\uFEFF${both}`);
    expect((await library('import', 'bom.json', '--library', 'lib')).out).toMatch(
      /^bom\.json: imported session s-1 as snapshot/,
    );
    expect((await exported('bom.json', '-o', 'b.xlsx')).code).toBe(0);
  });
});
