// Errors a handler throws on purpose: a code the renderer can act on and a one-line
// message a person understands. Anything else becomes INTERNAL with a generic message.
import type { IpcEnvelope, IpcError } from '@shared/ipc/contract';
import { CoreError } from '../../core/core-error';
import { ArgumentError } from './validate';

/** Codes of errors thrown by the API client and other collaborators that we pass through. */
function codeOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,60}$/.test(code) ? code : null;
}

export function toIpcError(error: unknown): IpcError {
  if (error instanceof ArgumentError && error.field)
    return { code: error.code, message: firstLine(error.message), field: error.field };
  if (error instanceof CoreError) return { code: error.code, message: firstLine(error.message) };
  const code = codeOf(error);
  if (code && error instanceof Error) return { code, message: firstLine(error.message) };
  if (error instanceof Error && error.name === 'AbortError') {
    return { code: 'CANCELLED', message: 'Cancelled' };
  }
  return { code: 'INTERNAL', message: 'Something went wrong in the app; see the log for details' };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.slice(0, 500);
}

export async function envelope<T>(work: () => Promise<T>): Promise<IpcEnvelope<T>> {
  try {
    return { ok: true, result: await work() };
  } catch (error) {
    return { ok: false, error: toIpcError(error) };
  }
}
