// Session ids that make the sandbox misbehave the way real networks and proxies do, so
// the client's retries, timeouts and error messages can be tested over real HTTP:
//   fault-rate-limit     429 with `Retry-After: 1` (seconds) once, then the data
//   fault-unavailable    503 with `Retry-After` as an HTTP date once, then the data
//   fault-flaky          502 twice (no Retry-After), then the data
//   fault-always-429     429 every time
//   fault-server-error   500 with a non-documented body every time
//   fault-html           200 with a proxy's HTML page
//   fault-truncated      the body stops half way (the connection drops)
//   fault-slow           no answer until the client gives up
//   fault-schema         200 with JSON that is not the documented shape
//   fault-echo-403       403 ACCESS_DENIED whose message repeats the request headers,
//                        credentials included (as some gateways do)
//   fault-endless        200 with a JSON body that never ends (no Content-Length)
//   fault-huge           200 declaring a body of 8 GiB (Content-Length), then sending it
//   fault-redirect       302 to a sign-in page on another host (a gateway in the way)
// Append `~anything` to get a fresh set of counters (e.g. `fault-rate-limit~t1`).

export type FaultKind =
  | 'rate-limit'
  | 'unavailable'
  | 'flaky'
  | 'always-429'
  | 'server-error'
  | 'html'
  | 'truncated'
  | 'slow'
  | 'schema'
  | 'echo-403'
  | 'endless'
  | 'huge'
  | 'redirect';

const KINDS: readonly FaultKind[] = [
  'rate-limit',
  'unavailable',
  'flaky',
  'always-429',
  'server-error',
  'html',
  'truncated',
  'slow',
  'schema',
  'echo-403',
  'endless',
  'huge',
  'redirect',
];

export function faultOf(baseId: string): FaultKind | null {
  if (!baseId.startsWith('fault-')) return null;
  const kind = baseId.slice('fault-'.length) as FaultKind;
  return KINDS.includes(kind) ? kind : null;
}

export type FaultAction =
  | { readonly kind: 'serve' }
  | {
      readonly kind: 'status';
      readonly status: number;
      readonly headers?: Record<string, string>;
      readonly body: string;
      readonly type: string;
    }
  | { readonly kind: 'truncate' }
  | { readonly kind: 'hang' }
  | { readonly kind: 'bad-shape' }
  | { readonly kind: 'echo-headers' }
  | { readonly kind: 'endless'; readonly declaredBytes: number | null };

/** The body of fault-echo-403: the headers the request came with, word for word. */
export function echoedHeadersBody(headers: Readonly<Record<string, unknown>>): string {
  const said = Object.entries(headers)
    .map(([name, value]) => `${name}: ${String(value)}`)
    .join('; ');
  return JSON.stringify({
    error: {
      code: 'ACCESS_DENIED',
      message: `Forbidden by gateway policy. Request headers: ${said}`,
    },
  });
}

/** Endless and huge bodies are this JSON array, one element after another. */
export const ENDLESS_HEAD = '{"session_id":"fault","accounts":[';
export const ENDLESS_ITEM = `"${'x'.repeat(1022)}",`;

export const PROXY_PAGE = `<!DOCTYPE html><html><head><title>Access blocked</title></head><body><h1>Web Page Blocked</h1><p>Access to this site is blocked by your organisation's proxy policy.</p></body></html>`;

/** What to do for the `attempt`-th request (1-based) to one endpoint of a faulty session. */
export function faultAction(kind: FaultKind, attempt: number, now: Date): FaultAction {
  const json = 'application/json';
  switch (kind) {
    case 'rate-limit':
      return attempt === 1
        ? {
            kind: 'status',
            status: 429,
            headers: { 'Retry-After': '1' },
            body: '{"detail":"Too many requests"}',
            type: json,
          }
        : { kind: 'serve' };
    case 'unavailable':
      return attempt === 1
        ? {
            kind: 'status',
            status: 503,
            headers: { 'Retry-After': new Date(now.getTime() + 2000).toUTCString() },
            body: '{"detail":"Service unavailable"}',
            type: json,
          }
        : { kind: 'serve' };
    case 'flaky':
      return attempt <= 2
        ? { kind: 'status', status: 502, body: '{"detail":"Bad gateway"}', type: json }
        : { kind: 'serve' };
    case 'always-429':
      return {
        kind: 'status',
        status: 429,
        headers: { 'Retry-After': '1' },
        body: '{"detail":"Too many requests"}',
        type: json,
      };
    case 'server-error':
      return {
        kind: 'status',
        status: 500,
        body: '{"detail":"Internal server error"}',
        type: json,
      };
    case 'html':
      return { kind: 'status', status: 200, body: PROXY_PAGE, type: 'text/html; charset=utf-8' };
    case 'redirect':
      return {
        kind: 'status',
        status: 302,
        headers: { Location: 'https://login.example/sso?next=/bank-connect' },
        body: PROXY_PAGE,
        type: 'text/html; charset=utf-8',
      };
    case 'truncated':
      return { kind: 'truncate' };
    case 'slow':
      return { kind: 'hang' };
    case 'schema':
      return { kind: 'bad-shape' };
    case 'echo-403':
      return { kind: 'echo-headers' };
    case 'endless':
      return { kind: 'endless', declaredBytes: null };
    case 'huge':
      return { kind: 'endless', declaredBytes: 8 * 1024 ** 3 };
  }
}
