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
  | 'schema';

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
  | { readonly kind: 'bad-shape' };

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
    case 'truncated':
      return { kind: 'truncate' };
    case 'slow':
      return { kind: 'hang' };
    case 'schema':
      return { kind: 'bad-shape' };
  }
}
