// Runs inside the page (injected with addInitScript, so it must be self-contained): times
// from the session's bytes arriving through the test bridge to the first transaction rows
// painted. The bridge decodes them after they arrive (its frame: the IPC deserialisation's
// stand-in), so the decode is part of the time; the bridge's mark keeps it apart too.

export interface ProbeResult {
  /** performance.now() when the response body had fully arrived. */
  readonly arrived: number;
  /** From then until the bridge had decoded the answer (NaN until painted). */
  readonly decodeMs: number;
  readonly bytes: number;
  /** performance.now() after the frame that first showed transaction rows. */
  readonly painted: number | null;
}

export function installProbe(options: { channel: string; rowSelector: string }): void {
  const page = globalThis as unknown as {
    __benchProbe?: ProbeResult;
    localStorage: { getItem(key: string): string | null };
    document: {
      querySelector(selector: string): unknown;
      querySelectorAll(selector: string): ArrayLike<{ textContent: string | null; click(): void }>;
    };
    requestAnimationFrame(callback: () => void): number;
  };
  // A new session opens on its Summary: once the report is there, the probe opens the
  // Transactions tab as an underwriter would. (about:blank, where init scripts also run,
  // has no storage and no report.)
  try {
    page.localStorage.getItem('bcv.report.tab');
  } catch {
    return;
  }
  const path = `/__bridge/${encodeURIComponent(options.channel)}`;
  // The bridge reads a session's answer (a frame: bridge-frame.ts) with arrayBuffer().
  const proto = Response.prototype as { arrayBuffer: (this: Response) => Promise<ArrayBuffer> };
  const originalArrayBuffer = proto.arrayBuffer;
  proto.arrayBuffer = async function arrayBuffer(this: Response): Promise<ArrayBuffer> {
    const bytes = await originalArrayBuffer.call(this);
    if (!new URL(this.url).pathname.endsWith(path)) return bytes;
    const arrived = performance.now();
    // The bridge marks the answer decoded (its stand-in for the IPC's deserialisation).
    const decodeMs = (): number => {
      const mark = performance.getEntriesByName('bridge:decoded').at(-1);
      return mark && mark.startTime >= arrived ? mark.startTime - arrived : Number.NaN;
    };
    const probe = { arrived, decodeMs: Number.NaN, bytes: bytes.byteLength };
    page.__benchProbe = { ...probe, painted: null };
    let tabOpened = false;
    const look = () => {
      if (!tabOpened) {
        const tab = Array.from(page.document.querySelectorAll('[role="tab"]')).find(
          (t) => t.textContent?.trim() === 'Transactions',
        );
        if (tab) {
          tab.click();
          tabOpened = true;
        }
      }
      if (page.document.querySelector(options.rowSelector)) {
        // Rows are in the DOM before this frame paints; a task queued now runs after it.
        setTimeout(() => {
          page.__benchProbe = { ...probe, decodeMs: decodeMs(), painted: performance.now() };
        }, 0);
      } else {
        page.requestAnimationFrame(look);
      }
    };
    page.requestAnimationFrame(look);
    return bytes;
  };
}

/** In the page: scrolls the table to its end and counts the rows in the DOM then. */
export async function rowsAfterScrolling(options: {
  scroller: string;
  rows: string;
}): Promise<number> {
  const page = globalThis as unknown as {
    document: {
      querySelector(selector: string): { scrollTop: number; scrollHeight: number } | null;
      querySelectorAll(selector: string): { length: number };
    };
    requestAnimationFrame(callback: () => void): number;
  };
  const element = page.document.querySelector(options.scroller);
  if (!element) return -1;
  element.scrollTop = element.scrollHeight;
  // The virtualiser updates on the scroll event, then the next frames render.
  for (let i = 0; i < 3; i++) {
    await new Promise<void>((resolve) => page.requestAnimationFrame(() => resolve()));
  }
  return page.document.querySelectorAll(options.rows).length;
}

/** The bare baseline in the page: the same bytes, JSON.parse, a plain table of 40 rows. */
export async function bareRender(options: { url: string }): Promise<{ ms: number; rows: number }> {
  const page = globalThis as unknown as {
    document: {
      createElement(tag: string): { append(...nodes: unknown[]): void; textContent: string };
      body: { append(node: unknown): void };
    };
    requestAnimationFrame(callback: () => void): number;
  };
  const response = await fetch(options.url);
  const bytes = await response.arrayBuffer();
  const arrived = performance.now();
  const envelope = JSON.parse(new TextDecoder().decode(bytes)) as {
    result: {
      view: {
        accounts: {
          transactions: {
            date: string;
            narration: string;
            ref: string;
            amount: number;
            balance: number | null;
          }[];
        }[];
      };
    };
  };
  const rows = envelope.result.view.accounts[0]?.transactions.slice(0, 40) ?? [];
  const doc = page.document;
  const table = doc.createElement('table');
  for (const t of rows) {
    const tr = doc.createElement('tr');
    for (const value of [t.date, t.narration, t.ref, String(t.amount), String(t.balance)]) {
      const td = doc.createElement('td');
      td.textContent = value;
      tr.append(td);
    }
    table.append(tr);
  }
  doc.body.append(table);
  await new Promise<void>((resolve) =>
    page.requestAnimationFrame(() => setTimeout(() => resolve(), 0)),
  );
  return { ms: performance.now() - arrived, rows: rows.length };
}
