// What a snapshot holds once read, whichever format it was saved in: both responses, checked
// against the documented shapes, and the keys the saved JSON gave twice.
import { dataSessionId, parseSessionData, parseSessionStatus } from '@shared/api/parse';
import type { SessionData } from '@shared/api/parse';
import type { DataEndpoint } from '@shared/api/endpoints';
import type { SessionStatusResponse } from '@shared/api/schemas';
import type { DuplicateKey } from '@shared/json/read-json';
import { LibraryError } from './library-errors';

export interface SessionPayload {
  readonly sessionStatus: SessionStatusResponse | null;
  readonly subscribedData: SessionData;
  /** Keys the saved JSON gives twice in one object (paths into the file's JSON). */
  readonly duplicateKeys?: readonly DuplicateKey[];
  /** Which endpoint answered with the data (absent in files saved before there were two). */
  readonly endpoint?: DataEndpoint;
}

/** Both responses checked against the documented shapes (errors name the JSON path). */
export function validatePayload(
  status: unknown,
  data: unknown,
  endpoint?: DataEndpoint,
): SessionPayload {
  if (data === null || data === undefined) {
    throw new LibraryError('NO_DATA', 'there is no subscribed_data response to keep');
  }
  const payload: SessionPayload = {
    sessionStatus: status === null || status === undefined ? null : parseSessionStatus(status),
    subscribedData: parseSessionData(data),
    ...(endpoint ? { endpoint } : {}),
  };
  sessionIdOfPayload(payload);
  return payload;
}

/** The session id of a payload: the data response's, else session_status's. */
export function sessionIdOfPayload(payload: SessionPayload): string {
  const id = dataSessionId(payload.subscribedData) ?? payload.sessionStatus?.session_id;
  if (!id) throw new LibraryError('CORRUPT', 'the data response names no session id');
  return id;
}
