// Opening a session from BankConnect, the one way the app (session:fetch, session:refresh,
// session:status) and the CLI (fetch, export <session-id>, status) do it: the statuses
// (waiting while processing, with progress), the data call, validation, normalisation and
// where it came from.
import { DEFAULT_DATA_ENDPOINT, type DataEndpoint } from '@shared/api/endpoints';
import { API_ERRORS, isApiErrorCode } from '@shared/api/error-codes';
import type { SessionData } from '@shared/api/parse';
import { formatSeconds } from '@shared/format/value';
import type { SessionStatusResponse } from '@shared/api/schemas';
import { normalizeSessionStatus } from '@shared/model/normalize-status';
import type { SessionStatusView, SessionView } from '@shared/model/view-model';
import type { Provenance } from '@shared/session/provenance';
import { stageMessage, type ProgressStage } from '@shared/session/progress';
import type { BankConnectClient, DataProgress, HandOff } from '../api/client';
import { BankConnectError, networkErrors, receivedOf } from '../api/api-errors';
import { CoreError } from '../core-error';
import { waitForData } from './enrichment';
import type { RawResponses, ReceivedBody } from './received';
import { sessionViewOf } from '@shared/model/normalize';
import { nextTurn } from '../io/next-turn';

/** A client and the words for where its data comes from. */
export interface SessionConnection {
  readonly client: BankConnectClient;
  readonly provenance: Provenance;
  /** The data endpoint this connection calls (default subscribed_data, the reference's). */
  readonly endpoint?: DataEndpoint;
}

export interface SessionProgress {
  readonly kind: 'poll' | 'fetch';
  /** The fetch's stage: bytes downloaded (done of total), checking, preparing the report. */
  readonly stage?: ProgressStage;
  readonly done: number;
  /** Null while polling (how long processing takes is not known) or with no Content-Length. */
  readonly total: number | null;
  readonly message: string;
}

export interface OpenSessionOptions {
  /** Poll while the session is still processing (else one status call). */
  readonly wait?: boolean;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: SessionProgress) => void;
  /** The statuses only, no data call (`bcv status`, session:status). */
  readonly statusOnly?: boolean;
  readonly clock?: () => Date;
  /**
   * The data answer's bytes as received, before they are read: given them, openSession
   * does not keep them (`raw.data.bytes` is null). `fetchedAt` is the session's.
   */
  readonly handOffData?: (bytes: Buffer, answer: DataAnswer) => Promise<void>;
  /** Polling: first interval (default 2 s, as FinBox advises), cap, and the whole wait. */
  readonly poll?: {
    readonly intervalMs?: number;
    readonly maxIntervalMs?: number;
    readonly deadlineMs?: number;
  };
}

/** What a data answer's hand-off is told beside its bytes. */
export interface DataAnswer {
  readonly sessionStatus: ReceivedBody<SessionStatusResponse>;
  readonly endpoint: DataEndpoint;
  readonly fetchedAt: string;
}

export interface OpenedSession {
  readonly sessionId: string;
  readonly raw: RawResponses;
  readonly view: SessionView;
  /** The statuses, normalised (also with statusOnly). */
  readonly status: SessionStatusView;
  readonly provenance: Provenance;
  /** When the data call answered (ISO 8601). */
  readonly fetchedAt: string;
  /** Why there is no data when the statuses explain it (a failed session), else null. */
  readonly dataError: { readonly code: string; readonly message: string } | null;
}

export async function openSession(
  connection: SessionConnection,
  sessionId: string,
  options: OpenSessionOptions = {},
): Promise<OpenedSession> {
  try {
    return await open(connection, sessionId, options);
  } catch (error) {
    throw withDocumentedMessage(error);
  }
}

async function open(
  { client, provenance, endpoint = DEFAULT_DATA_ENDPOINT }: SessionConnection,
  sessionId: string,
  {
    wait = false,
    signal,
    onProgress,
    statusOnly = false,
    clock = () => new Date(),
    poll = {},
    handOffData,
  }: OpenSessionOptions,
): Promise<OpenedSession> {
  const now = () => clock().getTime();
  const startedAt = now();
  const deadlineMs = poll.deadlineMs ?? 10 * 60_000;
  const intervalMs = poll.intervalMs ?? 2_000;
  const maxIntervalMs = poll.maxIntervalMs ?? 15_000;
  const status = wait
    ? await client.waitForCompletion(sessionId, {
        deadlineMs,
        intervalMs,
        maxIntervalMs,
        signal,
        onPoll: ({ attempt, elapsedMs }) =>
          onProgress?.({
            kind: 'poll',
            done: attempt,
            total: null,
            message: `Session ${sessionId} is still processing (poll ${attempt}, ${formatSeconds(elapsedMs)})`,
          }),
      })
    : await client.sessionStatus(sessionId, signal);
  let data: ReceivedBody<SessionData> | null = null;
  let answeredAt: string | null = null;
  let dataError: OpenedSession['dataError'] = null;
  if (!statusOnly) {
    const fetchStage = (stage: ProgressStage, done = 0, total: number | null = null) =>
      onProgress?.({
        kind: 'fetch',
        stage,
        done,
        total,
        message: stageMessage(stage, done, total),
      });
    const onData: DataProgress | undefined = onProgress && fetchStage;
    const handOff: HandOff | undefined =
      handOffData &&
      ((bytes) => {
        answeredAt = clock().toISOString();
        return handOffData(bytes, { sessionStatus: status, endpoint, fetchedAt: answeredAt });
      });
    fetchStage('download');
    try {
      // Enrichment is waited for unless the statuses already say processing failed: then
      // the data will not come, and the statuses are what there is to show.
      data =
        wait && !statusesExplain(status.value)
          ? await waitForData(client, sessionId, endpoint, {
              signal,
              startedAt,
              deadlineMs,
              intervalMs,
              maxIntervalMs,
              now,
              onData,
              ...(handOff ? { handOff } : {}),
              onPoll: (attempt, elapsedMs, stage) =>
                onProgress?.({
                  kind: 'poll',
                  done: attempt,
                  total: null,
                  message: `Session ${sessionId}: ${stage} (poll ${attempt}, ${formatSeconds(elapsedMs)})`,
                }),
            })
          : await client.data(sessionId, endpoint, signal, onData, handOff);
    } catch (error) {
      // A session whose processing failed has statuses but no data: keep the statuses.
      if (signal?.aborted) throw networkErrors.cancelled();
      const bytes = receivedOf(error);
      if (bytes && error instanceof BankConnectError) {
        UNREADABLE.set(error, { sessionStatus: status, bytes, endpoint });
        throw error;
      }
      if (!(error instanceof CoreError) || !statusesExplain(status.value)) throw error;
      dataError = { code: error.code, message: withDocumentedMessage(error).message };
    }
    fetchStage('prepare');
    // Normalising 200,000 transactions holds the thread: let the stage be sent first.
    if (onProgress) await nextTurn();
    // Cancelled while the data was read: not prepared, nothing handed on.
    if (signal?.aborted) throw networkErrors.cancelled();
  }
  const raw: RawResponses = { sessionStatus: status, data, endpoint };
  const view = sessionViewOf(sessionId, status.value, data?.value ?? null, data?.duplicateKeys);
  return {
    sessionId,
    raw,
    view,
    status: view.status ?? normalizeSessionStatus(status.value),
    provenance,
    fetchedAt: answeredAt ?? clock().toISOString(),
    dataError,
  };
}

/** A data answer that came (200) but could not be read at all, with the statuses before it. */
export interface UnreadableAnswer {
  readonly sessionStatus: ReceivedBody<SessionStatusResponse>;
  readonly bytes: Buffer;
  readonly endpoint: DataEndpoint;
}

const UNREADABLE = new WeakMap<BankConnectError, UnreadableAnswer>();

/** What was received before openSession failed on an unreadable data answer, else null. */
export function unreadableAnswerOf(error: unknown): UnreadableAnswer | null {
  return error instanceof BankConnectError ? (UNREADABLE.get(error) ?? null) : null;
}

/** Some account or statement carries an error code: the missing data is explained. */
function statusesExplain(status: SessionStatusResponse): boolean {
  return status.accounts.some(
    (a) => a.error_code || (a.statements ?? []).some((st) => st.error_code),
  );
}

/** A documented API code always reads as the reference documents it, whoever phrased it. */
function withDocumentedMessage<E>(error: E): E | BankConnectError {
  if (!(error instanceof CoreError) || !isApiErrorCode(error.code)) return error;
  const documented = API_ERRORS[error.code].message;
  if (error.message === documented) return error;
  const status = error instanceof BankConnectError ? error.status : null;
  return new BankConnectError(error.code, documented, status);
}
