// Errors the library raises on purpose: a code the UI and CLI act on and a one-line
// message naming the file and what is wrong with it.
import { dirname } from 'node:path';
import { CoreError } from '../core-error';

export type LibraryErrorCode =
  | 'NOT_BCSESSION'
  | 'NEWER_FORMAT'
  | 'CHECKSUM_MISMATCH'
  | 'TRUNCATED'
  | 'CORRUPT'
  | 'SCHEMA_MISMATCH'
  | 'NOT_IMPORTABLE'
  | 'TOO_LARGE'
  | 'NO_DATA'
  | 'DISK_FULL'
  | 'WRITE_FAILED'
  | 'NOT_IN_LIBRARY'
  | 'FILE_NOT_FOUND'
  | 'IS_A_FOLDER'
  | 'NOT_A_FILE'
  | 'PERMISSION_DENIED'
  | 'TOO_DEEP'
  | 'NOT_A_FOLDER'
  | 'READ_ONLY'
  | 'DELETE_FAILED'
  | 'INVALID_SESSION_ID';

export class LibraryError extends CoreError<LibraryErrorCode> {
  override readonly name: string = 'LibraryError';
}

/** The library's own folder cannot be used: said about the folder, never the input file. */
export class LibraryFolderError extends LibraryError {
  override readonly name: string = 'LibraryFolderError';
}

/** The same error with the file's name in front, so a list of problems reads on its own. */
export function inFile(name: string, error: unknown): LibraryError {
  // A problem with the library itself is not the input file's: said as it is.
  if (error instanceof LibraryFolderError) return error;
  if (error instanceof LibraryError)
    return new LibraryError(error.code, `${name}: ${error.message}`);
  // Core's own refusals (too large, a folder...) keep their code; the file goes in front.
  if (error instanceof CoreError) {
    return new LibraryError(error.code as LibraryErrorCode, `${name}: ${error.message}`);
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SCHEMA_MISMATCH' && error instanceof Error) {
    return new LibraryError('SCHEMA_MISMATCH', `${name}: ${error.message}`);
  }
  const os = osFailure(code);
  if (os) return new LibraryError(os.code, `${name}: ${os.message}`);
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new LibraryError('CORRUPT', `${name}: could not be read (${reason})`);
}

/** A failed read said in words: the real cause, not "could not be read (EACCES ...)". */
function osFailure(code: unknown): { code: LibraryErrorCode; message: string } | null {
  switch (code) {
    case 'ENOENT':
      return { code: 'FILE_NOT_FOUND', message: 'no such file' };
    case 'EISDIR':
      return { code: 'IS_A_FOLDER', message: 'is a folder, not a file' };
    case 'EACCES':
    case 'EPERM':
      return { code: 'PERMISSION_DENIED', message: 'permission denied: this user may not read it' };
    default:
      return null;
  }
}

export function libraryFolderError(dir: string, error: unknown): LibraryError {
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

export function deleteFailure(sessionId: string, path: string, error: unknown): LibraryError {
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

export function writeFailure(sessionId: string, error: unknown, where?: string): LibraryError {
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
