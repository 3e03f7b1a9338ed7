// How the test host sends an answer holding typed arrays (a session's packed transactions)
// to the page. Electron's IPC hands typed arrays over by structured clone, as bytes; JSON
// has no typed arrays, and base64 inside JSON cost the host, the loopback and the page a
// third more bytes and two conversions. A frame is:
//   u32 (little-endian) header length | header: UTF-8 JSON | the arrays' bytes, one after another
// The header is the answer with each typed array replaced by null, and a list saying where
// each goes: { value, parts: [{ path, type, offset, byteLength }] } (type: the array's
// constructor name; offset into the bytes after the header). Text stays in the JSON, long
// text too: JSON.parse gives the page the kind of string a structured clone gives (sent as
// UTF-8 bytes and decoded with TextDecoder, the packed narrations framed faster but the
// render step was no faster, 3 pairs of runs). Test code only.

/** The content type of a framed answer (anything else is plain JSON). */
export const BRIDGE_FRAME_TYPE = 'application/x-bcv-bridge-frame';

type Path = readonly (string | number)[];

interface FramedPart {
  readonly path: Path;
  /** The typed array's constructor name: Uint8Array, Float64Array, BigInt64Array... */
  readonly type: string;
  readonly offset: number;
  readonly byteLength: number;
}

export interface BridgeFrame {
  /** The header's JSON text (the answer without its parts' bytes). */
  readonly header: string;
  /** The frame's bytes in order (typed arrays as their own memory: not copied). */
  readonly parts: readonly Uint8Array[];
  readonly byteLength: number;
}

type ArrayView = Exclude<ArrayBufferView, DataView>;

function isTypedArray(value: unknown): value is ArrayView {
  return ArrayBuffer.isView(value) && !(value instanceof DataView);
}

/** The answer as a frame, or null when it holds no typed array (then it goes as JSON). */
export function encodeBridgeFrame(value: unknown): BridgeFrame | null {
  const found: { path: Path; view: ArrayView }[] = [];
  const path: (string | number)[] = [];
  const visit = (node: unknown): void => {
    if (isTypedArray(node)) {
      found.push({ path: [...path], view: node });
    } else if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        visit(node[i]);
        path.pop();
      }
    } else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        path.push(key);
        visit(child);
        path.pop();
      }
    }
  };
  visit(value);
  if (found.length === 0) return null;
  const described: FramedPart[] = [];
  const body: Uint8Array[] = [];
  let offset = 0;
  for (const { path: at, view } of found) {
    const type = view.constructor.name;
    described.push({ path: at, type, offset, byteLength: view.byteLength });
    body.push(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
    offset += view.byteLength;
  }
  const header = JSON.stringify({ value, parts: described }, (_key, node: unknown) =>
    isTypedArray(node) ? null : node,
  );
  const headerBytes = new TextEncoder().encode(header);
  const length = new Uint8Array(4);
  new DataView(length.buffer).setUint32(0, headerBytes.byteLength, true);
  return {
    header,
    parts: [length, headerBytes, ...body],
    byteLength: 4 + headerBytes.byteLength + offset,
  };
}

/**
 * A frame back to the answer, each typed array in a buffer of its own (as a structured
 * clone gives it). Runs in the page too (handed to installBridge as its source), so it must
 * stay self-contained: globals only.
 */
export function decodeBridgeFrame(frame: ArrayBuffer): unknown {
  const headerLength = new DataView(frame).getUint32(0, true);
  const bodyStart = 4 + headerLength;
  const text = new TextDecoder().decode(new Uint8Array(frame, 4, headerLength));
  const header = JSON.parse(text) as {
    value: unknown;
    parts: { path: (string | number)[]; type: string; offset: number; byteLength: number }[];
  };
  const constructors = globalThis as unknown as Record<string, new (b: ArrayBuffer) => unknown>;
  let value = header.value;
  for (const { path, type, offset, byteLength } of header.parts) {
    const start = bodyStart + offset;
    const part = new constructors[type]!(frame.slice(start, start + byteLength));
    if (path.length === 0) {
      value = part;
      continue;
    }
    let holder = value as Record<string | number, unknown>;
    for (let i = 0; i < path.length - 1; i++) holder = holder[path[i]!] as typeof holder;
    holder[path[path.length - 1]!] = part;
  }
  return value;
}
