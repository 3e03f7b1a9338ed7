// `window.bankconnect` as the preload exposes it (the electron-vite templates' pattern).
import type { BankConnectBridge } from '@shared/ipc/api';

declare global {
  interface Window {
    /** Absent only outside the app's own window. */
    readonly bankconnect?: BankConnectBridge;
  }
}
