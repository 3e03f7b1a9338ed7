// Every file the project writes goes through here (bytes, or a stream such as the Excel
// export's): a temporary file in the same folder, written in full (short writes continued), fsynced, renamed over the final name, then
// the folder fsynced so the rename itself survives a power cut. A full disk or any other
// failure before the rename removes the temporary file and leaves what was there before
// byte for byte; it is reported as DISK_FULL (or another code) in one line.
//
// Temporary files are named `.<name>.<pid>-<start>.<random>.tmp`: the writer's process id
// and start time, so the next library open can tell a live writer's file from one whose
// writer was killed (see stale-temp.ts).
import { createWriteStream, type WriteStream } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CoreError } from '../core-error';
import { byteCounter, type ByteReport } from './byte-progress';
import { PROCESS_STARTED_S, tempNameFor, trackTemp } from './temp-files';
import { removeStaleTempsOf } from './stale-temp';

/** The file-system calls writers make: injectable so tests can fail them (ENOSPC). */
export type LibraryFs = Pick<
  typeof nodeFs,
  'open' | 'rename' | 'unlink' | 'mkdir' | 'readdir' | 'stat' | 'readFile' | 'rm'
>;
export type WriteFs = LibraryFs;

export const realFs: LibraryFs = nodeFs;

/** Written in chunks so a slow or failing disk is noticed early and progress is possible. */
const CHUNK = 1 << 20;

export const TEMP_PATTERN = /^\..+\.tmp$/;

export { PROCESS_STARTED_S, tempNameFor };

/** Codes for a write that did not happen; the message says the earlier file is intact. */
export type WriteErrorCode =
  'DISK_FULL' | 'NOT_WRITABLE' | 'NO_SUCH_FOLDER' | 'IS_A_FOLDER' | 'NOT_A_FOLDER' | 'WRITE_FAILED';

export class WriteError extends CoreError<WriteErrorCode> {
  override readonly name: string = 'WriteError';
}

/** A failed write of `path` in words: the real cause, and that nothing was replaced. */
export function writeErrorOf(error: unknown, path: string): WriteError {
  if (error instanceof WriteError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const kept = 'nothing was replaced';
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new WriteError('DISK_FULL', `Could not write ${path}: the disk is full; ${kept}`);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new WriteError(
        'NOT_WRITABLE',
        `Could not write ${path}: no permission to write in ${dirname(path)}; ${kept}`,
      );
    case 'ENOENT':
      return new WriteError(
        'NO_SUCH_FOLDER',
        `Could not write ${path}: the folder ${dirname(path)} does not exist`,
      );
    case 'EISDIR':
      return new WriteError('IS_A_FOLDER', `Could not write ${path}: it is a folder`);
    case 'ENOTDIR':
    case 'EEXIST':
      return new WriteError(
        'NOT_A_FOLDER',
        `Could not write ${path}: ${dirname(path)} (or a folder above it) is a file, not a folder`,
      );
    default: {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      return new WriteError(
        'WRITE_FAILED',
        `Could not write ${path} (${typeof code === 'string' ? code : reason}); ${kept}`,
      );
    }
  }
}

/**
 * Writes `bytes` as `dir/name`, all or nothing. Throws what the file system threw (callers
 * that want one line use writeFileSafely or writeErrorOf). `bytes` may be pieces written
 * end to end (`bcv fetch --out` puts the received bodies between a few bytes of JSON), so
 * no joined copy of a 283 MB body is made.
 */
export async function writeFileAtomic(
  ...args: Parameters<typeof stageFileAtomic>
): Promise<string> {
  return (await stageFileAtomic(...args)).commit();
}

/** A file written in full under its temporary name, not yet in place. */
export interface StagedFile {
  /** Renames it over the final name (what was there is replaced whole); returns the path. */
  commit(): Promise<string>;
  /** Removes it: what was there stays as it was. */
  discard(): Promise<void>;
}

/**
 * The first half of writeFileAtomic: the temporary file written and synced. `bcv fetch
 * --out` writes the received bytes so, lets them go before the JSON is read, and puts the
 * file in place only once the answer proves readable.
 */
export async function stageFileAtomic(
  fs: LibraryFs,
  dir: string,
  name: string,
  bytes: Uint8Array | readonly Uint8Array[],
  mode = 0o644,
  /** False only for a cache that is rebuilt when lost (the library index). */
  durable = true,
  /** Bytes written so far of all (a library save's progress). */
  onBytes?: ByteReport,
): Promise<StagedFile> {
  const temp = join(dir, tempNameFor(name));
  const final = join(dir, name);
  const pieces = bytes instanceof Uint8Array ? [bytes] : bytes;
  const counted = byteCounter(
    pieces.reduce((sum, piece) => sum + piece.length, 0),
    onBytes,
  );
  const tracked = trackTemp(temp);
  const discard = () =>
    fs.unlink(temp).then(tracked.done, () => {
      tracked.done();
    });
  let written = 0;
  let handle: nodeFs.FileHandle | null = null;
  try {
    handle = await fs.open(temp, 'wx', mode);
    counted(0);
    for (const piece of pieces) {
      let offset = 0;
      while (offset < piece.length) {
        const length = Math.min(CHUNK, piece.length - offset);
        // A short write (a disk nearly full) is continued; the next write then fails.
        const { bytesWritten } = await handle.write(piece, offset, length);
        if (bytesWritten <= 0) throw Object.assign(new Error('no progress'), { code: 'ENOSPC' });
        offset += bytesWritten;
        counted((written += bytesWritten));
      }
    }
    counted(written, true);
    if (durable) await handle.sync();
    await handle.close();
    handle = null;
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await discard();
    throw error;
  }
  return {
    async commit() {
      try {
        await fs.rename(temp, final);
        tracked.done();
      } catch (error) {
        await discard();
        throw error;
      }
      if (durable) await syncDir(fs, dir);
      return final;
    },
    discard,
  };
}

/** writeFileAtomic for a path, text or bytes, failing with one WriteError line. */
export async function writeFileSafely(
  path: string,
  data: string | Uint8Array | readonly Uint8Array[],
  options: { readonly fs?: LibraryFs; readonly mode?: number } = {},
): Promise<void> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  try {
    await removeStaleTempsOf(dirname(path), basename(path), options.fs);
    await writeFileAtomic(options.fs ?? realFs, dirname(path), basename(path), bytes, options.mode);
  } catch (error) {
    throw writeErrorOf(error, path);
  }
}

/** stageFileAtomic for a path, failing with one WriteError line (at commit too). */
export async function stageFileSafely(
  path: string,
  data: Uint8Array | readonly Uint8Array[],
  options: { readonly fs?: LibraryFs } = {},
): Promise<StagedFile> {
  let staged: StagedFile;
  try {
    await removeStaleTempsOf(dirname(path), basename(path), options.fs);
    staged = await stageFileAtomic(options.fs ?? realFs, dirname(path), basename(path), data);
  } catch (error) {
    throw writeErrorOf(error, path);
  }
  return {
    commit: () =>
      staged.commit().catch((error: unknown) => {
        throw writeErrorOf(error, path);
      }),
    discard: () => staged.discard(),
  };
}

/** fsync of a folder: not possible everywhere (Windows), where rename is durable enough. */
async function syncDir(fs: LibraryFs, dir: string): Promise<void> {
  let handle: nodeFs.FileHandle | null = null;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // best effort
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** A file being written as a stream under its temporary name (staged as stageFileAtomic). */
export interface StagedStream extends StagedFile {
  readonly stream: WriteStream;
}

/**
 * stageFileAtomic for a writer that streams (the Excel export): write to `stream` and end
 * it, then `commit` renames the file over the final name and syncs the folder; `discard`
 * (also after a failure) removes it. `flush`: each write is synced before the stream closes.
 */
export async function stageStreamAtomic(
  dir: string,
  name: string,
  mode = 0o644,
): Promise<StagedStream> {
  await removeStaleTempsOf(dir, name);
  const temp = join(dir, tempNameFor(name));
  const final = join(dir, name);
  const tracked = trackTemp(temp);
  const stream = createWriteStream(temp, { flags: 'wx', mode, flush: true });
  await new Promise<void>((resolve, reject) => {
    stream.once('ready', () => resolve());
    stream.once('error', reject);
  });
  const closed = (): Promise<void> =>
    stream.closed
      ? Promise.resolve()
      : new Promise((resolve) => stream.once('close', () => resolve()));
  const discard = async (): Promise<void> => {
    stream.destroy();
    await closed();
    await realFs.unlink(temp).catch(() => undefined);
    tracked.done();
  };
  return {
    stream,
    async commit() {
      await closed();
      try {
        await realFs.rename(temp, final);
        tracked.done();
      } catch (error) {
        await discard();
        throw error;
      }
      await syncDir(realFs, dir);
      return final;
    },
    discard,
  };
}
