// The library of saved sessions: `<dir>/<session folder>/<snapshot id>.bcsession`, one
// file per snapshot, written atomically: saving, importing, opening, exporting, upgrading
// and deleting them. Listing goes through the index (listing.ts). Plain Node: fs, clock
// and trash injected.
import { basename, dirname, join, relative } from 'node:path';
import type { LibraryProblem } from '@shared/ipc/contract';
import { compareSnapshots } from '@shared/library/entries';
import type { SnapshotRecord } from '@shared/library/snapshot-record';
import { formatMiB, MAX_SESSION_BYTES, readFileBounded } from '../io/size-ceiling';
import { realFs, TEMP_PATTERN, writeFileAtomic, type LibraryFs } from '../io/safe-write';
import { sessionIdProblem } from '@shared/api/session-id';
import { systemProbe, type ProcessProbe } from '../io/stale-temp';
import { deleteFailure, inFile, LibraryError, writeFailure } from './library-errors';
import {
  LibraryIndex,
  recordOf,
  type FullListing,
  type ListedSnapshot,
  type ListOptions,
} from './listing';
import {
  asFormat2,
  bodiesOfDocument,
  bodiesOfReceived,
  decodeSessionFile,
  encodeSessionFile,
  formatOf,
  sessionIdOfPayload,
  FILE_EXTENSION,
  validatePayload,
  type DecodedSession,
  type SessionPayload,
  type SnapshotSource,
  type StoredBody,
  type UpgradedFrom,
} from './format';
import { sha256OfBodies } from './format-2';
import type { DataEndpoint } from '@shared/api/endpoints';
import type { DuplicateKey } from '@shared/json/read-json';
import type { RawResponses } from '../session/received';
import type { ProgressStage } from '@shared/session/progress';
import { nextTurn } from '../io/next-turn';
import { decodeSessionInput } from './session-input';
import { folderNameOf, makeSnapshotId } from './ids';
import { INDEX_NAME } from './index-file';
import { REVIEW_FILE, REVIEW_LOCK } from '../review/store';
import { keptReportSnapshotOf } from './kept-reports';

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

export interface OpenedSnapshot extends DecodedSession {
  readonly record: SnapshotRecord;
  readonly file: string;
}

export interface ImportOutcome {
  readonly record: SnapshotRecord;
  readonly file: string;
  /** The same data was already in the library: nothing new was written. */
  readonly duplicate: boolean;
  /** Keys the file's JSON gives twice (set aside at import, and again at every open). */
  readonly duplicateKeys: readonly DuplicateKey[];
  /** What the file holds, as decoded for the import (an open that follows need not again). */
  readonly payload: SessionPayload;
}

export interface UpgradeOutcome {
  /** The snapshots rewritten as format 2. */
  readonly upgraded: readonly ListedSnapshot[];
  /** Snapshots that were format 2 already. */
  readonly already: number;
  /** Files that could not be upgraded (left as they were). */
  readonly failed: readonly LibraryProblem[];
}

/**
 * A file in the library was written by this app (a save, an import, an upgrade), which
 * recorded what reading its bodies found; a file from elsewhere is read in full (import).
 */
const OWN_FILE = { recorded: true } as const;

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
  readonly appVersion: string;
  private readonly maxImportBytes: number;
  private readonly index: LibraryIndex;

  constructor(options: LibraryOptions) {
    this.dir = options.dir;
    this.fs = options.fs ?? realFs;
    this.clock = options.clock ?? (() => new Date());
    this.trash = options.trash ?? ((path) => this.fs.rm(path, { recursive: true, force: true }));
    this.appVersion = options.appVersion;
    this.maxImportBytes = options.maxImportBytes ?? MAX_SESSION_BYTES;
    this.index = new LibraryIndex({
      dir: this.dir,
      fs: this.fs,
      clock: this.clock,
      probe: options.probe ?? systemProbe,
      read: (path) => this.read(path),
    });
  }

  /**
   * Every snapshot, grouped by session; a bad file is a problem, never an exception.
   * Saves and imports write their own entry into the index, so a listing reads no snapshot
   * unless the index is missing or damaged or a file changed behind the library's back
   * (then `onProgress` counts the files read to rebuild it).
   */
  list(options: ListOptions = {}): Promise<FullListing> {
    return this.index.list(options);
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
    // The bytes as received, each response on its own (format-2.ts).
    await stage(progress, 'compress');
    const bodies = await bodiesOfReceived(input.raw);
    return this.writeSnapshot(
      { bodies, endpoint: input.raw.endpoint },
      payload,
      input.fetchedAt,
      input.source,
      progress,
    );
  }

  /** Imports a .bcsession file or raw API JSON (subscribed_data, or both responses). */
  async importFile(path: string): Promise<ImportOutcome> {
    const { bytes, fetchedAtGuess } = await this.readImport(path);
    return this.importBytes(bytes, basename(path), fetchedAtGuess);
  }

  /** A file to import, read once (size-capped), and its modification time as a guess. */
  async readImport(path: string): Promise<{ bytes: Buffer; fetchedAtGuess: string }> {
    try {
      const stat = await this.fs.stat(path);
      const bytes = await this.read(path);
      return { bytes, fetchedAtGuess: new Date(stat.mtimeMs).toISOString() };
    } catch (error) {
      throw inFile(basename(path), error);
    }
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
      const input = await decodeSessionInput(bytes, name);
      if (input.kind === 'session file') {
        const { decoded } = input;
        // Format 2's data block is copied byte for byte (the sender's checksum still
        // holds); a format-1 file's payload text becomes one document body.
        const bodies = await decoded.storedBodies();
        const { meta } = decoded;
        const upgradedFrom: UpgradedFrom | undefined =
          decoded.version === 1
            ? {
                version: 1,
                sha256: meta.sha256,
                upgradedAt: this.clock().toISOString(),
                appVersion: this.appVersion,
              }
            : meta.upgradedFrom;
        const same = await this.findSame(
          meta.sessionId,
          [sha256OfBodies(bodies), upgradedFrom?.sha256],
          meta.fetchedAt,
        );
        const duplicateKeys = decoded.duplicateKeys ?? [];
        const payload = payloadOf(decoded);
        if (same) return { ...same, duplicate: true, duplicateKeys, payload };
        // The file's source is only what it claims (a checksum is recomputed as easily as
        // a figure is edited): the snapshot is marked imported, the claim kept beside it.
        const saved = await this.writeSnapshot(
          { bodies, endpoint: decoded.endpoint ?? null, upgradedFrom },
          decoded,
          meta.fetchedAt,
          { ...meta.source, kind: 'imported' },
        );
        return { ...saved, duplicate: false, duplicateKeys, payload };
      }
      // Raw JSON is kept as given, so every open reads it as it was (a key given twice
      // is reported each time, not resolved once at import and forgotten).
      const { payload } = input;
      const bodies = await bodiesOfDocument(bytes, payload.duplicateKeys);
      const same = await this.findSame(sessionIdOfPayload(payload), [sha256OfBodies(bodies)], null);
      const duplicateKeys = payload.duplicateKeys ?? [];
      if (same) return { ...same, duplicate: true, duplicateKeys, payload };
      // A `bcv fetch` file says when and where it was fetched: kept, as the claim it is.
      const note = payload.fetched;
      const saved = await this.writeSnapshot(
        { bodies, endpoint: payload.endpoint ?? null },
        payload,
        note?.fetchedAt ?? fetchedAtGuess,
        note
          ? { ...note.source, kind: 'imported' }
          : { kind: 'imported', profileName: null, host: null, sandbox: false },
      );
      return { ...saved, duplicate: false, duplicateKeys, payload };
    } catch (error) {
      throw inFile(name, error);
    }
  }

  /** A snapshot of the session with one of these checksums (and fetch time, when given). */
  private async findSame(
    sessionId: string,
    hashes: readonly (string | undefined)[],
    fetchedAt: string | null,
  ): Promise<ListedSnapshot | null> {
    const { snapshots } = await this.list();
    return (
      snapshots.find(
        (s) =>
          s.record.sessionId === sessionId &&
          hashes.includes(s.record.sha256) &&
          (fetchedAt === null || s.record.fetchedAt === fetchedAt),
      ) ?? null
    );
  }

  private async writeSnapshot(
    data: StoredData,
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
    const { bytes, meta } = encodeSessionFile({
      sessionId,
      savedAt: savedAt.toISOString(),
      fetchedAt,
      appVersion: this.appVersion,
      source,
      endpoint: data.endpoint,
      bodies: data.bodies,
      ...(data.upgradedFrom ? { upgradedFrom: data.upgradedFrom } : {}),
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
      const record = recordOf(meta, payload, snapshotId, bytes.length, 2);
      await this.index.saved(file, record);
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
    const { found, bytes } = await this.readSnapshot(sessionId, snapshotId, progress);
    return this.decodeSnapshot(found, bytes, progress);
  }

  /** A snapshot's file as it is on disk (open's first half). */
  async readSnapshot(
    sessionId: string,
    snapshotId?: string,
    progress: LibraryProgress = {},
  ): Promise<{ readonly found: ListedSnapshot; readonly bytes: Buffer }> {
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
      return { found, bytes };
    } catch (error) {
      throw inFile(relative(this.dir, found.file), error);
    }
  }

  /** The responses in a snapshot's file read by readSnapshot (open's second half). */
  async decodeSnapshot(
    found: ListedSnapshot,
    bytes: Buffer,
    progress: LibraryProgress = {},
  ): Promise<OpenedSnapshot> {
    try {
      await stage(progress, 'check');
      const decoded = await decodeSessionFile(bytes, OWN_FILE);
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
    // Verified first, and a format-1 snapshot goes out as format 2 (the library's file
    // stays as it is until `bcv library upgrade`).
    const out = await decodeSessionFile(bytes, OWN_FILE)
      .then(async (decoded) => (await this.asFormat2(bytes, decoded)).bytes)
      .catch((error: unknown) => {
        throw inFile(relative(this.dir, found.file), error);
      });
    try {
      return await writeFileAtomic(this.fs, dirname(destination), basename(destination), out);
    } catch (error) {
      throw writeFailure(sessionId, error, destination);
    }
  }

  private asFormat2(bytes: Uint8Array, decoded: DecodedSession) {
    return asFormat2(bytes, decoded, {
      at: this.clock().toISOString(),
      appVersion: this.appVersion,
    });
  }

  /**
   * Rewrites the format-1 snapshots of one session (or of all) as format 2, in place and
   * under the same snapshot id: only when asked, never behind the user's back. A file
   * that cannot be read is left as it is and reported; the others go on.
   */
  async upgrade(sessionId?: string, options: ListOptions = {}): Promise<UpgradeOutcome> {
    const { snapshots, problems } = await this.list();
    const mine = sessionId ? snapshots.filter((s) => s.record.sessionId === sessionId) : snapshots;
    if (sessionId && mine.length === 0) await this.locate(sessionId); // throws NOT_IN_LIBRARY
    const older = mine.filter((s) => s.record.formatVersion !== 2);
    const upgraded: ListedSnapshot[] = [];
    // Files that cannot be read belong to no session known: "all" names them too.
    const failed: LibraryProblem[] = sessionId ? [] : [...problems];
    let done = 0;
    options.onProgress?.(0, older.length);
    for (const snapshot of older) {
      const rel = relative(this.dir, snapshot.file);
      try {
        const bytes = await this.read(snapshot.file);
        if (formatOf(bytes) === 2) continue; // upgraded since the index was written
        const decoded = await decodeSessionFile(bytes);
        const { bytes: out, meta } = await this.asFormat2(bytes, decoded);
        const file = await writeFileAtomic(
          this.fs,
          dirname(snapshot.file),
          basename(snapshot.file),
          out,
        ).catch((error: unknown) => {
          throw writeFailure(decoded.meta.sessionId, error, snapshot.file);
        });
        const record = recordOf(meta, decoded, snapshot.record.snapshotId, out.length, 2);
        await this.index.saved(file, record);
        upgraded.push({ record, file });
      } catch (error) {
        const problem = inFile(rel, error);
        failed.push({ file: snapshot.file, message: problem.message });
      } finally {
        options.onProgress?.(++done, older.length);
      }
    }
    return { upgraded, already: mine.length - older.length, failed };
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
      // The session's review goes with its last snapshot (one item in the trash), and
      // FinBox's reports kept with a snapshot go with it.
      const onlySnapshots = names.every(
        (n) =>
          n.endsWith(FILE_EXTENSION) ||
          TEMP_PATTERN.test(n) ||
          REVIEW_NAMES.has(n) ||
          keptReportSnapshotOf(n) !== null,
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
          const kept = names.filter((n) => keptReportSnapshotOf(n) === s.record.snapshotId);
          for (const file of [s.file, ...kept.map((n) => join(folder, n))]) {
            await this.trash(file).catch((error: unknown) => {
              throw deleteFailure(sessionId, file, error);
            });
          }
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

/** What a snapshot file stores: the bodies and where they came from. */
interface StoredData {
  readonly bodies: readonly StoredBody[];
  readonly endpoint: DataEndpoint | null;
  readonly upgradedFrom?: UpgradedFrom;
}

/** The responses alone (not the file's bytes a decoded session keeps for a copy). */
function payloadOf(decoded: SessionPayload): SessionPayload {
  const { sessionStatus, subscribedData, duplicateKeys, endpoint } = decoded;
  return {
    sessionStatus,
    subscribedData,
    ...(duplicateKeys ? { duplicateKeys } : {}),
    ...(endpoint ? { endpoint } : {}),
  };
}

export { INDEX_NAME };
export type { FullListing, ListedSnapshot, ListOptions };
