// Checks decoded JSON bodies and names the first place one differs from every shape we
// read, as a JSON path a person can find in the file.
import type { z } from 'zod';
import { accountEntries } from '../model/normalize';
import { jsonPath } from './json-path';
import { SchemaMismatchError } from './schema-mismatch';
import { sessionStatusSchema } from './schemas';
import type { SessionStatusResponse } from './schemas';

export { SchemaMismatchError, jsonPath };

/**
 * A data response of either endpoint, as received. Its parts are read (and unreadable
 * items set aside) by normalizeSession; this type only says it is a JSON object.
 */
export type SessionData = Readonly<Record<string, unknown>>;

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

/**
 * A data response of either endpoint (subscribed_data or insights): refused only when it is
 * not an object with accounts, or when no account in it can be read. Everything else is
 * read by normalizeSession, which sets aside what it cannot read. Returns the value itself.
 */
export function parseSessionData(value: unknown, what = 'The data response'): SessionData {
  accountEntries(value, null, what);
  return value as SessionData;
}

/** The session id a data response names (null when it names none readable). */
export function dataSessionId(data: SessionData): string | null {
  const id = data['session_id'];
  return typeof id === 'string' && id !== '' ? id : null;
}
