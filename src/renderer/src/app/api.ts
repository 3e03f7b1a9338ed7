// The one place the renderer reaches main: named functions over `window.bankconnect` (the
// preload's bridge, or in end-to-end tests the test bridge). A failed call rejects with a
// CodedError built here from the envelope's { code, message }; a session is unpacked.
import type { BankConnectBridge } from '@shared/ipc/api';
import {
  CHANNELS,
  type IpcArgs,
  type IpcChannel,
  type IpcEnvelope,
  type IpcEvents,
  type IpcResult,
  type PlainChannel,
  type SessionChannel,
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
type MethodArgs<C extends IpcChannel> =
  Record<never, never> extends IpcArgs<C> ? [args?: IpcArgs<C>] : [args: IpcArgs<C>];

/** A named call of a channel: its answer as the contract's map says it crosses. */
function call<C extends IpcChannel>(channel: C) {
  return async (...args: MethodArgs<C>): Promise<IpcResult<C>> => {
    if (CHANNELS[channel].answer === 'session') {
      const packed = await bridge().invokeSession(channel as SessionChannel, args[0] as never);
      return unpackLoadedSession(resultOf(packed)) as IpcResult<C>;
    }
    return resultOf(
      await bridge().invoke(channel as PlainChannel, args[0] as never),
    ) as IpcResult<C>;
  };
}

function subscription<E extends keyof IpcEvents>(
  subscribe: (b: BankConnectBridge, listener: (payload: IpcEvents[E]) => void) => () => void,
) {
  return (listener: (payload: IpcEvents[E]) => void): (() => void) => subscribe(bridge(), listener);
}

export const api = {
  getAppInfo: call('app:info'),
  listProfiles: call('profiles:list'),
  saveProfile: call('profiles:save'),
  deleteProfile: call('profiles:delete'),
  activateProfile: call('profiles:activate'),
  testProfile: call('profiles:test'),
  getVaultStatus: call('vault:status'),
  setVaultConsent: call('vault:consent'),
  getSessionStatus: call('session:status'),
  fetchSession: call('session:fetch'),
  refreshSession: call('session:refresh'),
  closeSession: call('session:close'),
  cancelJob: call('job:cancel'),
  exportXlsx: call('export:xlsx'),
  listLibrary: call('library:list'),
  saveToLibrary: call('library:save'),
  openFromLibrary: call('library:open'),
  deleteFromLibrary: call('library:delete'),
  upgradeInLibrary: call('library:upgrade'),
  importToLibrary: call('library:import'),
  exportFromLibrary: call('library:export'),
  revealInLibrary: call('library:reveal'),
  recentSessions: call('library:recent'),
  searchCatalogue: call('catalogue:search'),
  seenElsewhere: call('catalogue:seen-elsewhere'),
  getReview: call('review:get'),
  flagTransactions: call('review:flag'),
  addReviewNote: call('review:note'),
  removeReviewNote: call('review:note-remove'),
  setVerdict: call('review:verdict'),
  reviewerName: call('review:reviewer'),
  getPolicy: call('policy:get'),
  choosePolicy: call('policy:choose'),
  resetPolicy: call('policy:reset'),
  saveSummaryPdf: call('summary:pdf'),
  saveFinboxReport: call('report:finbox'),
  diffSnapshots: call('library:diff'),
  teamStatus: call('team:status'),
  saveTeam: call('team:save'),
  removeTeam: call('team:remove'),
  chooseTeamFile: call('team:choose-file'),
  testTeam: call('team:test'),
  teamMarks: call('team:marks'),
  teamCases: call('team:cases'),
  publishToTeam: call('team:publish'),
  openTeamCase: call('team:open'),
  syncTeam: call('team:sync'),
  searchTeam: call('team:search'),
  teamSeenElsewhere: call('team:seen-elsewhere'),
  teamCase: call('team:case'),
  submitTeamCase: call('team:submit'),
  approveTeamDeviation: call('team:deviation'),
  decideTeamCase: call('team:decide'),
  teamDecisionChain: call('team:decision-chain'),
  teamQueue: call('team:queue'),
  setAsideTeamRow: call('team:set-aside'),
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
