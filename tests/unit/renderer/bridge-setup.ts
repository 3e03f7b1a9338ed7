// Puts an in-process bridge at `window.bankconnect` before a test imports the renderer's
// state modules (they subscribe to events when first imported).
import type { AppDeps } from '../../../src/core/deps';
import { createHandlers } from '../../../src/main/ipc/create-handlers';
import { fakeClientFactory } from '../../fakes/bankconnect-client';
import { inProcessBridge, type FakeBridge } from '../../fakes/bridge';
import { testDeps } from '../ipc/helpers';

export interface Installed {
  readonly bridge: FakeBridge;
  readonly deps: AppDeps;
  /** Make the save dialog answer "cancelled" (null) or a path again. */
  cancelSaves(cancelled: boolean): void;
}

export async function installBridge(
  client: Parameters<typeof fakeClientFactory>[0] = {},
): Promise<Installed> {
  let cancelled = false;
  const base = await testDeps({ createClient: fakeClientFactory(client).factory });
  const deps: AppDeps = {
    ...base,
    dialogs: {
      ...base.dialogs,
      saveFile: (options) => (cancelled ? Promise.resolve(null) : base.dialogs.saveFile(options)),
    },
  };
  const bridge = inProcessBridge(createHandlers(deps));
  Object.defineProperty(globalThis, 'window', {
    value: { bankconnect: bridge },
    configurable: true,
  });
  return { bridge, deps, cancelSaves: (value) => void (cancelled = value) };
}

/** Resolves once `check` holds (state changes arrive with IPC answers and events). */
export async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}
