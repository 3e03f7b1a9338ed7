// FinBox's own Excel report, downloaded from the presigned `xlsx_report_url` a response
// carries. The link comes only from the received response (callers pass what the session
// holds), only https (or the sandbox's http on 127.0.0.1) is followed, redirects included;
// the body is read within the size ceiling, must be an xlsx (a zip: `PK\x03\x04`) before it
// is kept, and is written with safe-write, so a failure leaves any earlier file untouched.
import { classifyFetchFailure } from '../api/classify';
import { CoreError } from '../core-error';
import { readBodyBounded } from '../io/size-ceiling';
import { writeFileSafely, type LibraryFs } from '../io/safe-write';

export const REPORT_LINK_EXPIRED =
  "FinBox's report link has expired (links last one hour); fetch the session again for a new one";

const TIMEOUT_MS = 120_000;
const MAX_REDIRECTS = 3;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export interface FinboxReportRequest {
  readonly fetch: typeof fetch;
  /** The link as the response carried it. */
  readonly url: string;
  readonly signal?: AbortSignal;
  /** The largest report read (default: the size ceiling); a seam for tests. */
  readonly maxBytes?: number;
  readonly timeoutMs?: number;
}

export interface FinboxReportOptions extends FinboxReportRequest {
  readonly destination: string;
  readonly fs?: LibraryFs;
}

/** The link as a URL the download may follow, or a one-line refusal. */
export function reportLink(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new CoreError('BAD_REPORT_LINK', "FinBox's report link is not a valid URL: refused");
  }
  const loopback = url.protocol === 'http:' && url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !loopback) {
    throw new CoreError(
      'BAD_REPORT_LINK',
      `FinBox's report link is not https (${url.protocol.replace(':', '')}): refused`,
    );
  }
  if (url.username || url.password) {
    throw new CoreError('BAD_REPORT_LINK', "FinBox's report link carries a user name: refused");
  }
  return url;
}

/** What went wrong with the request or its body, in one line. */
function failed(
  options: FinboxReportRequest,
  signal: AbortSignal,
  error: unknown,
  host: string,
): CoreError {
  if (options.signal?.aborted)
    return new CoreError('CANCELLED', 'Download cancelled; nothing was saved');
  if (signal.aborted) {
    return new CoreError('TIMEOUT', "FinBox's report did not arrive in time; nothing was saved");
  }
  return classifyFetchFailure(error, host);
}

async function get(options: FinboxReportRequest, signal: AbortSignal): Promise<Response> {
  let url = reportLink(options.url);
  for (let hop = 0; ; hop++) {
    let response: Response;
    try {
      response = await options.fetch(url, { redirect: 'manual', signal });
    } catch (error) {
      throw failed(options, signal, error, url.host);
    }
    const location = response.headers.get('location');
    if (response.status < 300 || response.status > 399 || !location) return response;
    await response.body?.cancel().catch(() => undefined);
    if (hop === MAX_REDIRECTS) {
      throw new CoreError('REPORT_DOWNLOAD_FAILED', "FinBox's report link redirects too often");
    }
    url = reportLink(new URL(location, url).href);
  }
}

function isZip(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

/** The report's bytes (checked to be an xlsx), read within the size ceiling. */
export async function fetchFinboxReport(options: FinboxReportRequest): Promise<Buffer> {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const response = await get(options, signal);
  if (response.status === 403) {
    // S3 (and the sandbox) answer an expired presigned link with 403 AccessDenied.
    await response.body?.cancel().catch(() => undefined);
    throw new CoreError('REPORT_LINK_EXPIRED', REPORT_LINK_EXPIRED);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new CoreError(
      'REPORT_DOWNLOAD_FAILED',
      `FinBox's report link answered HTTP ${response.status}; nothing was saved`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readBodyBounded(response, {
      what: "FinBox's report",
      ...(options.maxBytes !== undefined ? { limit: options.maxBytes } : {}),
    });
  } catch (error) {
    if (error instanceof CoreError) throw error;
    throw failed(options, signal, error, new URL(options.url).host);
  }
  if (!isZip(bytes)) {
    const type = response.headers.get('content-type')?.split(';')[0] ?? 'no content type';
    throw new CoreError(
      'NOT_XLSX',
      `FinBox's report link did not answer an Excel file (${type}, ${bytes.length} bytes); nothing was saved`,
    );
  }
  return bytes;
}

/** Downloads the report to `destination`; resolves to its size in bytes. */
export async function downloadFinboxReport(options: FinboxReportOptions): Promise<number> {
  const bytes = await fetchFinboxReport(options);
  await writeFileSafely(options.destination, bytes, options.fs ? { fs: options.fs } : {});
  return bytes.length;
}
