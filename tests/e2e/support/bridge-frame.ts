// How the test host sends an answer holding typed arrays (a session's packed transactions)
// to the page. Electron's IPC hands typed arrays and strings over by structured clone, as
// bytes; JSON has no typed arrays, and base64 inside JSON cost the host, the loopback and
// the page a third more bytes and two conversions. A frame is:
//   u32 (little-endian) header length | header: UTF-8 JSON | the parts' bytes, one after another
// The header is the answer with each typed array, and each long string (a packed text
// column: 10 MB of narrations at 200,000 transactions, which JSON would escape and unescape),
// replaced by null, and a list saying where each goes:
//   { value, parts: [{ path, type, offset, byteLength }] }
// (type: a typed array's constructor name, or "string" for UTF-8 text; offset into the
// bytes after the header). Test code only.

/** The content type of a framed answer (anything else is plain JSON). */
export const BRIDGE_FRAME_TYPE = 'application/x-bcv-bridge-frame';

/** Strings from this length on go as bytes (shorter ones cost JSON next to nothing). */
const LONG_STRING = 4096;

type Path = readonly (string | number)[];

interface FramedPart {
  readonly path: Path;
  /** A typed array's constructor name (Uint8Array, Float64Array...), or "string". */
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

/** A string sent as UTF-8 bytes (a lone surrogate has none, so such text stays in JSON). */
function isLongText(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length >= LONG_STRING &&
    // ES2024 (Node 20, Chromium 111); the Node config's lib is older.
    (value as string & { isWellFormed(): boolean }).isWellFormed()
  );
}

/** The answer as a frame, or null when it holds no typed array (then it goes as JSON). */
export function encodeBridgeFrame(value: unknown): BridgeFrame | null {
  const found: { path: Path; part: ArrayView | string }[] = [];
  let arrays = 0;
  const path: (string | number)[] = [];
  const visit = (node: unknown): void => {
    if (isTypedArray(node)) {
      found.push({ path: [...path], part: node });
      arrays++;
    } else if (isLongText(node)) {
      found.push({ path: [...path], part: node });
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
  if (arrays === 0) return null;
  const utf8 = new TextEncoder();
  const described: FramedPart[] = [];
  const body: Uint8Array[] = [];
  let offset = 0;
  for (const { path: at, part } of found) {
    const bytes =
      typeof part === 'string'
        ? utf8.encode(part)
        : new Uint8Array(part.buffer, part.byteOffset, part.byteLength);
    const type = typeof part === 'string' ? 'string' : part.constructor.name;
    described.push({ path: at, type, offset, byteLength: bytes.byteLength });
    body.push(bytes);
    offset += bytes.byteLength;
  }
  const header = JSON.stringify({ value, parts: described }, (_key, node: unknown) =>
    isTypedArray(node) || isLongText(node) ? null : node,
  );
  const headerBytes = utf8.encode(header);
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
  // ignoreBOM: a text starting with U+FEFF keeps it.
  const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
  const headerLength = new DataView(frame).getUint32(0, true);
  const bodyStart = 4 + headerLength;
  const header = JSON.parse(utf8.decode(new Uint8Array(frame, 4, headerLength))) as {
    value: unknown;
    parts: { path: (string | number)[]; type: string; offset: number; byteLength: number }[];
  };
  const constructors = globalThis as unknown as Record<string, new (b: ArrayBuffer) => unknown>;
  let value = header.value;
  for (const { path, type, offset, byteLength } of header.parts) {
    const start = bodyStart + offset;
    const part =
      type === 'string'
        ? utf8.decode(new Uint8Array(frame, start, byteLength))
        : new constructors[type]!(frame.slice(start, start + byteLength));
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
