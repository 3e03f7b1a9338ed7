// Errors the library raises on purpose: a code the UI and CLI act on and a one-line
// message naming the file and what is wrong with it.
import { CoreError } from '../errors';
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
  | 'NOT_IN_LIBRARY';

export class LibraryError extends CoreError {
  declare readonly code: LibraryErrorCode;
  constructor(code: LibraryErrorCode, message: string) {
    super(code, message);
    this.name = 'LibraryError';
  }
}

/** The same error with the file's name in front, so a list of problems reads on its own. */
export function inFile(name: string, error: unknown): LibraryError {
  if (error instanceof LibraryError)
    return new LibraryError(error.code, `${name}: ${error.message}`);
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SCHEMA_MISMATCH' && error instanceof Error) {
    return new LibraryError('SCHEMA_MISMATCH', `${name}: ${error.message}`);
  }
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new LibraryError('CORRUPT', `${name}: could not be read (${reason})`);
}
