// FinBox's own report kept with a saved session, over real loopback HTTP against the sandbox:
// the file behind the response's fresh link is kept beside the snapshot with its SHA-256
// (checked here against the bytes fetched independently from the same link); an hour later
// the link has expired, the save stands and the failure is one line; `bcv fetch --save`
// keeps it and says so.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepFinboxReports, keptReports } from '../../src/core/library/kept-reports';
import { Library } from '../../src/core/library/store';
import { startSandboxServer, type SandboxServer } from '../../src/sandbox/server';
import { bcv } from './support/bcv';
import { openFromSandbox, saveLiveSandbox } from './support/sandbox';

const KEY = 'test-key-0123456789';
const HASH = 'test-hash-9876543210';
let now = Date.parse('2026-12-07T03:30:00.000Z');
let sandbox: SandboxServer;
let dir: string;

beforeAll(async () => {
  sandbox = await startSandboxServer({ apiKey: KEY, serverHash: HASH, clock: () => new Date(now) });
  dir = await mkdtemp(join(tmpdir(), 'bcv-kept-reports-'));
});
afterAll(async () => {
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
});

async function fetchAndSave(library: Library) {
  const opened = await openFromSandbox(sandbox, { apiKey: KEY, serverHash: HASH }, 'demo-retail');
  const saved = await saveLiveSandbox(library, opened);
  return { opened, saved };
}

describe("FinBox's report kept with the saved session", () => {
  it('keeps the file behind each link beside the snapshot, with its SHA-256', async () => {
    const library = new Library({ dir: join(dir, 'lib-fresh'), appVersion: 'test' });
    const { opened, saved } = await fetchAndSave(library);
    const links = opened.view.accounts.map((a) => a.reportUrls.xlsx).filter(Boolean) as string[];
    expect(links.length).toBeGreaterThan(0);
    const outcome = await keepFinboxReports(
      {
        libraryDir: library.dir,
        sessionId: 'demo-retail',
        snapshotId: saved.record.snapshotId,
        fetch,
        clock: () => new Date(now),
      },
      opened.view,
    );
    expect(outcome.failure).toBeNull();
    // Independently: the same links fetched here, their bytes hashed here.
    const expected: string[] = [];
    for (const link of links) {
      const bytes = Buffer.from(await (await fetch(link)).arrayBuffer());
      expected.push(createHash('sha256').update(bytes).digest('hex'));
    }
    const kept = await keptReports(library.dir, 'demo-retail', saved.record.snapshotId);
    expect(kept.map((k) => k.sha256)).toEqual(expected);
    expect(kept.map((k) => k.accountId)).toEqual(opened.view.accounts.map((a) => a.accountId));
    expect(kept.every((k) => k.keptAt === '2026-12-07T03:30:00.000Z')).toBe(true);
    for (const k of kept) {
      const onDisk = await readFile(join(library.dir, 'demo-retail', k.file));
      expect(createHash('sha256').update(onDisk).digest('hex')).toBe(k.sha256);
      expect(onDisk.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    }
    // The library still lists the one snapshot: the report files are not snapshots.
    const { snapshots } = await library.list();
    expect(snapshots.map((s) => s.record.snapshotId)).toEqual([saved.record.snapshotId]);
  });

  it("a report link gives the same bytes at every fetch, as a stored file does (the SHA-256 kept is the file's)", async () => {
    const opened = await openFromSandbox(sandbox, { apiKey: KEY, serverHash: HASH }, 'demo-retail');
    const link = opened.view.accounts[0]!.reportUrls.xlsx!;
    const hash = async () =>
      createHash('sha256')
        .update(Buffer.from(await (await fetch(link)).arrayBuffer()))
        .digest('hex');
    const first = await hash();
    // A workbook made again carries the time it was made, to the second (and its zip's, to two).
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(await hash()).toBe(first);
  });

  it('an expired link: the snapshot stays saved, nothing is kept, one line says why', async () => {
    const library = new Library({ dir: join(dir, 'lib-expired'), appVersion: 'test' });
    const { opened, saved } = await fetchAndSave(library);
    now += 61 * 60 * 1000; // the links last one hour
    try {
      const outcome = await keepFinboxReports(
        {
          libraryDir: library.dir,
          sessionId: 'demo-retail',
          snapshotId: saved.record.snapshotId,
          fetch,
        },
        opened.view,
      );
      expect(outcome).toEqual({
        kept: [],
        failure:
          "FinBox's report was not kept with the session: FinBox's report link has expired (links last one hour); fetch the session again for a new one",
      });
      expect(
        (await readdir(join(library.dir, 'demo-retail'))).filter((f) => !f.startsWith('.')),
      ).toEqual([`${saved.record.snapshotId}.bcsession`]);
      expect((await library.list()).snapshots).toHaveLength(1);
    } finally {
      now -= 61 * 60 * 1000;
    }
  });

  it('bcv fetch --save keeps it and says so in one line', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'bcv-kept-cli-'));
    const run = await bcv(
      ['fetch', 'demo-retail', '--sandbox', '--endpoint', 'insights', '--save', '--library', 'lib'],
      {},
      cwd,
    );
    expect(run.code).toBe(0);
    const lines = run.stderr.split('\n').filter((l) => l.startsWith("FinBox's report"));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).toMatch(
        /^FinBox's report for account \S+ \(kept on \d{2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}\): \S+\.finbox-report(-\d+)?\.xlsx, [\d,]+ bytes, SHA-256 [0-9a-f]{64}$/,
      );
    }
    await rm(cwd, { recursive: true, force: true });
  });
});
