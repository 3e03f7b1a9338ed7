// `bcv export` end to end against real files: API JSON (one or both responses) and
// .bcsession in, a workbook out; bad input gets one `CODE: message` line, exit 1 (usage
// mistakes exit 2) and leaves an existing workbook at the destination untouched.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportCliIo } from '../../src/cli/commands/export';
import { encodeFormat1File as encodeSessionFile, payloadTextOf } from '../fakes/format-1-file';
import { fakeClientFactory, GOOD } from '../fakes/bankconnect-client';
import {
  readBack,
  referenceData,
  rowsOf,
  sheet,
  statusFor,
  tempDir,
  TEN_SHEETS,
} from '../unit/export/helpers';
import { bcvInProcess, exportInProcess } from './support/in-process-bcv';

async function cli(cwd: string, extra: Partial<ExportCliIo> = {}) {
  return (...argv: string[]) => exportInProcess(cwd, argv, extra);
}

async function folderWithInputs() {
  const cwd = await tempDir();
  const data = referenceData();
  await writeFile(join(cwd, 'data.json'), JSON.stringify(data));
  await writeFile(
    join(cwd, 'fetched.json'),
    JSON.stringify({ session_status: statusFor(data), subscribed_data: data }),
  );
  await writeFile(join(cwd, 'not-json.json'), 'this is not { json');
  await writeFile(join(cwd, 'wrong.json'), JSON.stringify({ session_id: 'x', accounts: 5 }));
  await writeFile(join(cwd, 'existing.xlsx'), 'previous workbook');
  return cwd;
}

describe('bcv export', () => {
  it('exports a subscribed_data file', async () => {
    const cwd = await folderWithInputs();
    const run = await cli(cwd);
    const r = await run('data.json', '-o', 'out.xlsx');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(
      `Wrote ${join(cwd, 'out.xlsx')}: 13 sheets, 3 transactions; policy: Default policy\n`,
    );
    const workbook = await readBack(join(cwd, 'out.xlsx'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(TEN_SHEETS);
    const summary = rowsOf(sheet(workbook, 'Summary'));
    expect(summary).toContainEqual(['Source', 'saved file data.json']);
    expect(summary).toContainEqual(['Data fetched', 'not recorded']);
    expect(rowsOf(sheet(workbook, 'Status'))[0]).toEqual([
      'No status: this data came without the session_status response.',
    ]);
  });

  it('exports both responses as bcv fetch writes them, one account, all fields', async () => {
    const cwd = await folderWithInputs();
    const run = await cli(cwd);
    const r = await run(
      'fetched.json',
      '--out',
      'one.xlsx',
      '--account',
      'aee2d55d-2a2b-41d7-9ae8-9ab37eaf6cb7',
      '--all-fields',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('14 sheets, 1 transactions');
    const workbook = await readBack(join(cwd, 'one.xlsx'));
    expect(workbook.worksheets.at(-1)!.name).toBe('Transactions (all fields)');
    expect(rowsOf(sheet(workbook, 'Status')).length).toBe(3);
  });

  it('exports a .bcsession snapshot with its fetch time and source', async () => {
    const cwd = await folderWithInputs();
    const data = referenceData();
    const { bytes } = await encodeSessionFile({
      payloadText: payloadTextOf({ sessionStatus: null, subscribedData: data }),
      sessionId: data.session_id,
      savedAt: '2024-04-22T11:00:00.000Z',
      fetchedAt: '2024-04-22T10:15:00.000Z',
      appVersion: 'test',
      source: {
        kind: 'live',
        profileName: 'Work',
        host: 'apis.bankconnect.finbox.in',
        sandbox: false,
      },
    });
    await writeFile(join(cwd, 'saved.bcsession'), bytes);
    const r = await (await cli(cwd))('saved.bcsession', '-o', 'saved.xlsx');
    expect(r.code).toBe(0);
    const summary = rowsOf(sheet(await readBack(join(cwd, 'saved.xlsx')), 'Summary'));
    expect(summary).toContainEqual([
      'Source',
      'saved file saved.bcsession (fetched from Work (apis.bankconnect.finbox.in))',
    ]);
    expect(String(summary.find((r) => r[0] === 'Data fetched')?.[1])).toMatch(/^22-Apr-2024 /);
  });

  it.each([
    [['missing.json', '-o', 'existing.xlsx'], 1, /^FILE_NOT_FOUND: missing\.json: no such file\n$/],
    [['not-json.json', '-o', 'existing.xlsx'], 1, /^NOT_IMPORTABLE: not-json\.json: neither/],
    [['wrong.json', '-o', 'existing.xlsx'], 1, /^SCHEMA_MISMATCH: wrong\.json: /],
    [
      ['data.json', '-o', 'existing.xlsx', '--account', 'nope'],
      1,
      /^NO_SUCH_ACCOUNT: --account nope: no such account in this session; its accounts: XXXXXX0344 /,
    ],
    [
      ['data.json', '-o', 'no-folder/out.xlsx'],
      1,
      /^NO_SUCH_FOLDER: .*no-folder.*does not exist\n$/,
    ],
    [['data.json'], 2, /^USAGE: give the workbook to write with -o FILE\.xlsx/],
    [['data.json', '-o', 'out.csv'], 2, /^USAGE: out\.csv: the workbook's name must end in \.xlsx/],
    [['-o', 'existing.xlsx'], 2, /^USAGE: give one session id or file/],
    [
      ['data.json', '-o', 'x.xlsx', '--bogus'],
      2,
      /^USAGE: bcv export has no flag --bogus \(bcv export --help lists its flags\)\n$/,
    ],
    [['demo-business', '-o', 'existing.xlsx'], 2, /^USAGE: Credentials missing: .*--sandbox/],
  ])('refuses %j with exit %i and one line', async (argv, exit, line) => {
    const cwd = await folderWithInputs();
    const before = (await readdir(cwd)).sort();
    const r = await (await cli(cwd))(...argv);
    expect(r.code).toBe(exit);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(line);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(await readFile(join(cwd, 'existing.xlsx'), 'utf8')).toBe('previous workbook');
    expect((await readdir(cwd)).sort()).toEqual(before);
  });

  it('prints its usage on --help', async () => {
    const out = await bcvInProcess(['export', '--help'], { cwd: await tempDir() });
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^Usage: bcv export <session-id \| FILE> \[options\]\n/);
    expect(out.stdout).toMatch(/^ {2}-o, --out FILE\.xlsx +the workbook to write/m);
    expect(out.stderr).toBe('');
  });

  it('fetches a session id through the connection it is given', async () => {
    const cwd = await tempDir();
    const asked: unknown[] = [];
    const client = fakeClientFactory().factory({
      baseUrl: 'https://bc.example.in',
      ...GOOD,
      apiVersion: 'v1',
    });
    const run = await cli(cwd, {
      connect: (flags) => {
        asked.push({ sandbox: flags.sandbox });
        return Promise.resolve({
          client,
          provenance: { profileName: 'BankConnect API', host: client.host, sandbox: false },
          close: () => Promise.resolve(),
        });
      },
    });
    const r = await run('demo-business', '--sandbox', '-o', 'demo.xlsx');
    expect(r.code).toBe(0);
    expect(asked).toEqual([{ sandbox: true }]);
    const workbook = await readBack(join(cwd, 'demo.xlsx'));
    expect(workbook.worksheets).toHaveLength(13);
    expect(rowsOf(sheet(workbook, 'Summary'))).toContainEqual([
      'Source',
      'BankConnect API (bc.example.in)',
    ]);
  });

  it("fetches a sandbox session itself (the issue's demo-business run)", async () => {
    const cwd = await tempDir();
    const r = await (await cli(cwd))('demo-business', '--sandbox', '-o', 'demo.xlsx');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const workbook = await readBack(join(cwd, 'demo.xlsx'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(TEN_SHEETS);
    // The sandbox's demo business accounts have no salary, and subscribed_data sends nothing
    // beyond the documented blocks; every other sheet is filled.
    for (const ws of workbook.worksheets.filter(
      (s) => s.name !== 'Salary' && s.name !== 'Other API data',
    )) {
      expect(ws.rowCount, ws.name).toBeGreaterThan(2);
    }
    expect(rowsOf(sheet(workbook, 'Summary'))).toContainEqual([
      'Source',
      'Sandbox: generated demo data, not real bank data',
    ]);
  });

  it('reads when and where bcv fetch fetched its file', async () => {
    const cwd = await tempDir();
    const data = referenceData();
    const document = {
      session_id: data.session_id,
      fetched_at: '2024-04-22T10:15:00.000Z',
      source: 'apis.bankconnect.finbox.in',
      session_status: statusFor(data),
      subscribed_data: data,
    };
    await writeFile(join(cwd, 'f.json'), `${JSON.stringify(document, null, 1)}\n`);
    expect((await (await cli(cwd))('f.json', '-o', 'f.xlsx')).code).toBe(0);
    const summary = rowsOf(sheet(await readBack(join(cwd, 'f.xlsx')), 'Summary'));
    expect(summary).toContainEqual([
      'Source',
      'saved file f.json (fetched from apis.bankconnect.finbox.in)',
    ]);
    expect(String(summary.find((r) => r[0] === 'Data fetched')?.[1])).toMatch(/^22-Apr-2024 /);
  });

  it('passes on a fetch failure as its code', async () => {
    const cwd = await tempDir();
    const run = await cli(cwd, {
      connect: () =>
        Promise.resolve({
          client: fakeClientFactory().factory({
            baseUrl: 'https://bc.example.in',
            ...GOOD,
            apiVersion: 'v1',
          }),
          provenance: { profileName: 'BankConnect API', host: 'bc.example.in', sandbox: false },
          close: () => Promise.resolve(),
        }),
    });
    const r = await run('nope', '--sandbox', '-o', 'x.xlsx');
    expect(r).toMatchObject({
      code: 1,
      stderr: 'SESSION_NOT_FOUND: The provided session ID is invalid\n',
    });
    expect(await readdir(cwd)).toEqual([]);
  });
});
