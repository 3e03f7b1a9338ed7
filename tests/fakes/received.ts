// Responses as the client hands them over: a value with the bytes it was read from.
import type { SessionStatusResponse } from '../../src/shared/api/schemas';
import type { RawResponses, ReceivedBody } from '../../src/core/session/received';

export function received<T>(value: T): ReceivedBody<T> {
  return { bytes: Buffer.from(JSON.stringify(value)), value };
}

export function rawOf(
  sessionStatus: SessionStatusResponse | null,
  subscribedData: unknown,
): RawResponses {
  return {
    sessionStatus: sessionStatus ? received(sessionStatus) : null,
    data: subscribedData === null ? null : received(subscribedData),
    endpoint: 'subscribed_data',
  };
}
