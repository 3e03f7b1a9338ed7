// The one place the renderer reaches main: `window.bankconnect`, exposed by the preload
// (or, in end-to-end tests, by the test bridge with the same type).
import { API_METHODS, decodeError, type BankConnectApi } from '@shared/ipc/api';
import type { PackedLoadedSession } from '@shared/ipc/session-wire';
import { SESSION_RESULT_CHANNELS, unpackLoadedSession } from '@shared/ipc/session-wire';

declare global {
  interface Window {
    readonly bankconnect?: BankConnectApi;
  }
}

function bridge(): BankConnectApi {
  const found = window.bankconnect;
  if (!found) throw new Error('The app bridge is missing: open the app from its own window');
  return found;
}

/** window.bankconnect with errors decoded back into Errors carrying `code`. */
function withCodedErrors(raw: BankConnectApi): BankConnectApi {
  const wrapped: Record<string, unknown> = { ...raw };
  for (const name of Object.keys(API_METHODS) as (keyof typeof API_METHODS)[]) {
    const call = raw[name] as (args?: unknown) => Promise<unknown>;
    // Main sends a session's transactions as columns (session-wire.ts): rebuilt here.
    const unpack = SESSION_RESULT_CHANNELS.has(API_METHODS[name])
      ? (result: unknown) => unpackLoadedSession(result as PackedLoadedSession)
      : (result: unknown) => result;
    wrapped[name] = (args?: unknown) =>
      call(args).then(unpack, (error: unknown) => {
        throw decodeError(error);
      });
  }
  return wrapped as BankConnectApi;
}

export const api: BankConnectApi = withCodedErrors(bridge());

export interface ShownError {
  readonly code: string;
  readonly message: string;
}

/** Errors from `api` carry `code`; anything else shows as an internal error. */
export function shownError(error: unknown): ShownError {
  if (error instanceof Error) {
    const code = (error as Error & { code?: unknown }).code;
    return { code: typeof code === 'string' ? code : 'INTERNAL', message: error.message };
  }
  return { code: 'INTERNAL', message: String(error) };
}

let counter = 0;
/** A job id for cancellable work: unique within this window. */
export function newJobId(kind: string): string {
  counter += 1;
  return `${kind}-${Date.now().toString(36)}-${counter}`;
}
