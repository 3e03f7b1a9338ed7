// Writes a large JSON value to an HTTP response piece by piece, respecting backpressure,
// so a 200,000-transaction response never exists as one string in the sandbox.
import type { ServerResponse } from 'node:http';

const FLUSH_AT = 64 * 1024;

function isPlainLeaf(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  const children = Array.isArray(value) ? value : Object.values(value);
  return children.length <= 64 && children.every((v) => v === null || typeof v !== 'object');
}

/**
 * A JSON array whose items are made as they are written, each time it is written, and let
 * go once written: the sandbox's largest sessions hold no transaction objects.
 */
export class JsonList {
  /** `byteLength`: the list's text's length in bytes, when known (else counted by writing). */
  constructor(
    private readonly items: () => Iterable<unknown>,
    readonly byteLength: number | null = null,
  ) {}

  [Symbol.iterator](): Iterator<unknown> {
    return this.items()[Symbol.iterator]();
  }
}

export function* jsonChunks(value: unknown): Generator<string> {
  if (value instanceof JsonList) {
    yield '[';
    let first = true;
    for (const item of value) {
      if (!first) yield ',';
      first = false;
      yield* jsonChunks(item ?? null);
    }
    yield ']';
    return;
  }
  if (isPlainLeaf(value)) {
    yield JSON.stringify(value) ?? 'null';
    return;
  }
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      yield* jsonChunks(value[i] === undefined ? null : value[i]);
    }
    yield ']';
    return;
  }
  yield '{';
  let first = true;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if (child === undefined) continue;
    yield `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    yield* jsonChunks(child);
  }
  yield '}';
}

/**
 * The bytes writeJson sends for `value` (a Content-Length), counted piece by piece as
 * jsonChunks writes them; a list whose length is known is not written.
 */
export function jsonByteLength(value: unknown): number {
  if (value instanceof JsonList) {
    if (value.byteLength !== null) return value.byteLength;
    let bytes = 2;
    let first = true;
    for (const item of value) {
      bytes += (first ? 0 : 1) + jsonByteLength(item ?? null);
      first = false;
    }
    return bytes;
  }
  if (isPlainLeaf(value)) return Buffer.byteLength(JSON.stringify(value) ?? 'null');
  if (Array.isArray(value)) {
    let bytes = 2;
    for (let i = 0; i < value.length; i++) {
      bytes += (i > 0 ? 1 : 0) + jsonByteLength(value[i] === undefined ? null : value[i]);
    }
    return bytes;
  }
  let bytes = 2;
  let first = true;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if (child === undefined) continue;
    bytes += (first ? 0 : 1) + Buffer.byteLength(JSON.stringify(key)) + 1 + jsonByteLength(child);
    first = false;
  }
  return bytes;
}

/**
 * Writes `value`'s text; `copy` is given each piece as it is written (a promise: wait for
 * it before the next). True when the whole text went out, false when the client left first.
 */
export async function writeJson(
  res: ServerResponse,
  value: unknown,
  copy?: (text: string) => Promise<void> | void,
): Promise<boolean> {
  let buffer = '';
  for (const chunk of jsonChunks(value)) {
    buffer += chunk;
    if (buffer.length < FLUSH_AT) continue;
    const copied = copy?.(buffer);
    if (copied) await copied;
    const flushed = res.write(buffer);
    buffer = '';
    if (!flushed) {
      if (res.destroyed) return false;
      await new Promise<void>((resolve) => {
        const done = (): void => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
      if (res.destroyed) return false;
    }
  }
  await copy?.(buffer);
  res.end(buffer);
  return true;
}
