// Errors the exporter raises on purpose: a code the IPC layer and the CLI pass on, and one
// line a person can act on (never a stack, never a credential).
import { CoreError } from '../core-error';
export type ExportErrorCode =
  | 'CANCELLED'
  | 'NO_SUCH_ACCOUNT'
  | 'NO_SUCH_FOLDER'
  | 'NOT_WRITABLE'
  | 'DESTINATION_IS_FOLDER'
  | 'DESTINATION_BUSY'
  | 'DISK_FULL'
  | 'WRITE_FAILED';

export class ExportError extends CoreError<ExportErrorCode> {
  constructor(code: ExportErrorCode, message: string) {
    super(code, message);
    // Jobs and toIpcError treat an AbortError as a cancel.
    this.name = code === 'CANCELLED' ? 'AbortError' : 'ExportError';
  }
}

export function cancelled(): ExportError {
  return new ExportError('CANCELLED', 'Export cancelled; nothing was written');
}

/** A file-system failure while writing `destination`, said in words. */
export function writeFailure(error: unknown, destination: string): ExportError {
  if (error instanceof ExportError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return new ExportError('NO_SUCH_FOLDER', `${destination}: the folder does not exist`);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new ExportError('NOT_WRITABLE', `${destination}: no permission to write here`);
    case 'EISDIR':
      return new ExportError('DESTINATION_IS_FOLDER', `${destination}: is a folder`);
    case 'EBUSY':
      return new ExportError(
        'DESTINATION_BUSY',
        `${destination}: the file is open in another program; close it and export again`,
      );
    case 'ENOSPC':
    case 'EDQUOT':
      return new ExportError('DISK_FULL', `${destination}: the disk is full`);
    default: {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      return new ExportError('WRITE_FAILED', `${destination}: could not be written (${reason})`);
    }
  }
}
