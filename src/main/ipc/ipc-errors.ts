// What a call's failure becomes for the renderer. Errors a handler throws on purpose: a
// code the renderer can act on and a one-line message a person understands; anything else
// becomes INTERNAL with a generic message.
//
// Arguments arrive as `unknown`: each is parsed with its channel's zod schema and a
// failure becomes one plain line naming the field as the screen does ("Base URL: ..."),
// never the IPC channel; the field's key travels beside it so the form can put the
// message at that field.
import type { z } from 'zod';
import type { IpcEnvelope, IpcError } from '@shared/ipc/contract';
import { CoreError, firstLine } from '../../core/core-error';

/** The fields people type, by the names their forms give them. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  sessionId: 'Session id',
  name: 'Name',
  baseUrl: 'Base URL',
  apiVersion: 'API version',
  apiKey: 'API key',
  serverHash: 'Server hash',
  host: 'Server host',
  port: 'Server port',
  database: 'Database',
  user: 'Your login',
  'replica.host': 'Read replica host',
  'replica.port': 'Read replica port',
};

export class ArgumentError extends CoreError {
  constructor(
    message: string,
    /** The argument's key (`baseUrl`), or null when the arguments as a whole are wrong. */
    readonly field: string | null,
  ) {
    super('BAD_ARGUMENT', message);
    this.name = 'ArgumentError';
  }
}

export function validateArgs<S extends z.ZodType>(schema: S, args: unknown): z.output<S> {
  const parsed = schema.safeParse(args ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.length > 0 ? issue.path.join('.') : null;
  const unknownKeys =
    issue.code === 'unrecognized_keys' ? `unexpected field ${issue.keys.join(', ')}` : null;
  const what = unknownKeys ?? issue.message;
  const label = field ? (FIELD_LABELS[field] ?? field) : null;
  throw new ArgumentError(label ? `${label}: ${what}` : what, field);
}

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

export async function envelope<T>(work: () => Promise<T>): Promise<IpcEnvelope<T>> {
  try {
    return { ok: true, result: await work() };
  } catch (error) {
    return { ok: false, error: toIpcError(error) };
  }
}
