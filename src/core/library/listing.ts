// The library's listing: every snapshot file under the folder, read through a small index
// (index.json) so listing hundreds of sessions reads no file that has not changed. Saves
// write their own entry; a missing or damaged index, or a file changed behind the
// library's back, is read again. Temporary files a dead writer left are cleared here.
import { basename, join, relative, sep } from 'node:path';
import type { LibraryListing, LibraryProblem } from '@shared/ipc/contract';
import { groupSnapshots } from '@shared/library/entries';
import { summarizeData, type SnapshotRecord } from '@shared/library/snapshot-record';
import { TEMP_PATTERN, type LibraryFs } from '../io/safe-write';
import { writerOf, writerRunning, type ProcessProbe } from '../io/stale-temp';
import {
  decodeSessionFile,
  FILE_EXTENSION,
  type SessionPayload,
  type SnapshotMeta,
} from './format';
import { mapLimit } from './ids';
import { readIndex, writeIndex, type IndexedFile, type IndexFiles } from './index-file';
import { inFile, libraryFolderError } from './library-errors';

export interface ListedSnapshot {
  readonly record: SnapshotRecord;
  readonly file: string;
}

export interface FullListing extends LibraryListing {
  readonly snapshots: readonly ListedSnapshot[];
}

export interface ListOptions {
  /** Files read so far of those the index did not know (a rebuild), and how many. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** A temporary file this old whose writer cannot be checked is taken as a save that died. */
const STALE_TEMP_MS = 10 * 60 * 1000;

export interface LibraryIndexOptions {
  readonly dir: string;
  readonly fs: LibraryFs;
  readonly clock: () => Date;
  readonly probe: ProcessProbe;
  /** A whole file, refused unread past the size ceiling. */
  readonly read: (path: string) => Promise<Buffer>;
}

export class LibraryIndex {
  private readonly dir: string;
  private readonly fs: LibraryFs;
  private readonly clock: () => Date;
  private readonly probe: ProcessProbe;
  private readonly read: (path: string) => Promise<Buffer>;
  private indexTurn: Promise<void> = Promise.resolve();
  private readonly unindexed = new Map<string, IndexedFile>();

  constructor(options: LibraryIndexOptions) {
    this.dir = options.dir;
    this.fs = options.fs;
    this.clock = options.clock;
    this.probe = options.probe;
    this.read = options.read;
  }

  /**
   * Every snapshot, grouped by session; a bad file is a problem, never an exception.
   * Saves and imports write their own entry into the index, so a listing reads no snapshot
   * unless the index is missing or damaged or a file changed behind the library's back
   * (then `onProgress` counts the files read to rebuild it).
   */
  list(options: ListOptions = {}): Promise<FullListing> {
    return this.serially(() => this.listNow(options));
  }

  private async listNow({ onProgress }: ListOptions): Promise<FullListing> {
    const found = await this.scan();
    const index = await readIndex(this.fs, this.dir);
    const next: IndexFiles = {};
    const stale = found.filter(({ rel, size, mtimeMs }) => {
      const cached = index[rel];
      if (cached && cached.size === size && cached.mtimeMs === mtimeMs) {
        next[rel] = cached;
        return false;
      }
      return true;
    });
    let done = 0;
    if (stale.length > 0) onProgress?.(0, stale.length);
    await mapLimit(stale, 4, async ({ rel, size, mtimeMs }) => {
      next[rel] = await this.readForIndex(rel, size, mtimeMs);
      onProgress?.(++done, stale.length);
    });
    if (stale.length > 0 || Object.keys(index).length !== found.length) {
      // The index is a cache: failing to write it (a full disk) must not fail the listing.
      await writeIndex(this.fs, this.dir, next).catch(() => undefined);
    }
    const snapshots: ListedSnapshot[] = [];
    const problems: LibraryProblem[] = [];
    for (const { rel } of found) {
      const entry = next[rel]!;
      const file = join(this.dir, rel);
      if (entry.record) snapshots.push({ record: entry.record, file });
      else problems.push({ file, message: entry.problem?.message ?? `${rel}: unreadable` });
    }
    return {
      folder: this.dir,
      entries: groupSnapshots(snapshots.map((s) => s.record)),
      problems,
      snapshots,
    };
  }

  /** Index read-modify-writes of this library one at a time, so none loses another's entry. */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.indexTurn.then(work, work);
    this.indexTurn = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /**
   * A new snapshot's entry, written as it is saved: the next listing need not read it.
   * Saves that finish while an index write is under way are merged into the next write.
   */
  async saved(file: string, record: SnapshotRecord): Promise<void> {
    const rel = relative(this.dir, file).split(sep).join('/');
    const stat = await this.fs.stat(file).catch(() => null);
    if (!stat) return;
    this.unindexed.set(rel, { size: stat.size, mtimeMs: stat.mtimeMs, record });
    await this.serially(async () => {
      if (this.unindexed.size === 0) return; // an earlier turn wrote this one too
      const added = [...this.unindexed];
      this.unindexed.clear();
      const files = await readIndex(this.fs, this.dir);
      for (const [name, entry] of added) files[name] = entry;
      await writeIndex(this.fs, this.dir, files);
    }).catch(() => undefined); // a cache: the next listing reads the file instead
  }

  private async scan(): Promise<{ rel: string; size: number; mtimeMs: number }[]> {
    const top = await this.fs
      .mkdir(this.dir, { recursive: true })
      .then(() => this.fs.readdir(this.dir, { withFileTypes: true }))
      .catch((error: unknown) => {
        throw libraryFolderError(this.dir, error);
      });
    const folders = top.filter((d) => d.isDirectory() && !d.name.startsWith('.'));
    const perFolder = await mapLimit(folders, 16, async (folder) => {
      const names = await this.fs.readdir(join(this.dir, folder.name)).catch(() => []);
      const files: { rel: string; size: number; mtimeMs: number }[] = [];
      for (const name of names) {
        const path = join(this.dir, folder.name, name);
        if (TEMP_PATTERN.test(name)) {
          await this.removeIfStale(path);
          continue;
        }
        if (name.startsWith('.') || !name.endsWith(FILE_EXTENSION)) continue;
        const stat = await this.fs.stat(path).catch(() => null);
        if (stat?.isFile()) {
          files.push({ rel: `${folder.name}/${name}`, size: stat.size, mtimeMs: stat.mtimeMs });
        }
      }
      return files;
    });
    return perFolder.flat().sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  }

  /** A temporary file whose writer is gone goes at once; one we cannot judge, once old. */
  private async removeIfStale(path: string): Promise<void> {
    const writer = writerOf(basename(path));
    const running = writer ? await writerRunning(writer, this.probe) : null;
    if (running === true) return;
    if (running === false) {
      await this.fs.unlink(path).catch(() => undefined);
      return;
    }
    const stat = await this.fs.stat(path).catch(() => null);
    if (stat && this.clock().getTime() - stat.mtimeMs > STALE_TEMP_MS) {
      await this.fs.unlink(path).catch(() => undefined);
    }
  }

  private async readForIndex(rel: string, size: number, mtimeMs: number): Promise<IndexedFile> {
    const name = rel;
    try {
      const decoded = await decodeSessionFile(await this.read(join(this.dir, rel)), {
        recorded: true,
      });
      const record = recordOf(decoded.meta, decoded, snapshotIdOf(rel), size, decoded.version);
      return { size, mtimeMs, record };
    } catch (error) {
      const failure = inFile(name, error);
      return { size, mtimeMs, problem: { code: failure.code, message: failure.message } };
    }
  }
}

function snapshotIdOf(rel: string): string {
  return basename(rel, FILE_EXTENSION);
}

export function recordOf(
  meta: SnapshotMeta,
  payload: SessionPayload,
  snapshotId: string,
  sizeBytes: number,
  formatVersion: 1 | 2,
): SnapshotRecord {
  const setAside = payload.duplicateKeys?.length ?? 0;
  return {
    sessionId: meta.sessionId,
    snapshotId,
    fetchedAt: meta.fetchedAt,
    savedAt: meta.savedAt,
    imported: meta.source.kind === 'imported',
    profileName: meta.source.profileName,
    host: meta.source.host,
    sandbox: meta.source.sandbox,
    sha256: meta.sha256,
    sizeBytes,
    formatVersion,
    ...(setAside > 0 ? { setAside } : {}),
    ...summarizeData(payload.subscribedData, payload.sessionStatus),
  };
}
