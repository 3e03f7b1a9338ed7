// `window.bankconnect` in-process: main's real handlers (createHandlers over test deps)
// behind the BankConnectBridge the preload exposes, answers packed and structured-cloned
// as Electron's IPC does. For unit tests of the renderer's state modules.
import type { BankConnectBridge } from '../../src/shared/ipc/api';
import type { IpcEvents } from '../../src/shared/ipc/contract';
import { packSessionAnswer } from '../../src/shared/ipc/session-wire';
import type { Handlers } from '../../src/main/ipc/create-handlers';

export interface FakeBridge extends BankConnectBridge {
  /** Every call in order: channel and arguments. */
  readonly calls: { channel: string; args: unknown }[];
  /** Sends a menu command as the app's menu would. */
  menu(command: IpcEvents['menu:command']['command']): void;
}

export function inProcessBridge(handlers: Handlers): FakeBridge {
  const progress = new Set<(payload: IpcEvents['progress']) => void>();
  const menu = new Set<(payload: IpcEvents['menu:command']) => void>();
  const opened = new Set<(payload: IpcEvents['library:file-opened']) => void>();
  const calls: { channel: string; args: unknown }[] = [];
  const ctx = {
    emit<E extends keyof IpcEvents>(event: E, payload: IpcEvents[E]) {
      const listeners = (
        event === 'progress' ? progress : event === 'menu:command' ? menu : opened
      ) as Set<(p: IpcEvents[E]) => void>;
      for (const listener of listeners) listener(structuredClone(payload));
    },
  };
  const call = async (channel: string, args: unknown) => {
    calls.push({ channel, args });
    const answer = await handlers.handle(channel, structuredClone(args ?? {}), ctx);
    return structuredClone(packSessionAnswer(channel, answer));
  };
  const subscribe =
    <T>(set: Set<(payload: T) => void>) =>
    (listener: (payload: T) => void) => {
      set.add(listener);
      return () => void set.delete(listener);
    };
  return {
    calls,
    // The envelopes are the handlers' own: typed by the contract they implement.
    invoke: (channel, args) => call(channel, args) as never,
    invokeSession: (channel, args) => call(channel, args) as never,
    // Files made in a test carry their path as `path` (Electron's own File once did).
    pathOf: (file) => (file as File & { path?: string }).path ?? '',
    onProgress: subscribe(progress),
    onMenuCommand: subscribe(menu),
    onFileOpened: subscribe(opened),
    menu: (command) => ctx.emit('menu:command', { command }),
  };
}
