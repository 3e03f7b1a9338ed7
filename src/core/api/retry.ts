// Backoff with full jitter (AWS architecture blog, "Exponential Backoff and Jitter") and
// the Retry-After header in both forms RFC 9110 allows: seconds or an HTTP date; and the
// pause between two polls of a session still processing.
import { networkErrors } from './api-errors';

export interface RetryPolicy {
  /** Tries in all, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** No retry starts once this much time has gone since the first try. */
  readonly maxTotalMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxTotalMs: 60_000,
};

/** HTTP statuses worth another try: timeouts, rate limits and gateway trouble. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 502, 503, 504]);

/** Delay before try `attempt + 1` (attempt counts from 1): uniform in [0, min(max, base * 2^(attempt-1))]. */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/** Milliseconds to wait from a Retry-After value, or null when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (!value) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export interface PollLimits {
  /** No poll starts once this much time has gone since the first. */
  readonly deadlineMs: number;
  /** The pause grows by half each poll, up to this. */
  readonly maxIntervalMs: number;
}

/**
 * The pause before the next poll of a session still processing: a pause that would end
 * past the deadline is a wait timeout instead, a cancel during it is `cancelled`. Sleeps
 * `pauseMs` (the interval, or the interval with jitter) and gives the next interval.
 */
export async function pauseBeforePoll(
  sessionId: string,
  elapsedMs: number,
  intervalMs: number,
  limits: PollLimits,
  signal: AbortSignal | undefined,
  pauseMs = intervalMs,
): Promise<number> {
  if (elapsedMs + intervalMs > limits.deadlineMs) {
    throw networkErrors.waitTimeout(sessionId, elapsedMs);
  }
  try {
    await sleep(pauseMs, signal);
  } catch {
    throw networkErrors.cancelled();
  }
  return Math.min(limits.maxIntervalMs, intervalMs * 1.5);
}
