// Arguments arrive as `unknown`: each is parsed with its channel's zod schema and a
// failure becomes one plain line naming the field as the screen does ("Base URL: ..."),
// never the IPC channel; the field's key travels beside it so the form can put the
// message at that field.
import type { z } from 'zod';
import { CoreError } from '../../core/core-error';

/** The fields people type, by the names their forms give them. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  sessionId: 'Session id',
  name: 'Name',
  baseUrl: 'Base URL',
  apiVersion: 'API version',
  apiKey: 'API key',
  serverHash: 'Server hash',
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
