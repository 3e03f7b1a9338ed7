// Opened views kept for a reopen (src/core/session/view-cache.ts, open-saved.ts): the same
// view as the full open, and used only when this build, these file bytes and this
// install's key all match; anything else opens the file in full.
import { createHmac } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { zstdCompressSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Library } from '../../../src/core/library/store';
import { openSavedSession, VIEW_KEPT_FROM_BYTES } from '../../../src/core/session/open-saved';
import { ViewCache, viewCacheKey } from '../../../src/core/session/view-cache';
import { packSessionView, unpackSessionView } from '../../../src/shared/ipc/session-wire';
import { generateSession } from '../../../src/sandbox/generator';
import { largePlan } from '../../../src/sandbox/sessions';
import { rawOf } from '../../fakes/received';
import { saveInput, statusFor, tempDir, tempLibrary } from './helpers';

const KEY = Buffer.alloc(32, 7);

async function cacheIn(dir: string, fingerprint = 'build-1', key: Buffer | null = KEY) {
  return new ViewCache({ dir, fingerprint, key: () => Promise.resolve(key) });
}

let library: Library;
let file: string;
/** Opens the large session saved in `library`, through `views`. */
const openBig = (views: ViewCache) => openSavedSession(library, views, 'big', undefined);
beforeAll(async () => {
  library = await tempLibrary();
  const big = generateSession(largePlan(20_000, 'big'));
  const saved = await library.save({
    ...saveInput('big'),
    raw: rawOf(statusFor('big'), big.subscribed),
  });
  file = saved.file;
  expect((await readFile(file)).length).toBeGreaterThan(VIEW_KEPT_FROM_BYTES);
}, 60_000);

describe('a large saved session opened again', () => {
  it('comes from the kept view, the same as the full open gave', async () => {
    const views = await cacheIn(await tempDir());
    const first = await openBig(views);
    expect(first.from).toBe('file');
    await first.keeping;
    const second = await openBig(views);
    expect(second.from).toBe('kept view');
    expect(second.session).toEqual(first.session);
  });

  it('is kept as the columns the renderer is sent, and that is what a reopen sends', async () => {
    const views = await cacheIn(await tempDir());
    const first = await openBig(views);
    await first.keeping;
    const second = await openBig(views);
    expect(second.from).toBe('kept view');
    const sent = packSessionView(second.session.view);
    expect(sent.accounts[0]!.transactions.count).toBe(20_000);
    // What the renderer rebuilds from it is what the full open made, field for field.
    expect(unpackSessionView(structuredClone(sent))).toStrictEqual(first.session.view);
  });

  it('is opened in full when the kept file holds the earlier form (objects, not columns)', async () => {
    const dir = await tempDir();
    const views = await cacheIn(dir);
    const first = await openBig(views);
    await first.keeping;
    const [name] = await readdir(dir);
    const { record } = await library.locate('big');
    const kept = await readFile(join(dir, name!));
    const keptHeader = kept.subarray(12, 12 + kept.readUInt32BE(8)).toString('utf8');
    const { fileSha256 } = JSON.parse(keptHeader) as { fileSha256: string };
    // Written as the earlier keep wrote it: the view's objects v8-serialised, signed with
    // this install's key, for this build and these file bytes.
    const body = serialize(first.session.view);
    const header = Buffer.from(
      JSON.stringify({ fingerprint: 'build-1', fileSha256, viewBytes: body.length }),
    );
    const length = Buffer.alloc(4);
    length.writeUInt32BE(header.length);
    const signed = Buffer.concat([Buffer.from('BCVVIEW1'), length, header, zstdCompressSync(body)]);
    const mac = createHmac('sha256', KEY).update(signed).digest();
    await writeFile(join(dir, name!), Buffer.concat([signed, mac]));
    expect(await views.read(record.sessionId, record.snapshotId, fileSha256)).toBeNull();
    expect((await openBig(views)).from).toBe('file');
  });

  it('is opened in full for another build, another install, or no key', async () => {
    const dir = await tempDir();
    await (
      await openBig(await cacheIn(dir))
    ).keeping;
    for (const views of [
      await cacheIn(dir, 'build-1', null),
      await cacheIn(dir, 'build-1', Buffer.alloc(32, 8)),
      await cacheIn(dir, 'build-2'),
    ]) {
      const opened = await openBig(views);
      expect(opened.from).toBe('file');
      await opened.keeping;
    }
    // The last full open's view replaced the others: build 2 reopens from it, 1 cannot.
    expect(
      (await openSavedSession(library, await cacheIn(dir, 'build-2'), 'big', undefined)).from,
    ).toBe('kept view');
    expect((await openBig(await cacheIn(dir))).from).toBe('file');
  });

  it('is opened in full when the kept file was changed, even by one byte', async () => {
    const dir = await tempDir();
    const views = await cacheIn(dir);
    await (
      await openBig(views)
    ).keeping;
    const [name] = await readdir(dir);
    const kept = await readFile(join(dir, name!));
    const middle = kept.length >> 1;
    kept.writeUInt8(kept.readUInt8(middle) ^ 1, middle);
    await writeFile(join(dir, name!), kept);
    const afterFlip = await openBig(views);
    expect(afterFlip.from).toBe('file');
    // That full open keeps a fresh view; cut it only once written, or the keep overwrites the cut.
    await afterFlip.keeping;
    const [rekept] = await readdir(dir);
    await writeFile(join(dir, rekept!), kept.subarray(0, 20));
    expect((await openBig(views)).from).toBe('file');
  });

  it('is not used for other file bytes: a view is kept for the bytes it was made from', async () => {
    const dir = await tempDir();
    const views = await cacheIn(dir);
    const opened = await openBig(views);
    // The open's own keep finishes first, so the view for other bytes is the one kept.
    await opened.keeping;
    const { record } = await library.locate('big');
    await views.keep(record.sessionId, record.snapshotId, 'f'.repeat(64), opened.session.view);
    expect(await views.read(record.sessionId, record.snapshotId, 'f'.repeat(64))).toEqual(
      opened.session.view,
    );
    expect((await openBig(views)).from).toBe('file');
  });

  it('forgets a session: its views are removed', async () => {
    const dir = await tempDir();
    const views = await cacheIn(dir);
    await (
      await openBig(views)
    ).keeping;
    expect(await readdir(dir)).toHaveLength(1);
    await views.forget('another session');
    expect(await readdir(dir)).toHaveLength(1);
    await views.forget('big');
    expect(await readdir(dir)).toEqual([]);
    // A forget waits for a keep under way: nothing is written back after it.
    const opened = await openBig(views);
    await opened.keeping;
    await views.forget('big');
    const { record } = await library.locate('big');
    const keeping = views.keep('big', record.snapshotId, 'e'.repeat(64), opened.session.view);
    await views.forget('big');
    await keeping;
    expect(await readdir(dir)).toEqual([]);
    expect((await openBig(views)).from).toBe('file');
  });

  it('keeps nothing for a small file, and at most 16 views', async () => {
    const dir = await tempDir();
    const views = await cacheIn(dir);
    const small = await tempLibrary();
    await small.save(saveInput('small'));
    const opened = await openSavedSession(small, views, 'small', undefined);
    await opened.keeping;
    expect(await readdir(dir).catch(() => [])).toEqual([]);
    // What a keep killed half-way left (its writer long gone) goes too.
    const left = '.x.view.999999999-1.abcdef.tmp';
    await writeFile(join(dir, left), 'half a view');
    for (let i = 0; i < 18; i++) {
      await views.keep(`s${i}`, 'x', 'a'.repeat(64), opened.session.view);
    }
    const names = await readdir(dir);
    expect(names).toHaveLength(16);
    expect(names).not.toContain(left);
  });
});

describe('the install key', () => {
  it('is made once and kept in the vault', async () => {
    const secrets = new Map<string, string>();
    const vault = {
      get: (name: string) => secrets.get(name) ?? null,
      set: (name: string, value: string) => Promise.resolve(void secrets.set(name, value)),
    };
    const key = await viewCacheKey(vault);
    expect(key).toHaveLength(32);
    expect(await viewCacheKey(vault)).toEqual(key);
    expect([...secrets.keys()]).toEqual(['view-cache:key']);
  });
});
