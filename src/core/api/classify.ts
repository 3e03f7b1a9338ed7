// Turns what `fetch` throws into a BankConnectError. Node's fetch (undici) puts an errno
// code on `cause`; Electron's net.fetch (Chromium's stack) says `net::ERR_...` in the
// message. Both are recognised.
import { BankConnectError, networkErrors } from './api-errors';

function codesOf(error: unknown): string[] {
  const found: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    if (typeof current !== 'object') break;
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string') found.push(code);
    if (typeof message === 'string') {
      const net = /net::(ERR_[A-Z_]+)/.exec(message);
      if (net?.[1]) found.push(net[1]);
    }
    current = (current as { cause?: unknown }).cause;
  }
  return found;
}

export function classifyFetchFailure(error: unknown, host: string): BankConnectError {
  if (error instanceof BankConnectError) return error;
  // fetch throws a bare TypeError (no network cause) for a request it cannot even build:
  // trying again cannot help.
  if (error instanceof TypeError && (error as { cause?: unknown }).cause === undefined) {
    return new BankConnectError(
      'INVALID_REQUEST',
      `The request to ${host} cannot be made (${error.message.split('\n')[0]})`,
    );
  }
  const codes = codesOf(error);
  const has = (test: (code: string) => boolean): boolean => codes.some(test);
  if (has((c) => c === 'ECONNREFUSED' || c === 'ERR_CONNECTION_REFUSED'))
    return networkErrors.refused(host);
  if (has((c) => c === 'ENOTFOUND' || c === 'EAI_AGAIN' || c === 'ERR_NAME_NOT_RESOLVED'))
    return networkErrors.dns(host);
  if (has((c) => c.startsWith('ERR_PROXY') || c === 'ERR_TUNNEL_CONNECTION_FAILED'))
    return networkErrors.proxy(host);
  if (
    has(
      (c) =>
        c.startsWith('CERT_') ||
        c.startsWith('ERR_CERT') ||
        c.startsWith('ERR_SSL') ||
        c.startsWith('ERR_TLS') ||
        c.includes('SELF_SIGNED') ||
        c.startsWith('UNABLE_TO_') ||
        c === 'DEPTH_ZERO_SELF_SIGNED_CERT',
    )
  )
    return networkErrors.tls(host);
  const detail =
    codes[0] ?? (error instanceof Error ? error.message.split('\n')[0]! : 'unknown error');
  return networkErrors.network(host, detail);
}

/** A failure while reading the body after the headers arrived: the body was cut. */
export function isBodyCut(error: unknown): boolean {
  const codes = codesOf(error);
  if (
    codes.some(
      (c) =>
        c === 'UND_ERR_SOCKET' ||
        c === 'ECONNRESET' ||
        c === 'ERR_CONTENT_LENGTH_MISMATCH' ||
        c === 'ERR_CONNECTION_CLOSED',
    )
  )
    return true;
  return error instanceof Error && /terminated|other side closed/i.test(error.message);
}
