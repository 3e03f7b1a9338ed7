// `bcv fetch --out` hands the data's bytes off as they arrive (issue 17's fetch-out peak):
// the file holds them verbatim, the opened session does not keep them, the file is put in
// place only once the answer reads, and a failed hand-off or fetch leaves the earlier file.
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBankConnectClient } from '../../src/core/api/client';
import { BankConnectError } from '../../src/core/api/api-errors';
import { bodiesOfReceived } from '../../src/core/library/format';
import { sandboxForFile } from './support/sandbox';
import { fetchToFile } from '../../src/cli/commands/fetch-file';

const KEY = 'test-key-0123456789';
const HASH = 'test-hash-9876543210';
const sandbox = sandboxForFile({ apiKey: KEY, serverHash: HASH });

const client = () =>
  createBankConnectClient({
    baseUrl: sandbox.server.url,
    apiKey: KEY,
    serverHash: HASH,
    fetch,
    retry: { baseDelayMs: 10, maxDelayMs: 20 },
  });

const connection = () => ({
  client: client(),
  provenance: { profileName: 'Sandbox', host: new URL(sandbox.server.url).host, sandbox: true },
});

async function served(sessionId: string): Promise<Buffer> {
  const response = await fetch(
    `${sandbox.server.url}/v1/session_data/${sessionId}/subscribed_data/`,
    {
      headers: { 'x-api-key': KEY, 'server-hash': HASH },
    },
  );
  return Buffer.from(await response.arrayBuffer());
}

describe('fetchToFile', () => {
  it('writes the bytes as received and does not keep them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bcv-fetch-file-'));
    const out = join(dir, 'F.json');
    const fetched = await fetchToFile(connection(), 'demo-large-300', out, { keepBytes: false });
    expect(fetched.kind).toBe('written');
    if (fetched.kind !== 'written') return;
    expect(fetched.opened.raw.data?.bytes).toBeNull();
    expect(fetched.opened.view.accounts[0]?.transactions).toHaveLength(300);
    const file = await readFile(out);
    // The sandbox's answer, byte for byte (seeded: asked again, it sends the same).
    expect(file.includes(await served('demo-large-300'))).toBe(true);
    const head = JSON.parse(file.toString('utf8')) as { fetched_at: string };
    expect(head.fetched_at).toBe(fetched.opened.fetchedAt);
    expect(await readdir(dir)).toEqual(['F.json']);
    // Nothing can be saved from an answer whose bytes were not kept: said, not guessed.
    await expect(bodiesOfReceived(fetched.opened.raw)).rejects.toThrow(/were not kept/);
  });

  it('keeps the bytes when asked (--save) and writes the same file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bcv-fetch-file-'));
    const kept = await fetchToFile(connection(), 'demo-business', join(dir, 'a.json'), {
      keepBytes: true,
    });
    const handed = await fetchToFile(connection(), 'demo-business', join(dir, 'b.json'), {
      keepBytes: false,
    });
    if (kept.kind !== 'written' || handed.kind !== 'written') throw new Error('not written');
    expect(kept.opened.raw.data?.bytes).toBeInstanceOf(Buffer);
    const body = (file: string) =>
      readFile(join(dir, file), 'utf8').then((t) => t.slice(t.indexOf('"session_status"')));
    expect(await body('b.json')).toBe(await body('a.json'));
  });

  it('a file that cannot be written fails in one line, and the data is asked for once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bcv-fetch-file-'));
    const out = join(dir, 'missing', 'F.json');
    const path = 'demo-large-301/subscribed_data';
    const before = sandbox.server.requests.get(path) ?? 0;
    await expect(
      fetchToFile(connection(), 'demo-large-301', out, { keepBytes: false }),
    ).rejects.toThrow(/^Could not write .*F\.json: the folder .*missing does not exist$/);
    expect((sandbox.server.requests.get(path) ?? 0) - before).toBe(1);
  });

  it('cancelled once the data has come, the earlier file stays byte for byte', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bcv-fetch-file-'));
    const out = join(dir, 'F.json');
    await writeFile(out, 'earlier');
    const cancel = new AbortController();
    // Cancelled as the data is checked: the file was staged, then the run stops.
    const fetching = fetchToFile(connection(), 'demo-large-2000', out, {
      keepBytes: false,
      signal: cancel.signal,
      onProgress: (p) => {
        if (p.stage === 'check') cancel.abort();
      },
    });
    await expect(fetching).rejects.toBeInstanceOf(BankConnectError);
    expect(await readFile(out, 'utf8')).toBe('earlier');
    expect(await readdir(dir)).toEqual(['F.json']);
  });
});
