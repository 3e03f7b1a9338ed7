// Opened views of large saved sessions, kept so a reopen is not unpacked, decoded, parsed
// and normalised again: the view of 200,000 transactions reads back in about half a
// second, a small part of the full open. It is a cache: the .bcsession file stays the
// truth, and a kept view is used only when it was made
// - by this very build (`fingerprint`: main's bundle and V8's version, so a change to the
//   normaliser, or an update, makes every kept view unused),
// - from these very file bytes (their SHA-256, taken at every open), and
// - by this install (an HMAC with a key main keeps in the vault, so no other program, copy
//   of the app or damaged file can put figures in front of an underwriter).
// Anything else is ignored; the full open then keeps a new view in its place.
//
// File: "BCVVIEW1", a 4-byte header length, the header (JSON), the view packed as it
// crosses to the renderer (src/shared/ipc/session-wire.ts: transactions as columns),
// v8-serialised and zstd-compressed, then the HMAC-SHA256 of everything before it. Read
// back, the packing is what the renderer is sent: a reopen packs nothing, and reading
// columns back is many times faster than reading 200,000 objects.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import zlib from 'node:zlib';
import { isPackedSessionView, packSessionView, viewOfPacked } from '@shared/ipc/session-wire';
import type { SessionView } from '@shared/model/view-model';
import { realFs, writeFileAtomic } from '../io/safe-write';
import { inflateBounded } from '../io/size-ceiling';
import { writerOf, writerRunning } from '../io/stale-temp';
import type { Vault } from '../vault/vault';
import { readRegularFile } from '../io/regular-file';

const MAGIC = Buffer.from('BCVVIEW1');
const HMAC_BYTES = 32;
const EXTENSION = '.view';
/** Views kept at most (the newest): 200,000 transactions take about 13 MB. */
const KEPT_VIEWS = 16;
/** A view larger than this is not kept (and a file claiming more is not read). */
const MAX_VIEW_BYTES = 1024 * 1024 * 1024;
/** A kept file larger than this is not read (200,000 transactions take about 13 MB). */
const MAX_FILE_BYTES = 256 * 1024 * 1024;

interface ViewHeader {
  readonly fingerprint: string;
  /** SHA-256 of the .bcsession file's bytes the view was made from. */
  readonly fileSha256: string;
  readonly viewBytes: number;
}

export interface ViewCacheOptions {
  readonly dir: string;
  /** The build that makes and reads views. */
  readonly fingerprint: string;
  /** This install's key; null keeps nothing (and reads nothing). */
  readonly key: () => Promise<Buffer | null>;
}

const zstdCompress = promisify(zlib.zstdCompress);
const KEY_NAME = 'view-cache:key';

export function viewCacheDir(userDataDir: string): string {
  return join(userDataDir, 'view-cache');
}

/**
 * This install's key, made on first use and kept in the vault (encrypted; without a real
 * secret store and the user's consent, for this run only, so no view outlives it).
 */
export async function viewCacheKey(vault: Pick<Vault, 'get' | 'set'>): Promise<Buffer> {
  const stored = vault.get(KEY_NAME);
  if (stored && /^[0-9a-f]{64}$/.test(stored)) return Buffer.from(stored, 'hex');
  const key = randomBytes(32);
  // Not kept on disk (a full disk): it still holds for this run.
  await vault.set(KEY_NAME, key.toString('hex')).catch(() => undefined);
  return key;
}
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export class ViewCache {
  /** Keeps under way: a forget waits for them, so none writes a deleted session back. */
  private readonly keeping = new Set<Promise<void>>();

  constructor(private readonly options: ViewCacheOptions) {}

  /** The file a snapshot's view is kept in (names hashed: ids are the library's). */
  private fileOf(sessionId: string, snapshotId: string): string {
    const name = `${sha256(sessionId).slice(0, 24)}-${sha256(snapshotId).slice(0, 24)}`;
    return join(this.options.dir, `${name}${EXTENSION}`);
  }

  /** The kept view of these file bytes, or null (none, another build's, not ours, damaged). */
  async read(
    sessionId: string,
    snapshotId: string,
    fileSha256: string,
  ): Promise<SessionView | null> {
    try {
      const key = await this.options.key();
      if (!key) return null;
      const file = this.fileOf(sessionId, snapshotId);
      if ((await stat(file)).size > MAX_FILE_BYTES) return null;
      const bytes = await readRegularFile(file);
      if (bytes.length < MAGIC.length + 4 + HMAC_BYTES) return null;
      if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) return null;
      const signed = bytes.subarray(0, bytes.length - HMAC_BYTES);
      const mac = createHmac('sha256', key).update(signed).digest();
      if (!timingSafeEqual(mac, bytes.subarray(bytes.length - HMAC_BYTES))) return null;
      const headerLength = bytes.readUInt32BE(MAGIC.length);
      const headerEnd = MAGIC.length + 4 + headerLength;
      if (headerEnd > signed.length) return null;
      const header = JSON.parse(
        bytes.toString('utf8', MAGIC.length + 4, headerEnd),
      ) as Partial<ViewHeader>;
      if (header.fingerprint !== this.options.fingerprint) return null;
      if (header.fileSha256 !== fileSha256) return null;
      const viewBytes = header.viewBytes;
      if (typeof viewBytes !== 'number' || viewBytes <= 0 || viewBytes > MAX_VIEW_BYTES)
        return null;
      const serialised = await inflateBounded(signed.subarray(headerEnd), 'zstd', {
        limit: viewBytes,
        chunkSize: viewBytes,
      });
      const packed: unknown = deserialize(serialised);
      return isPackedSessionView(packed) ? viewOfPacked(packed) : null;
    } catch {
      // Missing, unreadable or damaged: the full open answers, and keeps a new view.
      return null;
    }
  }

  /** Keeps `view` as made from these file bytes (replacing an earlier one), all or nothing. */
  keep(
    sessionId: string,
    snapshotId: string,
    fileSha256: string,
    view: SessionView,
  ): Promise<void> {
    const keeping = this.write(sessionId, snapshotId, fileSha256, view);
    this.keeping.add(keeping);
    const settled = (): void => void this.keeping.delete(keeping);
    keeping.then(settled, settled);
    return keeping;
  }

  private async write(
    sessionId: string,
    snapshotId: string,
    fileSha256: string,
    view: SessionView,
  ): Promise<void> {
    const key = await this.options.key();
    if (!key) return;
    const serialised = serialize(packSessionView(view));
    if (serialised.length > MAX_VIEW_BYTES) return;
    const header = Buffer.from(
      JSON.stringify({
        fingerprint: this.options.fingerprint,
        fileSha256,
        viewBytes: serialised.length,
      } satisfies ViewHeader),
    );
    const length = Buffer.alloc(4);
    length.writeUInt32BE(header.length);
    const packed = await zstdCompress(serialised, { chunkSize: 8 * 1024 * 1024 });
    const signed = [MAGIC, length, header, packed];
    const mac = createHmac('sha256', key);
    for (const part of signed) mac.update(part);
    await mkdir(this.options.dir, { recursive: true });
    const file = this.fileOf(sessionId, snapshotId);
    const name = file.slice(this.options.dir.length + 1);
    // Not durable: a view lost to a crash is made again on the next open.
    await writeFileAtomic(realFs, this.options.dir, name, [...signed, mac.digest()], 0o600, false);
    await this.trim();
  }

  /** Drops the kept views of a session (one snapshot, or all of them). */
  async forget(sessionId: string, snapshotId?: string): Promise<void> {
    await Promise.allSettled([...this.keeping]);
    const prefix = `${sha256(sessionId).slice(0, 24)}-`;
    const only = snapshotId === undefined ? null : this.fileOf(sessionId, snapshotId);
    const names = await readdir(this.options.dir).catch(() => [] as string[]);
    for (const name of names) {
      const file = join(this.options.dir, name);
      if (!name.startsWith(prefix) || (only !== null && file !== only)) continue;
      await rm(file, { force: true });
    }
  }

  /** Keeps the newest KEPT_VIEWS views, and removes what a keep that died left. */
  private async trim(): Promise<void> {
    const all = await readdir(this.options.dir);
    for (const name of all) {
      const writer = writerOf(name);
      if (writer && (await writerRunning(writer)) === false)
        await rm(join(this.options.dir, name), { force: true });
    }
    const names = all.filter((n) => n.endsWith(EXTENSION));
    if (names.length <= KEPT_VIEWS) return;
    const dated = await Promise.all(
      names.map(async (name) => {
        const file = join(this.options.dir, name);
        return { file, mtimeMs: (await stat(file).catch(() => null))?.mtimeMs ?? 0 };
      }),
    );
    dated.sort((a, b) => b.mtimeMs - a.mtimeMs);
    for (const { file } of dated.slice(KEPT_VIEWS)) await rm(file, { force: true });
  }
}
