// What crosses between the renderer and main, typed from the one contract (contract.ts).
// The preload exposes `window.bankconnect` as a BankConnectBridge: calls answer main's
// envelope as data ({ ok, result } or { ok: false, error: { code, message } }), a
// session's transactions packed (session-wire.ts). The renderer's api module turns that
// into named functions. The e2e test bridge implements the same BankConnectBridge.
import type {
  IpcArgs,
  IpcChannel,
  IpcEnvelope,
  IpcEvents,
  IpcResult,
  LoadedSession,
} from './contract';
import type { PackedLoadedSession } from './session-wire';

/** The channels answering a LoadedSession: main packs their transactions as columns. */
export const SESSION_CHANNELS = ['session:fetch', 'session:refresh', 'library:open'] as const;
export type SessionChannel = (typeof SESSION_CHANNELS)[number];
export type PlainChannel = Exclude<IpcChannel, SessionChannel>;

/** Every other channel: its result crosses as it is. */
export const PLAIN_CHANNELS = [
  'app:info',
  'profiles:list',
  'profiles:save',
  'profiles:delete',
  'profiles:activate',
  'profiles:test',
  'vault:status',
  'vault:consent',
  'session:status',
  'session:close',
  'job:cancel',
  'export:xlsx',
  'library:list',
  'library:save',
  'library:delete',
  'library:upgrade',
  'library:import',
  'library:export',
  'library:reveal',
  'library:recent',
  'catalogue:search',
  'catalogue:seen-elsewhere',
  'review:get',
  'review:flag',
  'review:note',
  'review:note-remove',
  'review:verdict',
  'review:reviewer',
  'summary:pdf',
  'report:finbox',
  'library:diff',
] as const satisfies readonly PlainChannel[];

/** Every session channel answers a LoadedSession: the form PackedLoadedSession packs. */
const sessionResults: IpcResult<SessionChannel> extends LoadedSession ? true : never = true;
void sessionResults;

/** Compile-time check: the two lists name every channel of the contract. */
export type UnlistedChannels = Exclude<PlainChannel, (typeof PLAIN_CHANNELS)[number]>;
const everyChannelListed: UnlistedChannels extends never ? true : never = true;
void everyChannelListed;

export interface BankConnectBridge {
  /** A call on a plain channel: main's envelope, its result as the contract types it. */
  invoke<C extends PlainChannel>(channel: C, args?: IpcArgs<C>): Promise<IpcEnvelope<IpcResult<C>>>;
  /** A call answering a session (IpcResult LoadedSession), its transactions packed. */
  invokeSession<C extends SessionChannel>(
    channel: C,
    args: IpcArgs<C>,
  ): Promise<IpcEnvelope<PackedLoadedSession>>;
  /** Where a file dropped on the window is on disk ('' for one that is not a file there). */
  pathOf(file: File): string;
  /** Subscriptions: each returns its unsubscribe function. */
  onProgress(listener: (payload: IpcEvents['progress']) => void): () => void;
  onMenuCommand(listener: (payload: IpcEvents['menu:command']) => void): () => void;
  onFileOpened(listener: (payload: IpcEvents['library:file-opened']) => void): () => void;
}

/** The event each subscription listens to. */
export const BRIDGE_EVENTS = {
  onProgress: 'progress',
  onMenuCommand: 'menu:command',
  onFileOpened: 'library:file-opened',
} as const satisfies Record<string, keyof IpcEvents>;
