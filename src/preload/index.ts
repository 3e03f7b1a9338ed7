// The sandboxed preload: exposes one curated object, `window.bankconnect`, of named async
// functions built from the IPC contract. No raw ipcRenderer, no process.env. Failures are
// rethrown as real Errors carrying the IpcError code (in `code` and, because contextBridge
// copies only the message, as `[CODE] message`; the renderer's api module decodes it).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { API_EVENTS, API_METHODS, encodeErrorMessage, type BankConnectApi } from '@shared/ipc/api';
import type { IpcEnvelope } from '@shared/ipc/contract';

function method(channel: string) {
  return async (args?: unknown): Promise<unknown> => {
    const envelope = (await ipcRenderer.invoke(channel, args ?? {})) as IpcEnvelope<unknown>;
    if (envelope.ok) return envelope.result;
    // The code also rides in the message: contextBridge keeps only that (see api.ts).
    const error = new Error(encodeErrorMessage(envelope.error.code, envelope.error.message));
    (error as Error & { code: string }).code = envelope.error.code;
    throw error;
  };
}

function subscription(event: string) {
  return (listener: (payload: unknown) => void): (() => void) => {
    // Only the payload crosses: the renderer never sees the IpcRendererEvent.
    const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => void ipcRenderer.removeListener(event, wrapped);
  };
}

const api: Record<string, unknown> = {};
for (const [name, channel] of Object.entries(API_METHODS)) api[name] = method(channel);
for (const [name, event] of Object.entries(API_EVENTS)) api[name] = subscription(event);

contextBridge.exposeInMainWorld('bankconnect', api as BankConnectApi);
