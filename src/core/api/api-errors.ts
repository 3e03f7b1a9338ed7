// Every way a BankConnect call can fail, as one error type with a code and a one-line
// message a person understands. Messages name the host, never a credential, and no raw
// network error is attached (a cause could carry request details).
import { API_ERRORS, isApiErrorCode } from '@shared/api/error-codes';
import { formatSeconds } from '@shared/format/value';
import { CoreError } from '../core-error';

export type NetworkErrorCode =
  | 'TIMEOUT'
  | 'CANCELLED'
  | 'CONNECTION_REFUSED'
  | 'DNS_FAILURE'
  | 'TLS_FAILURE'
  | 'PROXY_FAILURE'
  | 'NETWORK_ERROR'
  | 'NOT_JSON'
  | 'TRUNCATED_BODY'
  | 'SCHEMA_MISMATCH'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'HTTP_ERROR'
  | 'WAIT_TIMEOUT'
  | 'REDIRECTED'
  | 'BAD_ENCODING'
  | 'MALFORMED_JSON'
  | 'EMPTY_ANSWER';

export class BankConnectError extends CoreError {
  override readonly name = 'BankConnectError';
  constructor(
    /** A documented API code (SESSION_NOT_FOUND...), an unknown code as the API sent it, or a NetworkErrorCode. */
    code: string,
    message: string,
    /** The HTTP status when the server answered, else null. */
    readonly status: number | null = null,
    /** Whether trying again later may succeed (used by the retry loop). */
    readonly retryable = false,
  ) {
    super(code, message);
  }
}

/** The error for a documented (or unknown) API error body. */
export function apiError(
  code: string,
  message: string | null | undefined,
  status: number,
  retryable = false,
): BankConnectError {
  // The server's words are kept, on one line; a "code" that is not one (a terminal escape,
  // a sentence) is shown quoted in the message and the error goes by API_ERROR.
  const said = message ? message.replace(/[\r\n\u0085\u2028\u2029]+/g, ' ') : null;
  if (!CODE_SHAPED.test(code)) {
    const quoted = JSON.stringify(code.length > 60 ? `${code.slice(0, 60)}…` : code);
    return new BankConnectError(
      'API_ERROR',
      `${said || 'The server answered an error'} (with the code ${quoted}, which is not one)`,
      status,
      retryable,
    );
  }
  const documented = isApiErrorCode(code) ? API_ERRORS[code].message : null;
  return new BankConnectError(code, said || documented || code, status, retryable);
}

const CODE_SHAPED = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;

export const networkErrors = {
  timeout: (host: string, ms: number) =>
    new BankConnectError('TIMEOUT', `No answer from ${host} within ${formatSeconds(ms)}`),
  cancelled: () => new BankConnectError('CANCELLED', 'Cancelled'),
  refused: (host: string) =>
    new BankConnectError(
      'CONNECTION_REFUSED',
      `${host} refused the connection: check the address and that the service is up`,
      null,
      true,
    ),
  dns: (host: string) =>
    new BankConnectError(
      'DNS_FAILURE',
      `${host} could not be found (DNS lookup failed): check the address, the network or the proxy`,
    ),
  tls: (host: string) =>
    new BankConnectError(
      'TLS_FAILURE',
      `A secure connection to ${host} could not be made (certificate or TLS problem): a proxy may be intercepting HTTPS`,
    ),
  proxy: (host: string) =>
    new BankConnectError(
      'PROXY_FAILURE',
      `The proxy did not let the connection to ${host} through: check the system proxy settings`,
    ),
  network: (host: string, detail: string) =>
    new BankConnectError(
      'NETWORK_ERROR',
      `The connection to ${host} failed (${detail})`,
      null,
      true,
    ),
  notJson: (host: string, status: number, contentType: string) =>
    new BankConnectError(
      'NOT_JSON',
      `${host} answered with a web page, not BankConnect data (HTTP ${status}, ${contentType || 'no content type'}): a proxy or sign-in page may be in the way`,
      status,
    ),
  redirected: (host: string, status: number, location: string | null, from: string) => {
    let where = 'without saying where';
    if (location !== null) {
      let target = location;
      try {
        target = new URL(location, from).href;
      } catch {
        // Not a URL: said as sent.
      }
      where = `to ${target.length > 300 ? `${target.slice(0, 300)}…` : target}`;
    }
    return new BankConnectError(
      'REDIRECTED',
      `${host} sent the request elsewhere (HTTP ${status}, ${where}): not followed, since the credentials would go with it; check the base URL`,
      status,
    );
  },
  badEncoding: (host: string, status: number, encoding: string) =>
    new BankConnectError(
      'BAD_ENCODING',
      `The answer from ${host} (HTTP ${status}) says it is ${encoding}-compressed but does not unpack: the server or a proxy in the way sent it damaged`,
      status,
    ),
  malformed: (host: string, status: number, detail: string) =>
    new BankConnectError(
      'MALFORMED_JSON',
      `The answer from ${host} (HTTP ${status}) is complete but not valid JSON (${detail.replace(/^.*? is not JSON \(|\)$/g, '').slice(0, 200)}): not BankConnect data`,
      status,
    ),
  empty: (host: string, status: number) =>
    new BankConnectError(
      'EMPTY_ANSWER',
      `${host} answered HTTP ${status} with an empty body: no BankConnect data came`,
      status,
    ),
  notAnObject: (host: string, status: number, value: unknown) =>
    new BankConnectError(
      'SCHEMA_MISMATCH',
      `The answer from ${host} (HTTP ${status}) is the JSON ${value === null ? 'null' : Array.isArray(value) ? 'list' : typeof value}, not a BankConnect object`,
      status,
    ),
  truncated: (host: string, status: number, detail: string) =>
    new BankConnectError(
      'TRUNCATED_BODY',
      `The answer from ${host} was cut off before it ended (${detail}): the connection dropped`,
      status,
      true,
    ),
  http: (host: string, status: number, retryable: boolean) => {
    if (status === 429)
      return new BankConnectError(
        'RATE_LIMITED',
        `${host} is limiting requests (HTTP 429): try again in a minute`,
        status,
        true,
      );
    if (retryable)
      return new BankConnectError(
        'SERVICE_UNAVAILABLE',
        `${host} is unavailable (HTTP ${status}): try again in a few minutes`,
        status,
        true,
      );
    return new BankConnectError(
      'HTTP_ERROR',
      `${host} answered HTTP ${status} without a BankConnect error code`,
      status,
    );
  },
  waitTimeout: (sessionId: string, ms: number) =>
    new BankConnectError(
      'WAIT_TIMEOUT',
      `Session ${sessionId} was still processing after ${formatSeconds(ms)}: try again later`,
    ),
};

// A 200 answer that could not be read at all (not JSON, malformed, no readable account):
// its bytes are kept beside the error, so `bcv fetch --out` can still write what came.
const RECEIVED = new WeakMap<BankConnectError, Buffer>();

export function withReceived(error: BankConnectError, bytes: Buffer): BankConnectError {
  RECEIVED.set(error, bytes);
  return error;
}

/** The bytes of the answer this error is about, when it was a 200 that could not be read. */
export function receivedOf(error: unknown): Buffer | null {
  return error instanceof BankConnectError ? (RECEIVED.get(error) ?? null) : null;
}
