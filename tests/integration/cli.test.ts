// The built `bcv` spawned as a process, as a person or a script runs it: output, files,
// exit codes and the one-line errors. Needs `npm run build` (npm test runs it first).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../src/core/profiles/profile-store';
import { BCV, bcv, CLEAN_ENV } from './support/bcv';
import { main } from '../../src/cli/index';
import { readBack, rowsOf, sheet } from '../unit/export/helpers';

beforeAll(() => {
  if (!existsSync(BCV)) throw new Error('out/cli/bcv.cjs is missing: run `npm run build` first');
});

describe('bcv against the in-process sandbox', () => {
  it('prints the statuses of demo-business', async () => {
    const run = await bcv(['status', 'demo-business', '--sandbox']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Session demo-business: 2 accounts\n/);
    // 034105001234 masked as everywhere else: eight X's, then its last four digits.
    expect(run.stdout).toContain('icici XXXXXXXX1234  completed');
    expect(run.stdout.match(/ {2}statement /g)).toHaveLength(5);
  });

  it("says when each statement was created in the machine's zone, the Indian way (FinBox writes UTC)", async () => {
    // The sandbox's first statement of demo-business was created at 2024-10-01 10:10:32 UTC:
    // 10:10 + 5:30 = 15:40 in Kolkata; 10:10 - 7:00 = 03:10 in Los Angeles (summer time).
    const kolkata = await bcv(['status', 'demo-business', '--sandbox'], { TZ: 'Asia/Kolkata' });
    expect(kolkata.stdout).toMatch(/ {2}statement \S+ {2}completed {2}pdf {2}01 Oct 2024, 15:40\n/);
    const la = await bcv(['status', 'demo-business', '--sandbox'], { TZ: 'America/Los_Angeles' });
    expect(la.stdout).toMatch(/ {2}statement \S+ {2}completed {2}pdf {2}01 Oct 2024, 03:10\n/);
    const dir = await mkdtemp(join(tmpdir(), 'bcv-cli-'));
    const out = join(dir, 'status.xlsx');
    const run = await bcv(['export', 'demo-business', '--sandbox', '--out', out], {
      TZ: 'Asia/Kolkata',
    });
    expect(run.code).toBe(0);
    const rows = rowsOf(sheet(await readBack(out), 'Status'));
    const created = rows[0]!.indexOf('Created at');
    const statementRow = rows.find((r) => r[1] === 'Statement')!;
    expect(statementRow[created]).toBe('01-Oct-2024 15:40:32 (UTC+05:30)');
  });

  it('prints the codes and messages of demo-failed, and JSON with --json', async () => {
    const run = await bcv(['status', 'demo-failed', '--sandbox']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('PASSWORD_INCORRECT: The provided password is incorrect');
    expect(run.stdout).toContain(
      'EXTRACTION_FAILED: Failed to extract information from the statement',
    );
    const json = await bcv(['status', 'demo-failed', '--sandbox', '--json']);
    expect(JSON.parse(json.stdout).session_id).toBe('demo-failed');
  });

  it('fetches demo-processing with --wait, showing the polls, and writes both responses', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bcv-cli-'));
    // As a process, stderr is a pipe: no progress, only the outcome.
    const run = await bcv(
      ['fetch', 'demo-processing', '--sandbox', '--wait', '--out', 's.json'],
      {},
      dir,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^Wrote .*s\.json \(1 account\(s\), \d+ transactions\)\n$/);
    // On a terminal, the polls and the download go to the status line, one replacing another.
    const status: string[] = [];
    const stderr: string[] = [];
    const code = await main(
      ['fetch', 'demo-processing~tty', '--sandbox', '--wait', '--out', 't.json'],
      {
        stdout: () => undefined,
        stderr: (t) => stderr.push(t),
        status: (t) => status.push(t),
        env: {},
        cwd: dir,
        appVersion: 'test',
      },
      new AbortController().signal,
    );
    expect(code).toBe(0);
    expect(status.filter((s) => /still processing \(poll \d/.test(s))).toHaveLength(3);
    expect(status.some((s) => /^Downloading the data: /.test(s))).toBe(true);
    expect(stderr.join('')).not.toContain('poll');
    const written = JSON.parse(await readFile(join(dir, 's.json'), 'utf8'));
    expect(written.session_status.session_id).toBe('demo-processing');
    expect(Object.keys(written.subscribed_data.accounts)).toHaveLength(1);
  });

  it('keeps a fetched session in the library with --save, and exports the saved file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bcv-cli-'));
    const fetched = await bcv(
      ['fetch', 'demo-retail', '--sandbox', '--save', '--library', 'lib'],
      {},
      dir,
    );
    expect(fetched.code).toBe(0);
    const saved = /Saved to the library: (.+\.bcsession)\n/.exec(fetched.stderr)?.[1];
    expect(saved).toBeDefined();
    const listed = await bcv(['library', 'list', '--library', 'lib', '--json'], {}, dir);
    expect(listed.code).toBe(0);
    expect(JSON.stringify(JSON.parse(listed.stdout))).toContain('"sessionId":"demo-retail"');
    const exported = await bcv(['export', saved!, '--out', 'retail.xlsx'], {}, dir);
    expect(exported.code).toBe(0);
    expect(existsSync(join(dir, 'retail.xlsx'))).toBe(true);
  });

  it('says SESSION_NOT_FOUND in one line and exits 1 for a bad id', async () => {
    const run = await bcv(['status', 'not-a-session', '--sandbox']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('SESSION_NOT_FOUND: The provided session ID is invalid\n');
    expect(run.stdout).toBe('');
  });

  it('exits 2 on usage errors', async () => {
    for (const args of [
      [],
      ['frobnicate'],
      ['status'],
      ['fetch', 'demo-retail', '--sandbox'],
      ['status', 'x', '--sandbox', '--timeout', 'soon'],
      ['status', 'x', '--bogus'],
    ]) {
      const run = await bcv(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).not.toMatch(/\n\s+at /);
    }
    const missing = await bcv(['status', 'demo-retail']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('BANKCONNECT_API_KEY');
  });
});

describe('bcv against `bcv sandbox` over the network', () => {
  let server: ChildProcess;
  let url = '';

  beforeAll(async () => {
    server = spawn(process.execPath, [BCV, 'sandbox', '--port', '0'], { env: CLEAN_ENV });
    const lines = createInterface({ input: server.stdout! });
    url = await new Promise<string>((resolve) => lines.once('line', resolve));
  });
  afterAll(() => {
    server.kill('SIGINT');
  });

  it('connects with --base-url and credentials from the environment', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/bank-connect$/);
    const env = {
      BANKCONNECT_API_KEY: SANDBOX_CREDENTIALS.apiKey,
      BANKCONNECT_SERVER_HASH: SANDBOX_CREDENTIALS.serverHash,
    };
    const run = await bcv(['status', 'demo-retail', '--base-url', url], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('hdfc XXXXXXXX7891  completed');
    const viaEnv = await bcv(['status', 'demo-retail'], { ...env, BANKCONNECT_BASE_URL: url });
    expect(viaEnv.code).toBe(0);
  });

  it('says ACCESS_DENIED with wrong credentials and never prints them', async () => {
    const run = await bcv(['status', 'demo-retail', '--base-url', url], {
      BANKCONNECT_API_KEY: 'very-secret-key-123',
      BANKCONNECT_SERVER_HASH: 'very-secret-hash-456',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'ACCESS_DENIED: Authentication credentials were not provided; check BANKCONNECT_API_KEY and BANKCONNECT_SERVER_HASH (or try the demo data with --sandbox)\n',
    );
    expect(run.stdout + run.stderr).not.toContain('very-secret');
  });

  it('times out per --timeout with a one-line message', async () => {
    const run = await bcv(['status', 'fault-slow', '--base-url', url, '--timeout', '0.3'], {
      BANKCONNECT_API_KEY: SANDBOX_CREDENTIALS.apiKey,
      BANKCONNECT_SERVER_HASH: SANDBOX_CREDENTIALS.serverHash,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^TIMEOUT: No answer from 127\.0\.0\.1:\d+ within 0\.3 s\n$/);
  });
});

describe('bcv fetch --finbox-report', () => {
  it("saves FinBox's own report from the fetched response's link, or says there is none", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bcv-cli-'));
    const run = await bcv(
      ['fetch', 'demo-retail', '--sandbox', '--endpoint', 'insights', '--finbox-report', 'r.xlsx'],
      {},
      dir,
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/Wrote FinBox's own report to .*r\.xlsx \(\d+ bytes\)\n$/);
    expect((await readFile(join(dir, 'r.xlsx'))).subarray(0, 4).toString('latin1')).toBe(
      'PK\x03\x04',
    );
    const none = await bcv(
      ['fetch', 'demo-retail', '--sandbox', '--finbox-report', 'n.xlsx'],
      {},
      dir,
    );
    expect(none.code).toBe(1);
    expect(none.stderr).toBe(
      "NO_REPORT_LINK: This response carries no link to FinBox's own report\n",
    );
    expect(existsSync(join(dir, 'n.xlsx'))).toBe(false);
  });
});

describe('bcv and what cannot be read', () => {
  it('fetches on either endpoint and names the items set aside in one stderr line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bcv-cli-'));
    for (const endpoint of ['subscribed_data', 'insights']) {
      const run = await bcv(
        [
          'fetch',
          'demo-unreadable',
          '--sandbox',
          '--endpoint',
          endpoint,
          '--out',
          `${endpoint}.json`,
        ],
        {},
        dir,
      );
      expect(run.code).toBe(0);
      const lines = run.stderr.trim().split('\n');
      expect(lines.filter((l) => l.includes('could not be read'))).toEqual([
        expect.stringMatching(
          /^2 items could not be read and were set aside \(first: \$\.accounts.*\.transactions\[2\]\.amount = /,
        ),
      ]);
      const written = JSON.parse(await readFile(join(dir, `${endpoint}.json`), 'utf8'));
      expect(written.endpoint).toBe(endpoint);
      // The raw response is kept whole, the unreadable entries included.
      expect(JSON.stringify(written[endpoint])).toContain('TOTAL CARRIED FORWARD');
    }
    const viaEnv = await bcv(['status', 'demo-retail', '--sandbox'], {
      BANKCONNECT_ENDPOINT: 'neither',
    });
    expect(viaEnv.code).toBe(2);
    expect(viaEnv.stderr).toContain('BANKCONNECT_ENDPOINT: expected subscribed_data or insights');
  });

  it('writes a response that cannot be read at all as received, says so and exits 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bcv-cli-'));
    const run = await bcv(
      ['fetch', 'demo-unreadable-all', '--sandbox', '--out', 'x.json'],
      {},
      dir,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^SCHEMA_MISMATCH: .* at \$\.accounts\.x, expected at least one readable account\n/,
    );
    expect(run.stderr).toMatch(
      /Wrote \S+x\.json: the subscribed_data answer byte for byte as received \([\d,]+ bytes\); it could not be read\n$/,
    );
    // The file is the answer alone, exactly as the server sent it.
    const written = JSON.parse(await readFile(join(dir, 'x.json'), 'utf8'));
    expect(written.accounts).toEqual({ x: 'not an account' });
    // The bytes were written under a temporary name as they came: gone, not left behind.
    expect(await readdir(dir)).toEqual(['x.json']);
  });
});
