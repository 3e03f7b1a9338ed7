// Every write onto a disk that runs out of space either completes or fails with DISK_FULL
// in one line, leaving the earlier file byte for byte and no temporary file: on a real
// 6 MiB tmpfs (write-file-atomic, used before, renamed a short-written file into place).
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFetchCommand } from '../../src/cli/commands/fetch';
import { exportWorkbook } from '../../src/core/export/export-workbook';
import { writeFileSafely } from '../../src/core/io/safe-write';
import { Library } from '../../src/core/library/store';
import { ProfileStore } from '../../src/core/profiles/profile-store';
import { Vault } from '../../src/core/vault/vault';
import { normalizeSession } from '../../src/shared/model/normalize';
import { builtInSession } from '../../src/sandbox/sessions';
import { fakeSafeStorage } from '../fakes/safe-storage';
import { rawOf } from '../fakes/received';
import { dataFor, saveInput, statusFor } from '../unit/library/helpers';
import { mountTmpfs, type Tmpfs } from './tmpfs';

const mounted = mountTmpfs(6);
const disk: Tmpfs | null = typeof mounted === 'string' ? null : mounted;
if (typeof mounted === 'string') console.log(`disk-full tests skipped: ${mounted}`);

/** Fills the disk up to `leave` bytes free. */
async function fill(dir: string, leave: number): Promise<void> {
  const { statfs } = await import('node:fs/promises');
  const s = await statfs(dir);
  const free = s.bavail * s.bsize;
  await writeFile(join(dir, 'filler'), Buffer.alloc(Math.max(0, free - leave)));
}

async function noTemps(dir: string): Promise<void> {
  expect((await readdir(dir, { recursive: true })).filter((n) => n.endsWith('.tmp'))).toEqual([]);
}

describe.skipIf(!disk)('a full disk (real tmpfs)', () => {
  let root = '';
  beforeAll(() => {
    root = disk!.dir;
  });
  afterAll(() => disk?.unmount());

  it('bcv fetch --out: DISK_FULL, exit 1, the earlier file byte for byte', async () => {
    const out = join(root, 'F.json');
    const earlier = '{"session_id":"earlier","note":"a valid earlier file"}\n';
    await writeFile(out, earlier);
    let stderr = '';
    const code = await runFetchCommand(
      ['demo-large-20000', '--sandbox', '--out', out],
      {
        stdout: () => undefined,
        stderr: (t) => (stderr += t),
        env: {},
        cwd: root,
        appVersion: 'test',
      },
      new AbortController().signal,
    ).catch((error: { code?: string; message: string }) => {
      stderr += `${error.code}: ${error.message}\n`;
      return 1;
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^DISK_FULL: Could not write .*F\.json: the disk is full; nothing was replaced\n$/,
    );
    expect(await readFile(out, 'utf8')).toBe(earlier);
    await noTemps(root);
  }, 120_000);

  it('library save, profiles and vault: DISK_FULL, earlier files as they were', async () => {
    const dir = join(root, 'user');
    const library = new Library({ dir: join(dir, 'library'), appVersion: 't' });
    await library.save(saveInput('kept'));
    const vault = await Vault.open(dir, fakeSafeStorage());
    const profiles = await ProfileStore.open(dir, vault, () => Promise.resolve(''));
    await profiles.save({
      name: 'Prod',
      baseUrl: 'https://a.example',
      apiVersion: 'v1',
      apiKey: 'k1',
      serverHash: 'h1',
    });
    const before = {
      profiles: await readFile(join(dir, 'profiles.json')),
      vault: await readFile(join(dir, 'vault.json')),
    };
    const session = builtInSession('demo-large-20000');
    if (session?.kind !== 'data') throw new Error('no demo-large-20000');
    const data = dataFor('big');
    Object.values(data.accounts)[0]!.transactions = Object.values(
      session.session.subscribed.accounts,
    )[0]!.transactions;
    const big = { ...saveInput('big'), raw: rawOf(statusFor('big'), data) };
    await fill(root, 64 * 1024);

    await expect(library.save(big)).rejects.toMatchObject({ code: 'DISK_FULL' });
    await expect(
      profiles.save({ name: 'X'.repeat(200_000), baseUrl: 'https://b.example', apiVersion: 'v1' }),
    ).rejects.toMatchObject({ code: 'DISK_FULL' });
    await expect(vault.set('profile:x:apiKey', 'k'.repeat(200_000))).rejects.toMatchObject({
      code: 'DISK_FULL',
    });
    expect(await readFile(join(dir, 'profiles.json'))).toEqual(before.profiles);
    expect(await readFile(join(dir, 'vault.json'))).toEqual(before.vault);
    const listing = await new Library({ dir: join(dir, 'library'), appVersion: 't' }).list();
    expect(listing.entries.map((e) => e.sessionId)).toEqual(['kept']);
    await noTemps(root);
  }, 120_000);

  it('the workbook: DISK_FULL, the earlier workbook byte for byte', async () => {
    await writeFile(join(root, 'filler'), '');
    const destination = join(root, 'report.xlsx');
    await writeFile(destination, 'an earlier workbook');
    const session = builtInSession('demo-large-20000');
    if (session?.kind !== 'data') throw new Error('no demo-large-20000');
    await fill(root, 256 * 1024);
    const view = normalizeSession(session.session.subscribed);
    await expect(
      exportWorkbook(view, { fetchedAt: '', source: 'test', sandbox: true }, { destination }),
    ).rejects.toMatchObject({ code: 'DISK_FULL' });
    expect(await readFile(destination, 'utf8')).toBe('an earlier workbook');
    await noTemps(root);
  }, 120_000);
});

describe('a short write then ENOSPC (injected)', () => {
  it('is continued, then fails DISK_FULL and removes the temporary file', async () => {
    const { tempDir } = await import('../unit/library/helpers');
    const nodeFs = await import('node:fs/promises');
    const dir = await tempDir();
    const path = join(dir, 'x.json');
    await writeFile(path, 'before');
    let calls = 0;
    const fs = {
      ...nodeFs,
      open: (async (...args: Parameters<typeof nodeFs.open>) => {
        const handle = await nodeFs.open(...args);
        return new Proxy(handle, {
          get(target, key) {
            if (key === 'write') {
              return async (b: Uint8Array, offset: number) => {
                if (++calls > 2) throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
                return target.write(b, offset, 10); // a short write
              };
            }
            const value = Reflect.get(target, key) as unknown;
            return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
          },
        });
      }) as typeof nodeFs.open,
    };
    await expect(writeFileSafely(path, 'x'.repeat(100), { fs })).rejects.toMatchObject({
      code: 'DISK_FULL',
      message: `Could not write ${path}: the disk is full; nothing was replaced`,
    });
    expect(calls).toBe(3);
    expect(await readFile(path, 'utf8')).toBe('before');
    expect(await readdir(dir)).toEqual(['x.json']);
  });
});
