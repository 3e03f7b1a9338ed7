// The renderer-facing API: named async functions, each bound to one contract channel, and
// event subscriptions. Kept apart from contract.ts (which needs zod) so the sandboxed
// preload bundles only these tables. The preload and the e2e test bridge both build
// `window.bankconnect` from them, so both implement the same BankConnectApi.
import type { IpcArgs, IpcChannel, IpcEvents, IpcResult } from './contract';

/**
 * The named functions `window.bankconnect` offers, each bound to one channel. The preload
 * and the test bridge both build the object from this table, so they expose the same API.
 */
export const API_METHODS = {
  getAppInfo: 'app:info',
  listProfiles: 'profiles:list',
  saveProfile: 'profiles:save',
  deleteProfile: 'profiles:delete',
  activateProfile: 'profiles:activate',
  testProfile: 'profiles:test',
  getVaultStatus: 'vault:status',
  setVaultConsent: 'vault:consent',
  getSessionStatus: 'session:status',
  fetchSession: 'session:fetch',
  refreshSession: 'session:refresh',
  closeSession: 'session:close',
  cancelJob: 'job:cancel',
  exportXlsx: 'export:xlsx',
  listLibrary: 'library:list',
  saveToLibrary: 'library:save',
  openFromLibrary: 'library:open',
  deleteFromLibrary: 'library:delete',
  importToLibrary: 'library:import',
  exportFromLibrary: 'library:export',
  revealInLibrary: 'library:reveal',
  recentSessions: 'library:recent',
  getReview: 'review:get',
  flagTransactions: 'review:flag',
  addReviewNote: 'review:note',
  setVerdict: 'review:verdict',
  reviewerName: 'review:reviewer',
  saveSummaryPdf: 'summary:pdf',
} as const satisfies Record<string, IpcChannel>;
export type ApiMethod = keyof typeof API_METHODS;

/** Channels whose arguments are all optional take no argument at all. */
type MethodArgs<C extends IpcChannel> =
  Record<never, never> extends IpcArgs<C> ? [args?: IpcArgs<C>] : [args: IpcArgs<C>];

/** Subscriptions: each returns its unsubscribe function. */
export const API_EVENTS = {
  onProgress: 'progress',
  onMenuCommand: 'menu:command',
  onFileOpened: 'library:file-opened',
} as const;

/**
 * The API the preload exposes as `window.bankconnect`. Failures reject with an `Error`
 * whose `code` is the IpcError code.
 */
export type BankConnectApi = {
  readonly [M in ApiMethod]: (
    ...args: MethodArgs<(typeof API_METHODS)[M]>
  ) => Promise<IpcResult<(typeof API_METHODS)[M]>>;
} & {
  readonly [K in keyof typeof API_EVENTS]: (
    listener: (payload: IpcEvents[(typeof API_EVENTS)[K]]) => void,
  ) => () => void;
};

/**
 * contextBridge copies only an Error's message into the page (custom properties such as
 * `code` are lost), so the preload puts the code into the message as `[CODE] message`
 * and the renderer's api module turns it back into an Error with `code`.
 */
export function encodeErrorMessage(code: string, message: string): string {
  return `[${code}] ${message}`;
}

export interface CodedError extends Error {
  readonly code: string;
}

export function decodeError(error: unknown): CodedError {
  const text = error instanceof Error ? error.message : String(error);
  const match = /^\[([A-Z][A-Z0-9_]*)\] ([\s\S]*)$/.exec(text);
  const decoded = new Error(match ? match[2] : text) as Error & { code: string };
  decoded.code = match?.[1] ?? 'INTERNAL';
  return decoded;
}
