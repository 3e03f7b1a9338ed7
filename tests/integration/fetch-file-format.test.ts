// The file `bcv fetch --out` writes, read back by `bcv library import` and `bcv export`
// through the one reader: the fetch time and source it says are kept (a sandbox fetch
// stays sandbox data), whatever characters the profile's name has; and an answer that
// cannot be read is written byte for byte as the server sent it.
import { readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fetchFilePieces } from '../../src/core/library/fetch-file';
import { Library } from '../../src/core/library/store';
import { readBack, referenceData, rowsOf, sheet, statusFor, tempDir } from '../unit/export/helpers';
import { hostileServerForFile } from './support/hostile-http';
import { bcvInProcess, exportInProcess } from './support/in-process-bcv';
import { libraryCli } from './support/library-cli';

const server = hostileServerForFile();
const KEY = 'k-fetch-file';
const HASH = 'h-fetch-file';

function bcv(cwd: string, ...argv: string[]) {
  return bcvInProcess(argv, {
    env: { BANKCONNECT_API_KEY: KEY, BANKCONNECT_SERVER_HASH: HASH },
    cwd,
  });
}

describe('one reader for the bcv fetch file', () => {
  it('library import keeps the fetch time and source the file says, not its mtime', async () => {
    const cwd = await tempDir();
    expect((await bcv(cwd, 'fetch', 'demo-retail', '--sandbox', '--out', 'f.json')).code).toBe(0);
    const head = JSON.parse(await readFile(join(cwd, 'f.json'), 'utf8')) as { fetched_at: string };
    // The file is then touched years later (copied, unpacked from a mail).
    await utimes(join(cwd, 'f.json'), new Date('2031-01-02'), new Date('2031-01-02'));
    const run = await libraryCli(cwd);
    expect((await run('import', 'f.json')).code).toBe(0);
    const { snapshots } = await new Library({ dir: join(cwd, 'lib'), appVersion: 't' }).list();
    const { record } = snapshots[0]!;
    expect(record.fetchedAt).toBe(head.fetched_at);
    // Still sandbox data, and still only what the file claims (imported).
    expect(record).toMatchObject({ imported: true, sandbox: true });
  });

  it('bcv export reads a profile name with a quote in it (no regex over the head)', async () => {
    const cwd = await tempDir();
    const data = referenceData();
    const pieces = fetchFilePieces(
      {
        sessionId: data.session_id,
        fetchedAt: '2024-04-22T10:15:00.000Z',
        provenance: { profileName: 'Ops "East" \\ desk', host: 'api.example:8443', sandbox: false },
        endpoint: 'subscribed_data',
      },
      Buffer.from(JSON.stringify(statusFor(data))),
      Buffer.from(JSON.stringify(data)),
    );
    await writeFile(join(cwd, 'f.json'), Buffer.concat(pieces));
    const { code } = await exportInProcess(cwd, ['f.json', '-o', 'f.xlsx']);
    expect(code).toBe(0);
    const summary = rowsOf(sheet(await readBack(join(cwd, 'f.xlsx')), 'Summary'));
    expect(summary).toContainEqual([
      'Source',
      'saved file f.json (fetched from Ops "East" \\ desk (api.example:8443))',
    ]);
    expect(String(summary.find((r) => r[0] === 'Data fetched')?.[1])).toMatch(/^22-Apr-2024 /);
  });
});

const STATUS = JSON.stringify({
  session_id: 'S',
  accounts: [{ account_id: 'a1', account_status: 'completed' }],
});

function serve(session: string, data: Buffer) {
  server.answer(session, (req, res) => {
    const body = req.url?.includes('/session_status/') ? Buffer.from(STATUS) : data;
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    res.end(body);
  });
}

describe('an answer that cannot be read is written byte for byte', () => {
  it('numbers past double precision, 1e309, -0, a key given twice, keys out of order', async () => {
    const cwd = await tempDir();
    const body = Buffer.from(
      '{"session_id":"S",  "accounts":{"z":123456789012345678901234567890,"y":1e309,"x":-0,"k":1,"k":2}}',
    );
    serve('evidence', body);
    const run = await bcv(cwd, 'fetch', 'evidence', '--base-url', server.url, '--out', 'e.json');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /\nWrote \S+e\.json: the subscribed_data answer byte for byte as received \(97 bytes\); it could not be read\n$/,
    );
    expect((await readFile(join(cwd, 'e.json'))).equals(body)).toBe(true);
  });

  it('not JSON at all (a proxy page in Latin-1): the same bytes', async () => {
    const cwd = await tempDir();
    const body = Buffer.from('<html>Accès refusé\u0000</html>', 'latin1');
    server.answer('page', (req, res) => {
      const page = !req.url?.includes('/session_status/');
      const bytes = page ? body : Buffer.from(STATUS);
      res.writeHead(200, {
        'content-type': page ? 'text/html; charset=iso-8859-1' : 'application/json',
      });
      res.end(bytes);
    });
    const run = await bcv(cwd, 'fetch', 'page', '--base-url', server.url, '--out', 'p.json');
    expect(run.code).toBe(1);
    expect((await readFile(join(cwd, 'p.json'))).equals(body)).toBe(true);
  });

  it('nested 100,000 deep: one line, the bytes written, no crash', async () => {
    const cwd = await tempDir();
    const depth = 100_000;
    const body = Buffer.from(
      `{"session_id":"S","accounts":${'['.repeat(depth)}${']'.repeat(depth)}}`,
    );
    serve('deep', body);
    const run = await bcv(cwd, 'fetch', 'deep', '--base-url', server.url, '--out', 'd.json');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^SCHEMA_MISMATCH: The answer from [^\n]* nested more than 256 levels deep/,
    );
    expect(run.stderr.split('\n')).toHaveLength(3);
    expect((await readFile(join(cwd, 'd.json'))).equals(body)).toBe(true);
  });
});
