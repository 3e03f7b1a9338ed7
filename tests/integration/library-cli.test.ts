// `bcv library ...` end to end against a real folder (the command module B's CLI table runs).
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveFetchedToLibrary } from '../../src/cli/commands/library';
import { libraryServices } from '../../src/core/services';
import { libraryCli as cli } from './support/library-cli';
import { rawOf } from '../fakes/received';
import { defaultLibraryDir } from '../../src/core/library/paths';
import { readSessionInput } from '../../src/core/library/session-input';
import { dataFor, fetchedJson, statusFor, tempDir } from '../unit/library/helpers';

describe('bcv library', () => {
  it('imports, lists, shows, exports and deletes', async () => {
    const cwd = await tempDir();
    const run = await cli(cwd);
    await writeFile(join(cwd, 'fetched.json'), fetchedJson('s-1'));
    await writeFile(join(cwd, 'junk.json'), '{"hello":1}');

    const imported = await run('import', 'fetched.json', 'junk.json');
    expect(imported.code).toBe(1);
    expect(imported.stdout).toMatch(/^fetched\.json: imported session s-1 as snapshot \d{8}T/);
    expect(imported.stderr).toMatch(/^NOT_IMPORTABLE: junk\.json: neither a \.bcsession file/);

    const listed = await run('list');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^SESSION\s+HOLDERS\s+BANKS\s+ACCOUNTS\s+MONTHS\s+FETCHED/);
    expect(listed.stdout).toContain('R K ENTERPRISES, MR. LEELA SANKAR PRASAD ASURU');
    // October 2023 to April 2024: Oct, Nov, Dec, Jan, Feb, Mar, Apr = 7 months.
    expect(listed.stdout).toContain('Oct 2023 to Apr 2024 (7 months)');
    // When it was fetched, in the computer's zone and the Indian way, never a UTC stamp.
    expect(listed.stdout).toMatch(/ \d{2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} /);
    expect(listed.stdout).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}/);

    const shown = await run('show', 's-1');
    expect(shown.stdout).toContain('Accounts   2 (XXXXXX0344, XXXXXXXX3559)');
    expect(shown.stdout).toContain('Months     Oct 2023 to Apr 2024 (7 months)');
    expect(shown.stdout).toContain('imported');
    expect(shown.stdout).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}/);

    const exported = await run('export', 's-1', '-o', 'copy.bcsession');
    expect(exported).toMatchObject({
      code: 0,
      stdout: `Exported to ${join(cwd, 'copy.bcsession')}\n`,
    });
    // `bcv export` reads a .bcsession through readSessionInput: the same data comes back.
    const input = await readSessionInput(join(cwd, 'copy.bcsession'));
    expect(input.subscribedData).toEqual(dataFor('s-1'));
    expect(input.meta?.source.kind).toBe('imported');
    expect((await readSessionInput(join(cwd, 'fetched.json'))).sessionStatus).toEqual(
      statusFor('s-1'),
    );

    expect(await run('import', 'copy.bcsession')).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('already in the library'),
    });
    expect(await run('delete', 's-1')).toMatchObject({ code: 0, stdout: 'Deleted 1 snapshot\n' });
    expect((await run('list')).stdout).toMatch(/^No saved sessions in /);
    expect(await run('delete', 's-1')).toMatchObject({
      code: 1,
      stderr: 'NOT_IN_LIBRARY: Session s-1 is not in the library\n',
    });
  });

  it('fetch --save puts the snapshot in the library; bad files are listed as problems', async () => {
    const cwd = await tempDir();
    const run = await cli(cwd);
    await saveFetchedToLibrary(
      libraryServices({ dir: join(cwd, 'lib'), appVersion: 't' }).library,
      {
        raw: rawOf(statusFor('demo-business'), dataFor('demo-business')),
        fetchedAt: '2026-11-24T10:00:00.000Z',
        provenance: { profileName: 'Sandbox', host: '127.0.0.1:4010', sandbox: true },
      },
    );
    await writeFile(join(cwd, 'lib', 'demo-business', 'broken.bcsession'), 'x');
    const listed = await run('list', '--json');
    const json = JSON.parse(listed.stdout) as { entries: { sessionId: string }[] };
    expect(json.entries.map((e) => e.sessionId)).toEqual(['demo-business']);
    expect(listed.stderr).toBe(
      'problem: demo-business/broken.bcsession: not a .bcsession file (it is neither format 2 nor gzip-compressed)\n',
    );
    await expect(
      readSessionInput(join(cwd, 'lib', 'demo-business', 'broken.bcsession')),
    ).rejects.toThrow(/^broken\.bcsession: not a \.bcsession file/);
    expect(JSON.parse(await readFile(join(cwd, 'lib', 'index.json'), 'utf8'))).toHaveProperty(
      'files',
    );
  });

  it('answers usage errors with exit code 2 and knows its default folder', async () => {
    const run = await cli(await tempDir());
    expect((await run('export', 's-1')).code).toBe(2);
    expect((await run('frobnicate')).stderr).toBe(
      'USAGE: bcv library has no command "frobnicate" (bcv library --help lists them)\n',
    );
    // The app's folder (Electron's userData for this app), or BCV_LIBRARY for both.
    expect(defaultLibraryDir({ XDG_CONFIG_HOME: '/x/config' }, '/home/u', 'linux', '/w')).toBe(
      '/x/config/bankconnect-viewer/library',
    );
    expect(defaultLibraryDir({}, '/home/u', 'linux', '/w')).toBe(
      '/home/u/.config/bankconnect-viewer/library',
    );
    expect(defaultLibraryDir({}, '/Users/u', 'darwin', '/w')).toBe(
      '/Users/u/Library/Application Support/bankconnect-viewer/library',
    );
    expect(
      defaultLibraryDir(
        { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' },
        'C:\\Users\\u',
        'win32',
        '/w',
      ),
    ).toBe(join('C:\\Users\\u\\AppData\\Roaming', 'bankconnect-viewer', 'library'));
    expect(defaultLibraryDir({ BCV_LIBRARY: 'cases' }, '/home/u', 'linux', '/w')).toBe('/w/cases');
  });

  it('a read never makes a library; a save makes one and says so', async () => {
    const cwd = await tempDir();
    const run = await cli(cwd);
    for (const argv of [['list'], ['show', 's-1'], ['search', 'x'], ['diff', 's-1']]) {
      const result = await run(...argv);
      expect(result, argv.join(' ')).toMatchObject({ code: 1, stdout: '' });
      expect(result.stderr).toBe(
        `NO_LIBRARY: no library at ${join(cwd, 'lib')}: save a session first (bcv fetch ID --save), or choose one with --library DIR or BCV_LIBRARY\n`,
      );
    }
    await expect(readdir(cwd)).resolves.toEqual([]);
    await writeFile(join(cwd, 'fetched.json'), fetchedJson('s-1'));
    const imported = await run('import', 'fetched.json');
    expect(imported.code).toBe(0);
    expect(imported.stderr).toBe(`Made a new library at ${join(cwd, 'lib')}\n`);
    expect((await run('import', 'fetched.json')).stderr).toBe('');
  });

  it('compares the two latest snapshots of a session, or the ones named', async () => {
    const cwd = await tempDir();
    const run = await cli(cwd);
    const first = dataFor('s-2');
    const second = structuredClone(first) as unknown as {
      accounts: Record<string, { transactions: Record<string, unknown>[] }>;
    };
    const account = Object.values(second.accounts)[0]!;
    account.transactions.push({ ...account.transactions[0], hash: 'added-1', amount: 999.5 });
    await writeFile(join(cwd, 'a.json'), JSON.stringify({ subscribed_data: first }));
    await writeFile(join(cwd, 'b.json'), JSON.stringify({ subscribed_data: second }));
    expect((await run('import', 'a.json')).code).toBe(0);

    const alone = await run('diff', 's-2');
    expect(alone.code).toBe(1);
    expect(alone.stderr).toBe(
      'NOT_IN_LIBRARY: Session s-2 has one snapshot only: nothing to compare it with\n',
    );

    const later = await run('import', 'b.json');
    expect(later.code).toBe(0);
    const diff = await run('diff', 's-2');
    expect(diff.code).toBe(0);
    expect(diff.stdout).toMatch(
      /^Snapshots \S+ -> \S+\nTransactions: 1 added, 0 removed, 0 changed, \d+ unchanged\n/,
    );
    // Dates the Indian way (23 Oct 2023), as everywhere the CLI shows one.
    expect(diff.stdout).toMatch(/\n {2}\+ \d{2} [A-Z][a-z]{2} \d{4} {2}debit +999\.50 {2}/);

    const json = JSON.parse((await run('diff', 's-2', '--json')).stdout);
    expect(json.transactions.added.map((t: { hash: string }) => t.hash)).toEqual(['added-1']);
    const reversed = await run('diff', 's-2', '--from', json.to, '--to', json.from);
    expect(reversed.stdout).toContain('Transactions: 0 added, 1 removed');
    const same = await run('diff', 's-2', '--from', json.to, '--to', json.to);
    expect(same.stdout).toMatch(/: no differences\n$/);
    const missing = await run('diff', 's-2', '--from', 'nope');
    expect(missing.stderr).toBe(
      'NOT_IN_LIBRARY: Snapshot nope of session s-2 is not in the library\n',
    );
  });
});
