// The in-page half of the bridge: builds `window.bankconnect` (a BankConnectBridge, as the
// preload does), but each call is a same-origin POST to the test host answering main's
// envelope, and events arrive over Server-Sent Events. An answer holding typed arrays (a
// packed session) comes as a frame (bridge-frame.ts), the rest as JSON. Injected as an init
// script (which the page's CSP does not apply to): installBridge and the frame decoder must
// stay self-contained, as they go to the page as their source.
import { BRIDGE_FRAME_TYPE, decodeBridgeFrame } from './bridge-frame';

export interface BridgeTables {
  readonly events: Record<string, string>;
  /** Where a dropped file is on disk: this folder, under the file's name (none: nowhere). */
  readonly dropFolder?: string;
}

/** The init script installing the bridge (page.addInitScript / context.addInitScript). */
export function bridgeInitScript(tables: BridgeTables): { content: string } {
  const options = JSON.stringify({ ...tables, frameType: BRIDGE_FRAME_TYPE });
  return {
    content: `(${installBridge.toString()})(${options}, ${decodeBridgeFrame.toString()});`,
  };
}

function installBridge(
  tables: BridgeTables & { frameType: string },
  decodeFrame: (frame: ArrayBuffer) => unknown,
): void {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  // Typed loosely: this file compiles under the Node config but runs in the page.
  const page = globalThis as unknown as {
    EventSource: new (url: string) => { onmessage: ((message: { data: string }) => void) | null };
  };
  const source = new page.EventSource('/__bridge/events');
  source.onmessage = (message) => {
    const { event, payload } = JSON.parse(message.data) as { event: string; payload: unknown };
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  const invoke = async (channel: string, args?: unknown): Promise<unknown> => {
    const response = await fetch(`/__bridge/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(args ?? {}),
    });
    if (response.headers.get('content-type') !== tables.frameType) return response.json();
    const envelope = decodeFrame(await response.arrayBuffer());
    // When the answer was ready in the page (the bench's probe reads it).
    performance.mark('bridge:decoded', { detail: channel });
    return envelope;
  };
  const bridge: Record<string, unknown> = {
    invoke,
    invokeSession: invoke,
    pathOf: (file: { name: string }) =>
      tables.dropFolder === undefined ? '' : `${tables.dropFolder}/${file.name}`,
  };
  for (const [name, event] of Object.entries(tables.events)) {
    bridge[name] = (listener: (payload: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => void set.delete(listener);
    };
  }
  Object.defineProperty(globalThis, 'bankconnect', {
    value: Object.freeze(bridge),
    writable: false,
  });
}
