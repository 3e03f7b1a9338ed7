// The BankConnect data API client used by main and the CLI. Plain Node: `fetch` is passed
// in (Electron's net.fetch in the app, for system proxies; Node's fetch elsewhere).
// Every request has a timeout and honours the caller's AbortSignal; retryable failures
// are retried with backoff; every failure is a BankConnectError.
import type { DataEndpoint } from '@shared/api/endpoints';
import { parseSessionData, parseSessionStatus, SchemaMismatchError } from '@shared/api/parse';
import type { SessionData } from '@shared/api/parse';
import type { SessionStatusResponse } from '@shared/api/schemas';
import { apiErrorBodySchema } from '@shared/api/schemas';
import { JsonReadError, readJson, type DuplicateKey } from '@shared/json/read-json';
import { sessionIdProblem } from '@shared/api/session-id';
import { headerSafe, redactor, refuseCredentialsInUrl } from '../security/redact';
import { releaseBytes } from '../io/release-bytes';
import { readBodyBounded, TooLargeError } from '../io/size-ceiling';
import type { ReceivedBody } from '../session/received';
import { classifyFetchFailure, isBodyCut } from './classify';
import { apiError, BankConnectError, networkErrors, withReceived } from './api-errors';
import {
  backoffDelay,
  DEFAULT_RETRY,
  parseRetryAfter,
  pauseBeforePoll,
  RETRYABLE_STATUSES,
  sleep,
  type RetryPolicy,
} from './retry';
import { isUtf8 } from 'node:buffer';
import { nextTurn } from '../io/next-turn';
import { answerText } from './answer-text';
import { baseUrlProblem } from './base-url';

export const DEFAULT_BASE_URL = 'https://apis.bankconnect.finbox.in/bank-connect';
export const DEFAULT_API_VERSION = 'v1';
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface RetryNotice {
  readonly attempt: number;
  readonly maxAttempts: number;
  readonly delayMs: number;
  readonly reason: string;
}

export interface PollNotice {
  readonly attempt: number;
  readonly elapsedMs: number;
}

/**
 * How far a data answer is: bytes downloaded of the announced size (Content-Length, null
 * when not sent), then `check` while its JSON is read and validated.
 */
export type DataProgress = (
  stage: 'download' | 'check',
  done: number,
  total: number | null,
) => void;

export interface ClientOptions {
  readonly baseUrl?: string;
  readonly apiVersion?: string;
  readonly apiKey: string;
  readonly serverHash: string;
  readonly fetch: typeof fetch;
  readonly timeoutMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  /** The largest body read (default: the size ceiling); a seam for tests. */
  readonly maxBodyBytes?: number;
  readonly onRetry?: (notice: RetryNotice) => void;
  /** Seams for tests: randomness of the jitter, the clock. */
  readonly random?: () => number;
  readonly now?: () => number;
}

export interface WaitOptions {
  readonly signal?: AbortSignal;
  readonly onPoll?: (poll: PollNotice) => void;
  /** Give up after this long (default 10 minutes). */
  readonly deadlineMs?: number;
  /** First interval between polls; FinBox advises about 2 s (default 2000). */
  readonly intervalMs?: number;
  readonly maxIntervalMs?: number;
}

/**
 * Given a 2xx answer's bytes as received, before they are read: the answer then comes back
 * without them (`bytes` null), so a caller that keeps them elsewhere (`bcv fetch --out`
 * writes them to its file) does not hold them beside the text and value while reading.
 */
export type HandOff = (bytes: Buffer) => Promise<void>;

/** Every answer comes back as received (bytes) and as read (the validated value). */
export interface BankConnectClient {
  readonly host: string;
  sessionStatus(
    sessionId: string,
    signal?: AbortSignal,
  ): Promise<ReceivedBody<SessionStatusResponse>>;
  subscribedData(sessionId: string, signal?: AbortSignal): Promise<ReceivedBody<SessionData>>;
  /** The data of either endpoint: `subscribed_data` (the reference page's) or `insights`. */
  data(
    sessionId: string,
    endpoint: DataEndpoint,
    signal?: AbortSignal,
    onProgress?: DataProgress,
    handOff?: HandOff,
  ): Promise<ReceivedBody<SessionData>>;
  /**
   * `progress/`: which stage processing is in. Null when the server does not answer it
   * (older servers): callers do without.
   */
  progress(sessionId: string, signal?: AbortSignal): Promise<ReceivedBody<unknown> | null>;
  waitForCompletion(
    sessionId: string,
    options?: WaitOptions,
  ): Promise<ReceivedBody<SessionStatusResponse>>;
}

/** Deleting a session at FinBox (the team library's retention asks for it, nothing else). */
export interface SessionDeleter {
  /**
   * `DELETE .../delete/`: asks FinBox to delete the session. A session deleted before answers
   * 410 SESSION_DELETED: 'already deleted'. Any other failure throws.
   */
  deleteSession(sessionId: string, signal?: AbortSignal): Promise<'deleted' | 'already deleted'>;
}

type Endpoint = 'session_status' | 'progress' | 'delete' | DataEndpoint;

/** Answers meaning "this server has no progress endpoint", not "the session failed". */
const NO_PROGRESS = new Set([
  'HTTP_ERROR',
  'NOT_JSON',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  // An answer there that cannot be read says no more than none: the wait goes on without.
  'EMPTY_ANSWER',
  'MALFORMED_JSON',
  'SCHEMA_MISMATCH',
  'BAD_ENCODING',
]);

const STILL_PROCESSING = new Set(['processing', 'in_progress', 'pending']);

export function createBankConnectClient(
  options: ClientOptions,
): BankConnectClient & SessionDeleter {
  const base = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const version = options.apiVersion ?? DEFAULT_API_VERSION;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const host = new URL(base).host;
  try {
    refuseCredentialsInUrl(base);
  } catch (error) {
    throw new BankConnectError('CREDENTIALS_IN_URL', (error as Error).message);
  }
  const unusable = baseUrlProblem(base);
  if (unusable) throw new BankConnectError('INVALID_BASE_URL', `The base URL ${unusable}`);
  // Whatever a server or gateway echoes back, the credentials never reach a message.
  const redact = redactor([options.apiKey, options.serverHash]);
  const scrubbed = (error: BankConnectError): BankConnectError => {
    error.message = redact(error.message);
    return error;
  };

  const urlOf = (sessionId: string, endpoint: Endpoint): string =>
    `${base}/${encodeURIComponent(version)}/session_data/${encodeURIComponent(sessionId)}/${endpoint}/`;

  /** One HTTP exchange: the bytes and decoded JSON of a 2xx answer, or a BankConnectError. */
  async function once(
    url: string,
    signal: AbortSignal | undefined,
    onProgress: DataProgress | undefined,
    handOff: HandOff | undefined,
    method: 'GET' | 'DELETE',
  ): Promise<Answer> {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
    const failed = (error: unknown): BankConnectError => {
      if (signal?.aborted) return networkErrors.cancelled();
      if (timeout.signal.aborted) return networkErrors.timeout(host, timeoutMs);
      return classifyFetchFailure(error, host);
    };
    try {
      let response: Response;
      try {
        response = await options.fetch(url, {
          method,
          headers: {
            'x-api-key': options.apiKey,
            'server-hash': options.serverHash,
            accept: 'application/json',
          },
          signal: combined,
          // Never followed blindly: a redirect is said, with where it pointed, and not retried.
          redirect: 'manual',
        });
      } catch (error) {
        throw failed(error);
      }
      if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
        await response.body?.cancel().catch(() => undefined);
        throw networkErrors.redirected(
          host,
          response.status,
          response.headers.get('location'),
          url,
        );
      }
      const encoding = (response.headers.get('content-encoding') ?? '').trim().toLowerCase();
      const contentType = response.headers.get('content-type') ?? '';
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now());
      let bytes: Buffer | null;
      try {
        // Bounded: a body that never ends or a huge one is given up at the size ceiling.
        bytes = await readBodyBounded(response, {
          what: `The answer from ${host}`,
          limit: options.maxBodyBytes,
          onBytes:
            onProgress && response.ok
              ? (done, total) => onProgress('download', done, total)
              : undefined,
        });
      } catch (error) {
        if (error instanceof TooLargeError) {
          throw new BankConnectError('TOO_LARGE', error.message, response.status);
        }
        const cause = failed(error);
        if (cause.code === 'CANCELLED' || cause.code === 'TIMEOUT') throw cause;
        if (isUnpackFailure(error))
          throw networkErrors.badEncoding(host, response.status, encoding || 'compressed');
        if (isBodyCut(error))
          throw networkErrors.truncated(host, response.status, 'the connection closed mid-answer');
        throw cause;
      }
      // Content-Length counts the bytes on the wire: compared only when nothing unpacked
      // them (a gzipped answer unpacks to more, or fewer, bytes than it declared).
      const declared = Number(response.headers.get('content-length') ?? NaN);
      const unpacked = encoding !== '' && encoding !== 'identity';
      if (!unpacked && Number.isFinite(declared) && bytes.length < declared) {
        throw networkErrors.truncated(
          host,
          response.status,
          `${bytes.length} of ${declared} bytes`,
        );
      }
      if (onProgress && response.ok) {
        onProgress('check', bytes.length, bytes.length);
        // Reading 283 MB of JSON holds the thread for seconds: let the stage be sent first.
        await nextTurn();
      }
      const asSent = bytes;
      const decoded = answerText(bytes, contentType);
      const text = decoded.text;
      // A body in another charset goes on as UTF-8, like every JSON this app keeps.
      bytes = decoded.utf8;
      let body: unknown;
      let duplicateKeys: readonly DuplicateKey[] = [];
      const looksLikeJson = /^\uFEFF?\s*[[{"\-0-9tfn]/.test(text);
      if (!looksLikeJson) {
        if (response.ok || !RETRYABLE_STATUSES.has(response.status)) {
          if (text.trim() === '') {
            if (!response.ok) throw networkErrors.http(host, response.status, false);
            throw withReceived(networkErrors.empty(host, response.status), asSent);
          }
          const notJson = networkErrors.notJson(
            host,
            response.status,
            contentType.split(';')[0]!.trim(),
          );
          throw response.ok ? withReceived(notJson, asSent) : notJson;
        }
        throw withRetryAfter(networkErrors.http(host, response.status, true), retryAfterMs);
      }
      if (response.ok && handOff) {
        try {
          await handOff(bytes);
        } catch (error) {
          throw new HandOffFailed(error);
        }
        // Let go only when the text encodes back to exactly these bytes (valid UTF-8), so
        // an answer that then cannot be read is still had byte for byte.
        if (bytes === asSent && isUtf8(asSent)) {
          releaseBytes(bytes);
          bytes = null;
        }
      }
      const kept = bytes === null ? null : asSent;
      const received = (): Buffer => kept ?? Buffer.from(text, 'utf8');
      try {
        ({ value: body, duplicates: duplicateKeys } = readJson(text));
      } catch (error) {
        if (error instanceof JsonReadError && error.code === 'TOO_DEEP') {
          const deep = new BankConnectError(
            'SCHEMA_MISMATCH',
            `The answer from ${host}: ${error.message}`,
          );
          throw response.ok ? withReceived(deep, received()) : deep;
        }
        // JSON that stops short was cut (tried again); JSON broken before its end is what
        // the server sent (trying again would get the same).
        const malformed = endsEarly(error, text)
          ? networkErrors.truncated(host, response.status, 'the JSON ends early')
          : networkErrors.malformed(host, response.status, (error as Error).message);
        throw response.ok ? withReceived(malformed, received()) : malformed;
      }
      // A 200 carrying an error body (some gateways answer so): the error, by its code.
      const errorBody = apiErrorBodySchema.safeParse(body);
      if (
        response.ok &&
        errorBody.success &&
        !(typeof body === 'object' && body !== null && 'accounts' in body)
      ) {
        const { code, message } = errorBody.data.error;
        throw apiError(code, message, response.status, false);
      }
      if (response.ok && (typeof body !== 'object' || body === null)) {
        const shape = networkErrors.notAnObject(host, response.status, body);
        throw withReceived(shape, received());
      }
      if (response.ok) return { bytes, received, body, duplicateKeys };
      if (errorBody.success) {
        const { code, message } = errorBody.data.error;
        throw withRetryAfter(
          apiError(code, message, response.status, RETRYABLE_STATUSES.has(response.status)),
          retryAfterMs,
        );
      }
      throw withRetryAfter(
        networkErrors.http(host, response.status, RETRYABLE_STATUSES.has(response.status)),
        retryAfterMs,
      );
    } finally {
      clearTimeout(timer);
    }
  }

  async function get(
    sessionId: string,
    endpoint: Endpoint,
    signal: AbortSignal | undefined,
    onProgress?: DataProgress,
    handOff?: HandOff,
    method: 'GET' | 'DELETE' = 'GET',
  ): Promise<Answer> {
    // Checked before any request: the id becomes a path segment (and later a folder).
    const problem = sessionIdProblem(sessionId.trim());
    if (problem) throw new BankConnectError('INVALID_SESSION_ID', `Invalid session id: ${problem}`);
    // A key a header cannot carry fails every time (and fetch would echo it): said at once.
    for (const [what, value] of [
      ['API key', options.apiKey],
      ['server hash', options.serverHash],
    ] as const) {
      if (!headerSafe(value)) {
        throw new BankConnectError(
          'INVALID_CREDENTIALS',
          value === ''
            ? `The ${what} is not set`
            : `The ${what} has characters a request header cannot carry (a line break, a non-ASCII character or a space at an end): enter it again`,
        );
      }
    }
    const url = urlOf(sessionId.trim(), endpoint);
    const started = now();
    for (let attempt = 1; ; attempt++) {
      try {
        return await once(url, signal, onProgress, handOff, method);
      } catch (error) {
        if (error instanceof HandOffFailed) throw error.cause;
        const failure = scrubbed(
          error instanceof BankConnectError ? error : classifyFetchFailure(error, host),
        );
        if (!failure.retryable || attempt >= policy.maxAttempts) throw failure;
        const asked = retryAfterOf(failure);
        const delay = asked ?? backoffDelay(policy, attempt, random);
        if (now() - started + delay > policy.maxTotalMs) throw failure;
        options.onRetry?.({
          attempt,
          maxAttempts: policy.maxAttempts,
          delayMs: delay,
          reason: failure.message,
        });
        try {
          await sleep(delay, signal);
        } catch {
          throw networkErrors.cancelled();
        }
      }
    }
  }

  async function sessionStatus(
    sessionId: string,
    signal?: AbortSignal,
  ): Promise<ReceivedBody<SessionStatusResponse>> {
    return validated(await get(sessionId, 'session_status', signal), parseSessionStatus);
  }

  async function subscribedData(
    sessionId: string,
    signal?: AbortSignal,
  ): Promise<ReceivedBody<SessionData>> {
    return data(sessionId, 'subscribed_data', signal);
  }

  async function data(
    sessionId: string,
    endpoint: DataEndpoint,
    signal?: AbortSignal,
    onProgress?: DataProgress,
    handOff?: HandOff,
  ): Promise<ReceivedBody<SessionData>> {
    const what = `The ${endpoint} response`;
    return validated(await get(sessionId, endpoint, signal, onProgress, handOff), (v) =>
      parseSessionData(v, what),
    );
  }

  async function progress(
    sessionId: string,
    signal?: AbortSignal,
  ): Promise<ReceivedBody<unknown> | null> {
    try {
      return validated(await get(sessionId, 'progress', signal), (v) => v);
    } catch (error) {
      // Not served here (404 page, no BankConnect body): the wait goes on without it.
      if (error instanceof BankConnectError && NO_PROGRESS.has(error.code)) return null;
      throw error;
    }
  }

  async function waitForCompletion(
    sessionId: string,
    wait: WaitOptions = {},
  ): Promise<ReceivedBody<SessionStatusResponse>> {
    const started = now();
    const deadline = wait.deadlineMs ?? 10 * 60_000;
    let interval = wait.intervalMs ?? 2_000;
    const maxInterval = wait.maxIntervalMs ?? 15_000;
    for (let attempt = 1; ; attempt++) {
      let status: ReceivedBody<SessionStatusResponse> | null = null;
      try {
        status = await sessionStatus(sessionId, wait.signal);
      } catch (error) {
        if (!(error instanceof BankConnectError) || error.code !== 'PROCESSING_NOT_COMPLETED')
          throw error;
      }
      if (
        status &&
        !status.value.accounts.some((a) =>
          STILL_PROCESSING.has(String(a.account_status).toLowerCase()),
        )
      )
        return status;
      const elapsedMs = now() - started;
      wait.onPoll?.({ attempt, elapsedMs });
      interval = await pauseBeforePoll(
        sessionId,
        elapsedMs,
        interval,
        { deadlineMs: deadline, maxIntervalMs: maxInterval },
        wait.signal,
        Math.round(interval * (0.8 + random() * 0.4)),
      );
    }
  }

  async function deleteSession(
    sessionId: string,
    signal?: AbortSignal,
  ): Promise<'deleted' | 'already deleted'> {
    try {
      await get(sessionId, 'delete', signal, undefined, undefined, 'DELETE');
      return 'deleted';
    } catch (error) {
      if (error instanceof BankConnectError && error.code === 'SESSION_DELETED') {
        return 'already deleted';
      }
      throw error;
    }
  }

  return { host, sessionStatus, subscribedData, data, progress, waitForCompletion, deleteSession };
}

/** Where JSON.parse stopped: at (or past) the text's end means the JSON was cut short. */
function endsEarly(error: unknown, text: string): boolean {
  const message = error instanceof Error ? error.message : '';
  if (/end of JSON input/i.test(message)) return true;
  const at = /at position (\d+)/.exec(message);
  const length = text.replace(/^\uFEFF/, '').trimEnd().length;
  return at !== null && Number(at[1]) >= length;
}

/** The body would not unpack (labelled gzip, deflate, br or zstd but not that). */
function isUnpackFailure(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^Z_|^ERR_ZSTD|^ERR__?BROTLI|DECOMPRESS/i.test(code))
      return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** What a hand-off threw (the caller's own failure, a full disk): passed on, never retried. */
class HandOffFailed {
  constructor(readonly cause: unknown) {}
}

/** A 2xx answer: its bytes, the decoded body and any keys it gives twice. */
interface Answer {
  /** Null when handed off before reading. */
  readonly bytes: Buffer | null;
  /** The bytes as received, kept or encoded back from their text (an error carries them). */
  readonly received: () => Buffer;
  readonly body: unknown;
  readonly duplicateKeys?: readonly DuplicateKey[];
}

function validated<T>(answer: Answer, parse: (value: unknown) => T): ReceivedBody<T> {
  try {
    return { bytes: answer.bytes, value: parse(answer.body), duplicateKeys: answer.duplicateKeys };
  } catch (error) {
    if (error instanceof SchemaMismatchError)
      throw withReceived(new BankConnectError('SCHEMA_MISMATCH', error.message), answer.received());
    throw error;
  }
}

// The Retry-After of a failed answer, kept beside the error rather than on it.
const RETRY_AFTER = new WeakMap<BankConnectError, number>();

function withRetryAfter(error: BankConnectError, ms: number | null): BankConnectError {
  if (ms !== null) RETRY_AFTER.set(error, ms);
  return error;
}

function retryAfterOf(error: BankConnectError): number | null {
  return RETRY_AFTER.get(error) ?? null;
}
