// The in-page half of the bridge: builds `window.bankconnect` (a BankConnectBridge, as the
// preload does), but each call is a same-origin POST to the test host answering main's
// envelope as JSON, and events arrive over Server-Sent Events. Injected with
// page.addInitScript (which the page's CSP does not apply to). Must stay self-contained:
// Playwright serialises it.
export function installBridge(tables: {
  events: Record<string, string>;
  /** Channels answering a packed session: their typed arrays come as base64 (host.ts). */
  sessionChannels: string[];
  /** Where a dropped file is on disk: this folder, under the file's name (none: nowhere). */
  dropFolder?: string;
}): void {
  const constructors = globalThis as unknown as Record<string, new (b: ArrayBuffer) => unknown>;
  const revive = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = revive(value[i]);
    } else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.typedArray === 'string' && typeof record.base64 === 'string') {
        // Chromium's own decoder where it has one (a JS loop over 30 MB took seconds).
        const fromBase64 = (Uint8Array as { fromBase64?: (text: string) => Uint8Array }).fromBase64;
        let bytes: Uint8Array;
        if (fromBase64) {
          bytes = fromBase64(record.base64);
        } else {
          const text = atob(record.base64);
          bytes = new Uint8Array(text.length);
          for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
        }
        return new constructors[record.typedArray]!(bytes.buffer as ArrayBuffer);
      }
      for (const key of Object.keys(record)) record[key] = revive(record[key]);
    }
    return value;
  };
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
    const envelope = (await response.json()) as { ok: boolean; result?: unknown };
    if (envelope.ok && tables.sessionChannels.includes(channel)) revive(envelope.result);
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
