// FinBox's own report downloaded from the link a response carries, over real loopback HTTP:
// the sandbox's fresh link is saved as an xlsx; an hour later the same link answers 403 and
// gets the one-line "expired" message; a page that is not an xlsx, a body past the ceiling
// and a link that is not https are refused, and nothing is written for any of them.
import { createServer, type Server } from 'node:http';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { downloadFinboxReport, REPORT_LINK_EXPIRED } from '../../src/core/session/finbox-report';
import { startSandboxServer, type SandboxServer } from '../../src/sandbox/server';
import { openFromSandbox } from './support/sandbox';

const KEY = 'test-key-0123456789';
const HASH = 'test-hash-9876543210';
let now = Date.now();
let sandbox: SandboxServer;
let other: Server;
let otherUrl: string;
let dir: string;

beforeAll(async () => {
  sandbox = await startSandboxServer({ apiKey: KEY, serverHash: HASH, clock: () => new Date(now) });
  // A server that answers what the sandbox never would: a sign-in page, a huge "zip", a
  // redirect to plain http elsewhere.
  other = createServer((req, res) => {
    if (req.url === '/page') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<html><body>Sign in</body></html>');
    } else if (req.url === '/huge') {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      res.write(Buffer.from('PK\x03\x04'));
      res.end(Buffer.alloc(2 * 1024 * 1024));
    } else {
      res.writeHead(302, { Location: 'http://example.com/report.xlsx' });
      res.end();
    }
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  const address = other.address() as { port: number };
  otherUrl = `http://127.0.0.1:${address.port}`;
  dir = await mkdtemp(join(tmpdir(), 'bcv-finbox-report-'));
});
afterAll(async () => {
  await sandbox.close();
  await new Promise((resolve) => other.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

async function reportLinkOfSession(): Promise<string> {
  const opened = await openFromSandbox(sandbox, { apiKey: KEY, serverHash: HASH }, 'demo-retail');
  return opened.view.accounts[0]!.reportUrls.xlsx!;
}

describe("FinBox's own report", () => {
  it('saves the report behind a fresh link, and refuses the same link an hour later', async () => {
    const url = await reportLinkOfSession();
    const destination = join(dir, 'fresh.xlsx');
    const size = await downloadFinboxReport({ fetch, url, destination });
    const bytes = await readFile(destination);
    expect(bytes.length).toBe(size);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Overview')!.getCell('A1').value).toBe('Name');

    now += 61 * 60 * 1000;
    const later = join(dir, 'later.xlsx');
    const expired = downloadFinboxReport({ fetch, url, destination: later });
    await expect(expired).rejects.toMatchObject({
      code: 'REPORT_LINK_EXPIRED',
      message: REPORT_LINK_EXPIRED,
    });
    expect(REPORT_LINK_EXPIRED).toBe(
      "FinBox's report link has expired (links last one hour); fetch the session again for a new one",
    );
  });

  it('keeps nothing that is not an xlsx, or larger than the ceiling', async () => {
    const page = join(dir, 'page.xlsx');
    await expect(
      downloadFinboxReport({ fetch, url: `${otherUrl}/page`, destination: page }),
    ).rejects.toMatchObject({
      code: 'NOT_XLSX',
      message: expect.stringContaining('did not answer an Excel file (text/html, 33 bytes)'),
    });
    const huge = join(dir, 'huge.xlsx');
    await expect(
      downloadFinboxReport({
        fetch,
        url: `${otherUrl}/huge`,
        destination: huge,
        maxBytes: 1024 * 1024,
      }),
    ).rejects.toMatchObject({ code: 'TOO_LARGE' });
    const files = await readdir(dir);
    expect(files.filter((f) => f.startsWith('page') || f.startsWith('huge'))).toEqual([]);
  });

  it('follows only https (or the sandbox on 127.0.0.1), redirects included', async () => {
    const never = (() => {
      throw new Error('fetched');
    }) as unknown as typeof fetch;
    await expect(
      downloadFinboxReport({
        fetch: never,
        url: 'http://example.com/r.xlsx',
        destination: join(dir, 'x.xlsx'),
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REPORT_LINK',
      message: expect.stringContaining('not https (http)'),
    });
    await expect(
      downloadFinboxReport({
        fetch: never,
        url: 'file:///etc/passwd',
        destination: join(dir, 'x.xlsx'),
      }),
    ).rejects.toMatchObject({ code: 'BAD_REPORT_LINK' });
    await expect(
      downloadFinboxReport({
        fetch,
        url: `${otherUrl}/redirect`,
        destination: join(dir, 'x.xlsx'),
      }),
    ).rejects.toMatchObject({ code: 'BAD_REPORT_LINK' });
  });
});
