// What crosses between the renderer and main, typed from the one contract (contract.ts).
// The preload exposes `window.bankconnect` as a BankConnectBridge: calls answer main's
// envelope as data ({ ok, result } or { ok: false, error: { code, message } }), a
// session's transactions packed (session-wire.ts). The renderer's api module turns that
// into named functions. Which channels answer a session: contract.ts's CHANNELS. The e2e test bridge implements the same BankConnectBridge.
import type {
  IpcArgs,
  IpcEnvelope,
  IpcEvents,
  IpcResult,
  PlainChannel,
  SessionChannel,
} from './contract';
import type { PackedLoadedSession } from './session-wire';

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
