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
 * A JSON array whose items are made as they are written, and let go once written: the
 * sandbox's largest sessions keep their ledger and not 200,000 transaction objects too.
 */
export class JsonList {
  constructor(
    readonly length: number,
    private readonly itemAt: (index: number) => unknown,
  ) {}

  item(index: number): unknown {
    return this.itemAt(index);
  }
}

export function* jsonChunks(value: unknown): Generator<string> {
  if (value instanceof JsonList) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      yield* jsonChunks(value.item(i) ?? null);
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

/** The bytes writeJson sends for `value` (a Content-Length), counted without one big string. */
export function jsonByteLength(value: unknown): number {
  let bytes = 0;
  for (const chunk of jsonChunks(value)) bytes += Buffer.byteLength(chunk);
  return bytes;
}

export async function writeJson(res: ServerResponse, value: unknown): Promise<void> {
  let buffer = '';
  for (const chunk of jsonChunks(value)) {
    buffer += chunk;
    if (buffer.length < FLUSH_AT) continue;
    const flushed = res.write(buffer);
    buffer = '';
    if (!flushed) {
      if (res.destroyed) return;
      await new Promise<void>((resolve) => {
        const done = (): void => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
      if (res.destroyed) return;
    }
  }
  res.end(buffer);
}
