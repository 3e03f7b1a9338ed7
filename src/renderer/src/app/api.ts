// The one place the renderer reaches main: named functions over `window.bankconnect` (the
// preload's bridge, or in end-to-end tests the test bridge). A failed call rejects with a
// CodedError built here from the envelope's { code, message }; a session is unpacked.
import type { BankConnectBridge, PlainChannel, SessionChannel } from '@shared/ipc/api';
import type {
  IpcArgs,
  IpcEnvelope,
  IpcEvents,
  IpcResult,
  LoadedSession,
} from '@shared/ipc/contract';
import { unpackLoadedSession } from '@shared/ipc/session-wire';

export class CodedError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'CodedError';
  }
}

function bridge(): BankConnectBridge {
  const found = window.bankconnect;
  if (!found) throw new Error('The app bridge is missing: open the app from its own window');
  return found;
}

function resultOf<T>(envelope: IpcEnvelope<T>): T {
  if (envelope.ok) return envelope.result;
  throw new CodedError(envelope.error.code, envelope.error.message, envelope.error.field);
}

/** Channels whose arguments are all optional take no argument at all. */
type MethodArgs<C extends PlainChannel> =
  Record<never, never> extends IpcArgs<C> ? [args?: IpcArgs<C>] : [args: IpcArgs<C>];

function plain<C extends PlainChannel>(channel: C) {
  return async (...args: MethodArgs<C>): Promise<IpcResult<C>> =>
    resultOf(await bridge().invoke(channel, args[0]));
}

function session<C extends SessionChannel>(channel: C) {
  return async (args: IpcArgs<C>): Promise<LoadedSession> =>
    unpackLoadedSession(resultOf(await bridge().invokeSession(channel, args)));
}

function subscription<E extends keyof IpcEvents>(
  subscribe: (b: BankConnectBridge, listener: (payload: IpcEvents[E]) => void) => () => void,
) {
  return (listener: (payload: IpcEvents[E]) => void): (() => void) => subscribe(bridge(), listener);
}

export const api = {
  getAppInfo: plain('app:info'),
  listProfiles: plain('profiles:list'),
  saveProfile: plain('profiles:save'),
  deleteProfile: plain('profiles:delete'),
  activateProfile: plain('profiles:activate'),
  testProfile: plain('profiles:test'),
  getVaultStatus: plain('vault:status'),
  setVaultConsent: plain('vault:consent'),
  getSessionStatus: plain('session:status'),
  fetchSession: session('session:fetch'),
  refreshSession: session('session:refresh'),
  closeSession: plain('session:close'),
  cancelJob: plain('job:cancel'),
  exportXlsx: plain('export:xlsx'),
  listLibrary: plain('library:list'),
  saveToLibrary: plain('library:save'),
  openFromLibrary: session('library:open'),
  deleteFromLibrary: plain('library:delete'),
  upgradeInLibrary: plain('library:upgrade'),
  importToLibrary: plain('library:import'),
  exportFromLibrary: plain('library:export'),
  revealInLibrary: plain('library:reveal'),
  recentSessions: plain('library:recent'),
  searchCatalogue: plain('catalogue:search'),
  seenElsewhere: plain('catalogue:seen-elsewhere'),
  getReview: plain('review:get'),
  flagTransactions: plain('review:flag'),
  addReviewNote: plain('review:note'),
  removeReviewNote: plain('review:note-remove'),
  setVerdict: plain('review:verdict'),
  reviewerName: plain('review:reviewer'),
  saveSummaryPdf: plain('summary:pdf'),
  saveFinboxReport: plain('report:finbox'),
  diffSnapshots: plain('library:diff'),
  pathOf: (file: File): string => bridge().pathOf(file),
  onProgress: subscription<'progress'>((b, listener) => b.onProgress(listener)),
  onMenuCommand: subscription<'menu:command'>((b, listener) => b.onMenuCommand(listener)),
  onFileOpened: subscription<'library:file-opened'>((b, listener) => b.onFileOpened(listener)),
};

export interface ShownError {
  readonly code: string;
  readonly message: string;
  /** The form field the message belongs at (a refused argument), else absent. */
  readonly field?: string;
}

/** Errors from `api` carry `code`; anything else shows as an internal error. */
export function shownError(error: unknown): ShownError {
  if (error instanceof CodedError)
    return error.field
      ? { code: error.code, message: error.message, field: error.field }
      : { code: error.code, message: error.message };
  if (error instanceof Error) return { code: 'INTERNAL', message: error.message };
  return { code: 'INTERNAL', message: String(error) };
}

let counter = 0;
/** A job id for cancellable work: unique within this window. */
export function newJobId(kind: string): string {
  counter += 1;
  return `${kind}-${Date.now().toString(36)}-${counter}`;
}
