// The sandboxed preload: exposes one curated object, `window.bankconnect` (a
// BankConnectBridge), over the contract's channels only. No raw ipcRenderer, no
// process.env. Main's envelopes cross as data, so an error's code survives contextBridge
// (which would keep only the message of a thrown Error).
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { BRIDGE_EVENTS, type BankConnectBridge } from '@shared/ipc/api';
import { answerOf, type IpcEvents } from '@shared/ipc/contract';

function refused(channel: string) {
  return Promise.resolve({
    ok: false,
    error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel ${channel.slice(0, 60)}` },
  } as const);
}

function subscribe<E extends keyof IpcEvents>(
  event: E,
  listener: (payload: IpcEvents[E]) => void,
): () => void {
  // Only the payload crosses: the renderer never sees the IpcRendererEvent.
  const wrapped = (_event: Electron.IpcRendererEvent, payload: IpcEvents[E]): void =>
    listener(payload);
  ipcRenderer.on(event, wrapped);
  return () => void ipcRenderer.removeListener(event, wrapped);
}

const bridge: BankConnectBridge = {
  invoke: (channel, args) =>
    answerOf(channel) === 'plain' ? ipcRenderer.invoke(channel, args ?? {}) : refused(channel),
  invokeSession: (channel, args) =>
    answerOf(channel) === 'session' ? ipcRenderer.invoke(channel, args) : refused(channel),
  // A dropped file crosses as its path: main reads it as it reads one chosen in a dialog.
  pathOf: (file) => webUtils.getPathForFile(file),
  onProgress: (listener) => subscribe(BRIDGE_EVENTS.onProgress, listener),
  onMenuCommand: (listener) => subscribe(BRIDGE_EVENTS.onMenuCommand, listener),
  onFileOpened: (listener) => subscribe(BRIDGE_EVENTS.onFileOpened, listener),
};

contextBridge.exposeInMainWorld('bankconnect', bridge);
