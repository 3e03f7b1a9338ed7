// An answer kept as its text compressed with zstd, packed while it is sent. The served
// demo-large-<N> sessions hold no transactions and write them again for every answer
// (generator.ts), seconds of work at 200,000; an answer asked for again is packed (about
// 15 MB) and later ones are unpacked as they are sent.
import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants, createZstdCompress, createZstdDecompress } from 'node:zlib';

export interface PackedAnswer {
  /** The answer's text, UTF-8, zstd-compressed. */
  readonly zstd: Buffer;
  /** The text's length in bytes (the answer's Content-Length). */
  readonly length: number;
}

export interface Packer {
  /** The next piece of the text as it is sent; a promise when the packer is behind. */
  add(text: string): Promise<void> | void;
  /** The packed text, once every piece was added. */
  finish(length: number): Promise<PackedAnswer>;
  abandon(): void;
}

export function startPacking(): Packer {
  // Level 1: the text is mostly field names and nulls; packing runs beside the sending.
  const compress = createZstdCompress({ params: { [constants.ZSTD_c_compressionLevel]: 1 } });
  const packed: Buffer[] = [];
  compress.on('data', (chunk: Buffer) => packed.push(chunk));
  return {
    // Kept at the packer's pace: unpacked pieces must not pile up beside the answer.
    add: (text) => (compress.write(text, 'utf8') ? undefined : once(compress, 'drain').then()),
    async finish(length) {
      compress.end();
      // 'end' comes after the last 'data': every packed piece is in.
      await once(compress, 'end');
      return { zstd: Buffer.concat(packed), length };
    },
    abandon: () => compress.destroy(),
  };
}

/** Sends a packed answer as its text, at the pace the client reads it. */
export async function sendPacked(res: ServerResponse, answer: PackedAnswer): Promise<void> {
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Content-Length': String(answer.length),
  });
  try {
    await pipeline(Readable.from([answer.zstd]), createZstdDecompress(), res);
  } catch {
    // The client went away mid-answer: nothing to tell it.
    res.destroy();
  }
}
