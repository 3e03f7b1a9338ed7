// The one "regular files only" check every reader of a path given to the app or `bcv` goes
// through. A FIFO blocks a reader until someone writes to it (for ever, if no one does),
// /dev/zero and /dev/urandom never end, a socket cannot be opened: each is refused in one
// line naming what the path is. The file is opened without blocking (O_NONBLOCK, which a
// regular file ignores), then what was opened is checked, so a path swapped between a
// check and the open is still caught.
import { constants, type Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import * as nodeFs from 'node:fs/promises';
import { CoreError } from '../core-error';

export type NotRegularCode = 'IS_A_FOLDER' | 'NOT_A_FILE';

export class NotRegularFileError extends CoreError<NotRegularCode> {
  override readonly name = 'NotRegularFileError';
}

/** What a path is when it is not a regular file ("a FIFO (named pipe)"), else null. */
export function specialKindOf(
  stat: Pick<
    Stats,
    | 'isFile'
    | 'isDirectory'
    | 'isFIFO'
    | 'isCharacterDevice'
    | 'isBlockDevice'
    | 'isSocket'
    | 'isSymbolicLink'
  >,
): string | null {
  if (stat.isFile()) return null;
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  if (stat.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

/** The refusal for a path that is `kind` ("x is a FIFO (named pipe), not a file: refused"). */
export function notRegularFile(what: string, kind: string): NotRegularFileError {
  if (kind === 'a folder')
    return new NotRegularFileError('IS_A_FOLDER', `${what} is a folder, not a file`);
  return new NotRegularFileError(
    'NOT_A_FILE',
    `${what} is ${kind}, not a regular file: only regular files are read`,
  );
}

export type RegularFileFs = Pick<typeof nodeFs, 'open'> & Partial<Pick<typeof nodeFs, 'stat'>>;

// Windows has no O_NONBLOCK (and no FIFOs a path opens): plain read-only there.
const READ_NO_BLOCK = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Opens `path` for reading when it is a regular file; anything else is refused by what it
 * is. `what` names it in the message (the path itself, "the file", "it").
 */
export async function openRegularFile(
  path: string,
  what: string = path,
  fs: RegularFileFs = nodeFs,
): Promise<FileHandle> {
  let handle: FileHandle;
  try {
    handle = await fs.open(path, READ_NO_BLOCK);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    // A socket cannot be opened (ENXIO); a folder fails to open on some systems.
    if (code === 'ENXIO' || code === 'EISDIR') {
      const kind = await (fs.stat ?? nodeFs.stat)(path).then(specialKindOf, () => null);
      if (kind) throw notRegularFile(what, kind);
    }
    throw error;
  }
  try {
    const kind = specialKindOf(await handle.stat());
    if (kind) throw notRegularFile(what, kind);
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
  return handle;
}

/** The whole of a small regular file (a settings file, a lock's contents): as fs.readFile. */
export async function readRegularFile(
  path: string,
  what: string = path,
  fs: RegularFileFs = nodeFs,
): Promise<Buffer> {
  const handle = await openRegularFile(path, what, fs);
  try {
    return await handle.readFile();
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** readRegularFile as UTF-8 text (a settings or key file). */
export async function readRegularText(path: string, what: string = path): Promise<string> {
  return (await readRegularFile(path, what)).toString('utf8');
}
