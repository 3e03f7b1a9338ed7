// The one size ceiling for every way a session comes in (a compressed .bcsession, raw API
// JSON from a file, an HTTP answer) and the helpers that enforce it while reading, so a
// hostile or broken input costs at most the ceiling in memory, never what it claims.
//
// The largest session the app is built for (200,000 transactions) is 283 MB of
// subscribed_data JSON, 309 MB as a format-1 envelope and 364 MB as `bcv fetch --out`
// writes it (indented); 512 MiB leaves headroom above all three.
import * as zlib from 'node:zlib';
import type { FileHandle } from 'node:fs/promises';
import * as nodeFs from 'node:fs/promises';
import { CoreError } from '../core-error';
import { byteCounter, type ByteReport } from './byte-progress';
import { openRegularFile, type RegularFileFs } from './regular-file';

export const MAX_SESSION_BYTES = 512 * 1024 * 1024;

export class TooLargeError extends CoreError<'TOO_LARGE'> {
  constructor(message: string) {
    super('TOO_LARGE', message);
    this.name = 'TooLargeError';
  }
}

export function formatMiB(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MiB`;
}

/** `said` leads into the ceiling: "x.json is 2048 MiB," / "x.bcsession unpacks to". */
function tooLarge(said: string, limit: number): TooLargeError {
  return new TooLargeError(
    `${said} more than the largest session this app opens (${formatMiB(limit)}): refused`,
  );
}

export type Compression = 'gzip' | 'zstd';

interface InflateOptions {
  /** Says what is being read, for the message ("the file", "x.bcsession"). */
  readonly what?: string;
  readonly limit?: number;
  /** Output buffer size: a known output length given here is one buffer, not many steps. */
  readonly chunkSize?: number;
}

interface ReadOptions extends InflateOptions {
  /** Bytes read so far of the size announced (a file's, a Content-Length; null if none). */
  readonly onBytes?: ByteReport;
  /** Stops the read between chunks (a cancelled open). */
  readonly signal?: AbortSignal;
}

type Inflate = (
  bytes: Uint8Array,
  options: zlib.ZlibOptions,
  callback: (error: Error | null, result: Buffer) => void,
) => void;

function inflaterOf(compression: Compression): Inflate {
  if (compression === 'gzip') return zlib.gunzip;
  // zstd is in node:zlib from Node 22.15/23.8; older Nodes cannot read format 2.
  const zstd = (zlib as unknown as { zstdDecompress?: Inflate }).zstdDecompress;
  if (!zstd) {
    throw new CoreError(
      'UNSUPPORTED_RUNTIME',
      'zstd decompression needs Node 22.15 or newer (this runtime has none)',
    );
  }
  return zstd;
}

/**
 * Decompresses with a ceiling: the inflater stops as soon as its output would pass the
 * limit (zlib's maxOutputLength), so a 28 MB file claiming 6 GB costs at most the limit.
 * Other decompression errors are passed on unchanged for the caller to explain.
 */
export function inflateBounded(
  bytes: Uint8Array,
  compression: Compression,
  options: InflateOptions = {},
): Promise<Buffer> {
  const limit = options.limit ?? MAX_SESSION_BYTES;
  const inflate = inflaterOf(compression);
  return new Promise((resolve, reject) => {
    const chunk = options.chunkSize
      ? { chunkSize: Math.max(zlib.constants.Z_MIN_CHUNK, options.chunkSize) }
      : {};
    inflate(bytes, { maxOutputLength: limit, ...chunk }, (error, result) => {
      if (!error) return resolve(result);
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        return reject(tooLarge(`${options.what ?? 'the file'} unpacks to`, limit));
      }
      reject(error);
    });
  });
}

/** The file-system calls readFileBounded makes (injectable, as the library's are). */
export type BoundedReadFs = RegularFileFs;

/**
 * Reads a whole file, refusing it before reading when it is larger than the limit (and
 * while reading, should it grow meanwhile). A folder, FIFO or device is refused by what it is.
 */
export async function readFileBounded(
  path: string,
  options: ReadOptions & { readonly fs?: BoundedReadFs } = {},
): Promise<Buffer> {
  const limit = options.limit ?? MAX_SESSION_BYTES;
  const what = options.what ?? path;
  // Only a regular file: a FIFO or a device would block or never end.
  const handle: FileHandle = await openRegularFile(path, what, options.fs ?? nodeFs);
  try {
    const stat = await handle.stat();
    if (stat.size > limit) throw tooLarge(`${what} is ${formatMiB(stat.size)},`, limit);
    const counted = byteCounter(stat.size, options.onBytes);
    const gathered = gatherer(stat.size);
    let total = 0;
    counted(0);
    for (;;) {
      options.signal?.throwIfAborted();
      // 1 MiB at a time: a progress count per chunk (a 40 MB snapshot says how far it is).
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, limit + 1 - total) || 1);
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > limit) throw tooLarge(`${what} grew while it was read to`, limit);
      gathered.add(chunk.subarray(0, bytesRead));
      counted(total);
    }
    counted(total, true);
    return gathered.result();
  } catch (error) {
    // A folder opened for reading fails at the first read on some systems.
    if ((error as { code?: string }).code === 'EISDIR') {
      throw new CoreError('IS_A_FOLDER', `${what} is a folder, not a file`);
    }
    throw error;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * The body of an HTTP answer, read as a stream and given up (the connection cancelled) as
 * soon as it passes the limit: a body that never ends or a huge one cannot exhaust memory.
 */
export async function readBodyBounded(
  response: Response,
  options: Omit<ReadOptions, 'signal'> = {},
): Promise<Buffer> {
  const limit = options.limit ?? MAX_SESSION_BYTES;
  const what = options.what ?? 'the answer';
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(`${what} is ${formatMiB(declared)},`, limit);
  }
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const counted = byteCounter(Number.isFinite(declared) ? declared : null, options.onBytes);
  const gathered = gatherer(Number.isFinite(declared) ? declared : null);
  let total = 0;
  counted(0);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(`${what} goes on to`, limit);
    }
    gathered.add(value);
    counted(total);
  }
  counted(total, true);
  return gathered.result();
}

/**
 * Chunks into one buffer. With the size known (a file's, an announced Content-Length) the
 * buffer is made once and each chunk copied in as it comes, so the chunks are garbage at
 * once and no second whole copy is made at the end (for 283 MB, 283 MB less at the peak of
 * `bcv fetch`); a body longer than announced (a compressed transfer) is joined as before.
 */
function gatherer(expected: number | null): { add(chunk: Uint8Array): void; result(): Buffer } {
  let into: Buffer | null = expected !== null && expected > 0 ? Buffer.allocUnsafe(expected) : null;
  const chunks: Uint8Array[] = [];
  let total = 0;
  return {
    add(chunk) {
      if (into && total + chunk.byteLength <= into.length) into.set(chunk, total);
      else {
        if (into) chunks.push(into.subarray(0, total));
        into = null;
        chunks.push(chunk);
      }
      total += chunk.byteLength;
    },
    result() {
      if (into) return total === into.length ? into : into.subarray(0, total);
      return Buffer.concat(chunks, total);
    },
  };
}
