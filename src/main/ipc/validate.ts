// Arguments arrive as `unknown`: each is parsed with its channel's zod schema and a
// failure becomes one line naming the field.
import type { z } from 'zod';
import { CoreError } from '../../core/errors';

export function validateArgs<S extends z.ZodType>(
  channel: string,
  schema: S,
  args: unknown,
): z.output<S> {
  const parsed = schema.safeParse(args ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.length > 0 ? issue.path.join('.') : null;
  const unknownKeys =
    issue.code === 'unrecognized_keys' ? `unexpected field ${issue.keys.join(', ')}` : null;
  const what = unknownKeys ?? issue.message;
  throw new CoreError(
    'BAD_ARGUMENT',
    field ? `${channel}: ${field}: ${what}` : `${channel}: ${what}`,
  );
}
