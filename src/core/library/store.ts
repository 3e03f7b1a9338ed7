// The library of saved sessions: `<dir>/<session folder>/<snapshot id>.bcsession`, one
// file per snapshot, written atomically; a small index (index.json) so listing hundreds of
// sessions reads no file that has not changed. Plain Node: fs, clock and trash injected.
import { basename, dirname, join, relative, sep } from 'node:path';
import type { LibraryListing, LibraryProblem } from '@shared/ipc/contract';
import { compareSnapshots, groupSnapshots } from '@shared/library/entries';
import { summarizeData, type SnapshotRecord } from '@shared/library/summary';
import { formatMiB, MAX_SESSION_BYTES, readFileBounded } from '../io/size-ceiling';
import { realFs, TEMP_PATTERN, writeFileAtomic, type LibraryFs } from '../io/safe-write';
import { sessionIdProblem } from '@shared/api/session-id';
import { systemProbe, writerOf, writerRunning, type ProcessProbe } from '../io/stale-temp';
import { inFile, LibraryError, LibraryFolderError } from './errors';
import {
  decodeSessionFile,
  encodeSessionFile,
  sessionIdOfPayload,
  FILE_EXTENSION,
  payloadTextOf,
  sha256Hex,
  validatePayload,
  type DecodedSession,
  type SessionPayload,
  type SnapshotMeta,
  type SnapshotSource,
} from './format';
import type { RawResponses } from '../session/received';
import type { ProgressStage } from '@shared/session/progress';
import { nextTurn } from '../io/next-turn';
import { decodeRawJson, isSessionFile } from './session-input';
import { folderNameOf, makeSnapshotId, mapLimit } from './ids';
import { INDEX_NAME, readIndex, writeIndex, type IndexedFile, type IndexFiles } from './index-file';
import { REVIEW_FILE, REVIEW_LOCK } from '../review/store';

const REVIEW_NAMES: ReadonlySet<string> = new Set([REVIEW_FILE, REVIEW_LOCK]);

export interface LibraryOptions {
  readonly dir: string;
  readonly appVersion: string;
  readonly fs?: LibraryFs;
  readonly clock?: () => Date;
  /** Moves a file or folder to the OS trash (the app passes shell.trashItem). */
  readonly trash?: (path: string) => Promise<void>;
  /** How a temporary file's writer is looked up (a seam for tests). */
  readonly probe?: ProcessProbe;
  /** Files larger than this are refused on import and listing (default: the size ceiling). */
  readonly maxImportBytes?: number;
}

export interface SaveInput {
  /** The responses as received: the file keeps what they say (see format.ts). */
  readonly raw: RawResponses;
  readonly fetchedAt: string;
  readonly source: SnapshotSource;
}

export interface ListedSnapshot {
  readonly record: SnapshotRecord;
  readonly file: string;
}

export interface FullListing extends LibraryListing {
  readonly snapshots: readonly ListedSnapshot[];
}

export interface OpenedSnapshot extends DecodedSession {
  readonly record: SnapshotRecord;
  readonly file: string;
}

export interface ImportOutcome {
  readonly record: SnapshotRecord;
  readonly file: string;
  /** The same data was already in the library: nothing new was written. */
  readonly duplicate: boolean;
}

/** A temporary file this old whose writer cannot be checked is taken as a save that died. */
const STALE_TEMP_MS = 10 * 60 * 1000;

export interface ListOptions {
  /** Files read so far of those the index did not know (a rebuild), and how many. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** A save's or open's stages: bytes read or written of the file's size, checking, compressing. */
export interface LibraryProgress {
  readonly onProgress?: (stage: ProgressStage, done: number, total: number | null) => void;
  /** Stops an open between chunks of the read (a save, once begun, is finished). */
  readonly signal?: AbortSignal;
}

export class Library {
  readonly dir: string;
  private readonly fs: LibraryFs;
  private readonly clock: () => Date;
  private readonly trash: (path: string) => Promise<void>;
  private readonly appVersion: string;
  private readonly maxImportBytes: number;
  private indexTurn: Promise<void> = Promise.resolve();
  private readonly unindexed = new Map<string, IndexedFile>();
  private readonly probe: ProcessProbe;

  constructor(options: LibraryOptions) {
    this.dir = options.dir;
    this.fs = options.fs ?? realFs;
    this.clock = options.clock ?? (() => new Date());
    this.trash = options.trash ?? ((path) => this.fs.rm(path, { recursive: true, force: true }));
    this.appVersion = options.appVersion;
    this.maxImportBytes = options.maxImportBytes ?? MAX_SESSION_BYTES;
    this.probe = options.probe ?? systemProbe;
  }

  // ---- listing ------------------------------------------------------------------------

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
  private async indexSaved(file: string, record: SnapshotRecord): Promise<void> {
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
      const decoded = await decodeSessionFile(await this.read(join(this.dir, rel)));
      return { size, mtimeMs, record: recordOf(decoded.meta, decoded, snapshotIdOf(rel), size) };
    } catch (error) {
      const failure = inFile(name, error);
      return { size, mtimeMs, problem: { code: failure.code, message: failure.message } };
    }
  }

  /** A whole file, refused unread when it is past the size ceiling. */
  private read(path: string): Promise<Buffer> {
    return readFileBounded(path, { fs: this.fs, limit: this.maxImportBytes, what: 'it' });
  }

  /** One snapshot of a session: the given one, or the newest. */
  async locate(sessionId: string, snapshotId?: string): Promise<ListedSnapshot> {
    const { snapshots } = await this.list();
    const mine = snapshots
      .filter((s) => s.record.sessionId === sessionId)
      .sort((a, b) => compareSnapshots(a.record, b.record));
    const found = snapshotId ? mine.find((s) => s.record.snapshotId === snapshotId) : mine[0];
    if (!found) {
      throw new LibraryError(
        'NOT_IN_LIBRARY',
        snapshotId
          ? `Snapshot ${snapshotId} of session ${sessionId} is not in the library`
          : `Session ${sessionId} is not in the library`,
      );
    }
    return found;
  }

  // ---- saving and importing -----------------------------------------------------------

  /** Adds a snapshot of a fetched session (a re-fetch adds another, older ones stay). */
  async save(input: SaveInput, progress: LibraryProgress = {}): Promise<ListedSnapshot> {
    const { sessionStatus, data } = input.raw;
    await stage(progress, 'check');
    const payload = validatePayload(
      sessionStatus?.value ?? null,
      data?.value ?? null,
      input.raw.endpoint,
    );
    return this.writeSnapshot(
      payloadTextOf(payload),
      payload,
      input.fetchedAt,
      input.source,
      progress,
    );
  }

  /** Imports a .bcsession file or raw API JSON (subscribed_data, or both responses). */
  async importFile(path: string): Promise<ImportOutcome> {
    const name = basename(path);
    const read = async () => {
      const stat = await this.fs.stat(path);
      return { bytes: await this.read(path), mtimeMs: stat.mtimeMs };
    };
    const { bytes, mtimeMs } = await read().catch((error: unknown) => {
      throw inFile(name, error);
    });
    return this.importBytes(bytes, name, new Date(mtimeMs).toISOString());
  }

  /** `fetchedAtGuess`: when raw JSON does not say when it was fetched (the file's mtime). */
  async importBytes(
    bytes: Uint8Array,
    name: string,
    fetchedAtGuess: string,
  ): Promise<ImportOutcome> {
    if (bytes.length > this.maxImportBytes) {
      throw new LibraryError(
        'TOO_LARGE',
        `${name}: ${formatMiB(bytes.length)}, more than the largest session this app opens (${formatMiB(this.maxImportBytes)}): refused`,
      );
    }
    try {
      if (isSessionFile(bytes, name)) {
        const decoded = await decodeSessionFile(bytes);
        const same = await this.findSame(
          decoded.meta.sessionId,
          decoded.meta.sha256,
          decoded.meta.fetchedAt,
        );
        if (same) return { ...same, duplicate: true };
        // The payload text is kept byte for byte: the sender's checksum still holds. The
        // file's source is only what it claims (a checksum is recomputed as easily as a
        // figure is edited): the snapshot is marked imported, the claim kept beside it.
        const saved = await this.writeSnapshot(
          decoded.payloadText,
          decoded,
          decoded.meta.fetchedAt,
          { ...decoded.meta.source, kind: 'imported' },
        );
        return { ...saved, duplicate: false };
      }
      const payload = decodeRawJson(bytes);
      const text = payloadTextOf(payload);
      const same = await this.findSame(sessionIdOfPayload(payload), null, null, text);
      if (same) return { ...same, duplicate: true };
      const saved = await this.writeSnapshot(text, payload, fetchedAtGuess, {
        kind: 'imported',
        profileName: null,
        host: null,
        sandbox: false,
      });
      return { ...saved, duplicate: false };
    } catch (error) {
      throw inFile(name, error);
    }
  }

  private async findSame(
    sessionId: string,
    sha256: string | null,
    fetchedAt: string | null,
    payloadText?: string,
  ): Promise<ListedSnapshot | null> {
    const hash = sha256 ?? sha256Hex(payloadText ?? '');
    const { snapshots } = await this.list();
    return (
      snapshots.find(
        (s) =>
          s.record.sessionId === sessionId &&
          s.record.sha256 === hash &&
          (fetchedAt === null || s.record.fetchedAt === fetchedAt),
      ) ?? null
    );
  }

  private async writeSnapshot(
    payloadText: string,
    payload: SessionPayload,
    fetchedAt: string,
    source: SnapshotSource,
    progress: LibraryProgress = {},
  ): Promise<ListedSnapshot> {
    const sessionId = sessionIdOfPayload(payload);
    // Checked before anything is written: an id that cannot be a folder is never saved.
    const problem = sessionIdProblem(sessionId);
    if (problem) throw new LibraryError('INVALID_SESSION_ID', `Invalid session id: ${problem}`);
    const savedAt = this.clock();
    const snapshotId = makeSnapshotId(savedAt);
    const folder = join(this.dir, folderNameOf(sessionId));
    await stage(progress, 'compress');
    const { bytes, meta } = await encodeSessionFile({
      payloadText,
      sessionId,
      savedAt: savedAt.toISOString(),
      fetchedAt,
      appVersion: this.appVersion,
      source,
    });
    try {
      await this.fs.mkdir(folder, { recursive: true });
      const file = await writeFileAtomic(
        this.fs,
        folder,
        `${snapshotId}${FILE_EXTENSION}`,
        bytes,
        undefined,
        undefined,
        progress.onProgress && ((done, total) => progress.onProgress?.('write', done, total)),
      );
      const record = recordOf(meta, payload, snapshotId, bytes.length);
      await this.indexSaved(file, record);
      return { record, file };
    } catch (error) {
      throw writeFailure(sessionId, error);
    }
  }

  // ---- reading, exporting, deleting ---------------------------------------------------

  async open(
    sessionId: string,
    snapshotId?: string,
    progress: LibraryProgress = {},
  ): Promise<OpenedSnapshot> {
    const found = await this.locate(sessionId, snapshotId);
    try {
      const bytes = await readFileBounded(found.file, {
        fs: this.fs,
        limit: this.maxImportBytes,
        what: 'it',
        signal: progress.signal,
        onBytes:
          progress.onProgress && ((done, total) => progress.onProgress?.('read', done, total)),
      });
      await stage(progress, 'check');
      const decoded = await decodeSessionFile(bytes);
      return { ...decoded, ...found };
    } catch (error) {
      throw inFile(relative(this.dir, found.file), error);
    }
  }

  /** Copies a snapshot to `destination` (verified first: a bad file is never passed on). */
  async exportTo(
    sessionId: string,
    snapshotId: string | undefined,
    destination: string,
  ): Promise<string> {
    const found = await this.locate(sessionId, snapshotId);
    const bytes = await this.read(found.file).catch((error: unknown) => {
      throw inFile(relative(this.dir, found.file), error);
    });
    await decodeSessionFile(bytes).catch((error: unknown) => {
      throw inFile(relative(this.dir, found.file), error);
    });
    try {
      return await writeFileAtomic(this.fs, dirname(destination), basename(destination), bytes);
    } catch (error) {
      throw writeFailure(sessionId, error, destination);
    }
  }

  /** Deletes one snapshot, or every snapshot of the session; answers how many went. */
  async delete(sessionId: string, snapshotId?: string): Promise<number> {
    const { snapshots } = await this.list();
    const mine = snapshots.filter(
      (s) =>
        s.record.sessionId === sessionId && (!snapshotId || s.record.snapshotId === snapshotId),
    );
    if (mine.length === 0) await this.locate(sessionId, snapshotId); // throws NOT_IN_LIBRARY
    const folders = new Set(mine.map((s) => dirname(s.file)));
    for (const folder of folders) {
      const inFolder = snapshots.filter((s) => dirname(s.file) === folder);
      const all = !snapshotId && inFolder.every((s) => s.record.sessionId === sessionId);
      const names = await this.fs.readdir(folder).catch((error: unknown) => {
        throw deleteFailure(sessionId, folder, error);
      });
      // The session's review goes with its last snapshot (one item in the trash).
      const onlySnapshots = names.every(
        (n) => n.endsWith(FILE_EXTENSION) || TEMP_PATTERN.test(n) || REVIEW_NAMES.has(n),
      );
      if (
        all &&
        onlySnapshots &&
        names.filter((n) => n.endsWith(FILE_EXTENSION)).length === inFolder.length
      ) {
        await this.trash(folder).catch((error: unknown) => {
          throw deleteFailure(sessionId, folder, error);
        }); // one item in the OS trash for the whole session
      } else {
        for (const s of mine.filter((m) => dirname(m.file) === folder)) {
          await this.trash(s.file).catch((error: unknown) => {
            throw deleteFailure(sessionId, s.file, error);
          });
        }
      }
    }
    return mine.length;
  }
}

/** Says the stage, then lets it be sent before the synchronous work it names. */
async function stage(progress: LibraryProgress, name: ProgressStage): Promise<void> {
  if (!progress.onProgress) return;
  progress.onProgress(name, 0, null);
  await nextTurn();
}

function snapshotIdOf(rel: string): string {
  return basename(rel, FILE_EXTENSION);
}

function recordOf(
  meta: SnapshotMeta,
  payload: SessionPayload,
  snapshotId: string,
  sizeBytes: number,
): SnapshotRecord {
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
    ...summarizeData(payload.subscribedData, payload.sessionStatus),
  };
}

function libraryFolderError(dir: string, error: unknown): LibraryError {
  if (error instanceof LibraryError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EEXIST' || code === 'ENOTDIR') {
    return new LibraryFolderError(
      'NOT_A_FOLDER',
      `The library folder ${dir} is a file, not a folder: move it away or choose another with --library`,
    );
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new LibraryFolderError(
      'PERMISSION_DENIED',
      `The library folder ${dir} cannot be opened: permission denied`,
    );
  }
  if (code === 'EROFS') {
    return new LibraryFolderError(
      'READ_ONLY',
      `The library folder ${dir} does not exist and cannot be made: the disk is read-only`,
    );
  }
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new LibraryFolderError(
    'WRITE_FAILED',
    `The library folder ${dir} cannot be used (${reason})`,
  );
}

function deleteFailure(sessionId: string, path: string, error: unknown): LibraryError {
  const code = (error as { code?: unknown } | null)?.code;
  const why =
    code === 'EROFS'
      ? 'the library is on a read-only disk'
      : code === 'EACCES' || code === 'EPERM' || code === 'ENOTDIR'
        ? 'permission denied (the library folder is read-only for this user)'
        : `${typeof code === 'string' ? code : 'it failed'}`;
  return new LibraryFolderError(
    'DELETE_FAILED',
    `Could not delete session ${sessionId} (${path}): ${why}`,
  );
}

function writeFailure(sessionId: string, error: unknown, where?: string): LibraryError {
  if (error instanceof LibraryFolderError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const target = where ?? `session ${sessionId}`;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new LibraryError(
      'DISK_FULL',
      `Could not save ${target}: the disk is full; nothing was changed and earlier snapshots are intact`,
    );
  }
  if (code === 'ENOTDIR' || code === 'EEXIST' || code === 'EROFS' || code === 'EACCES') {
    return libraryFolderError(where ? dirname(where) : 'for this session', error);
  }
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new LibraryError(
    'WRITE_FAILED',
    `Could not save ${target} (${typeof code === 'string' ? code : reason}); earlier snapshots are intact`,
  );
}

export { INDEX_NAME };
