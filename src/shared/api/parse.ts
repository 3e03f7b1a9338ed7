// Validates a decoded JSON body and names the first place it differs from the documented
// shape, as a JSON path a person can find in the file.
import type { z } from 'zod';
import { isSubscribedDataFast, sessionStatusSchema, subscribedDataSchema } from './schemas';
import type { SessionStatusResponse, SubscribedDataResponse } from './schemas';

export class SchemaMismatchError extends Error {
  override readonly name = 'SchemaMismatchError';
  readonly code = 'SCHEMA_MISMATCH';
  constructor(
    readonly what: string,
    readonly path: string,
    readonly expected: string,
  ) {
    super(`${what} is not in the documented shape: at ${path}, expected ${expected}`);
  }
}

export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `${issue.expected}`;
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
      return issue.message;
    default:
      return issue.message;
  }
}

export function parseWith<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  // The schemas neither transform nor default, so the received value is returned and
  // zod's copy is dropped at once (one copy of a large response, not two).
  if (result.success) return value as T;
  const issue = result.error.issues[0];
  if (!issue) throw new SchemaMismatchError(what, '$', 'a valid value');
  throw new SchemaMismatchError(what, jsonPath(issue.path), describeIssue(issue));
}

export function parseSessionStatus(value: unknown): SessionStatusResponse {
  return parseWith(sessionStatusSchema, value, 'The session_status response');
}

export function parseSubscribedData(value: unknown): SubscribedDataResponse {
  // The fast check accepts only what the schema accepts; anything else goes to the full
  // schema, which decides and names the first mismatch exactly as before.
  if (isSubscribedDataFast(value)) return value;
  return parseWith(subscribedDataSchema, value, 'The subscribed_data response');
}
