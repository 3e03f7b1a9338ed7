// Waiting for enrichment. Processing has two stages: uploads complete first (session_status
// says completed), enrichment finishes later, and until then the data endpoint answers
// PROCESSING_NOT_COMPLETED. So a client that waits keeps polling the data endpoint, within
// the same deadline and cancel as the status wait. When the server answers `progress/`,
// its stages go into the progress message; when it does not, the wait does without.
import type { DataEndpoint } from '@shared/api/endpoints';
import type { SessionData } from '@shared/api/parse';
import type { BankConnectClient, DataProgress, HandOff } from '../api/client';
import { BankConnectError, networkErrors } from '../api/api-errors';
import { pauseBeforePoll } from '../api/retry';
import type { ReceivedBody } from './received';

export interface EnrichmentWait {
  readonly signal?: AbortSignal;
  /** When the whole wait began, and how long it may take in all (ms). */
  readonly startedAt: number;
  readonly deadlineMs: number;
  readonly intervalMs: number;
  readonly maxIntervalMs: number;
  readonly now: () => number;
  readonly onPoll?: (attempt: number, elapsedMs: number, stage: string) => void;
  /** The data answer's own progress once it comes (bytes, then checking). */
  readonly onData?: DataProgress;
  /** The data answer's bytes before they are read (the client's HandOff). */
  readonly handOff?: HandOff;
}

/** "uploads complete, enrichment in progress", with FinBox's per-statement stages when sent. */
export function enrichmentStage(progress: unknown): string {
  const base = 'uploads complete, enrichment in progress';
  if (typeof progress !== 'object' || progress === null) return base;
  const record = progress as Record<string, unknown>;
  const statements = Array.isArray(record['statements']) ? record['statements'] : [];
  const done = statements.filter((s) => {
    const st = (s ?? {}) as Record<string, unknown>;
    return st['processing_status'] === 'completed' && st['fraud_status'] !== 'processing';
  }).length;
  const session =
    typeof record['session_progress'] === 'string' ? record['session_progress'] : null;
  const parts = [session ? `FinBox says ${session}` : null];
  if (statements.length > 0) parts.push(`${done} of ${statements.length} statements enriched`);
  const said = parts.filter(Boolean).join('; ');
  return said ? `${base} (${said})` : base;
}

function stillProcessing(error: unknown): boolean {
  return error instanceof BankConnectError && error.code === 'PROCESSING_NOT_COMPLETED';
}

/** The data, polling while it answers PROCESSING_NOT_COMPLETED. */
export async function waitForData(
  client: BankConnectClient,
  sessionId: string,
  endpoint: DataEndpoint,
  wait: EnrichmentWait,
): Promise<ReceivedBody<SessionData>> {
  let interval = wait.intervalMs;
  let progressServed = true;
  for (let attempt = 1; ; attempt++) {
    try {
      return await client.data(sessionId, endpoint, wait.signal, wait.onData, wait.handOff);
    } catch (error) {
      if (!stillProcessing(error)) throw error;
    }
    let stage = enrichmentStage(null);
    if (progressServed) {
      const progress = await client.progress(sessionId, wait.signal).catch((error: unknown) => {
        if (wait.signal?.aborted) throw networkErrors.cancelled();
        // A progress answer is a nicety: any failure of it leaves the wait as it was.
        return error instanceof BankConnectError && error.code === 'PROCESSING_NOT_COMPLETED'
          ? undefined
          : null;
      });
      if (progress === null) progressServed = false;
      else if (progress) stage = enrichmentStage(progress.value);
    }
    const elapsedMs = wait.now() - wait.startedAt;
    wait.onPoll?.(attempt, elapsedMs, stage);
    interval = await pauseBeforePoll(sessionId, elapsedMs, interval, wait, wait.signal);
  }
}
