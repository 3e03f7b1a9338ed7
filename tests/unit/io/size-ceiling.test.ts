// The size ceiling: every reader stops at it instead of at whatever the input claims.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  inflateBounded,
  MAX_SESSION_BYTES,
  readBodyBounded,
  readFileBounded,
} from '../../../src/core/io/size-ceiling';
import { tempDir } from '../library/helpers';

describe('size ceiling', () => {
  it('is above the largest session the app is built for (364 MB as bcv fetch writes it)', () => {
    expect(MAX_SESSION_BYTES).toBeGreaterThan(364_105_272);
  });

  it('inflates up to the limit and refuses past it with one line', async () => {
    const packed = gzipSync(Buffer.alloc(2000, 'a'));
    expect((await inflateBounded(packed, 'gzip', { limit: 2000 })).length).toBe(2000);
    const refused = inflateBounded(packed, 'gzip', { limit: 1999, what: 'x.bcsession' });
    await expect(refused).rejects.toMatchObject({ code: 'TOO_LARGE' });
    await expect(refused).rejects.toThrow(/^x\.bcsession unpacks to more than the largest session/);
  });

  it('passes other gzip errors on for the caller to explain', async () => {
    const cut = gzipSync(Buffer.alloc(5000, 'a')).subarray(0, 20);
    await expect(inflateBounded(cut, 'gzip')).rejects.toMatchObject({ code: 'Z_BUF_ERROR' });
  });

  it('refuses a file past the limit before reading it, and a folder by name', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'big.json'), Buffer.alloc(101));
    await writeFile(join(dir, 'ok.json'), Buffer.alloc(100, 1));
    await mkdir(join(dir, 'x.bcsession'));
    await expect(
      readFileBounded(join(dir, 'big.json'), { limit: 100, what: 'big.json' }),
    ).rejects.toMatchObject({ code: 'TOO_LARGE', message: expect.stringMatching(/^big\.json is/) });
    expect(await readFileBounded(join(dir, 'ok.json'), { limit: 100 })).toEqual(
      Buffer.alloc(100, 1),
    );
    await expect(
      readFileBounded(join(dir, 'x.bcsession'), { what: 'x.bcsession' }),
    ).rejects.toMatchObject({
      code: 'IS_A_FOLDER',
      message: 'x.bcsession is a folder, not a file',
    });
  });

  it('gives up a body that never ends once it passes the limit, and cancels it', async () => {
    let cancelled = false;
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1024;
        controller.enqueue(new Uint8Array(1024));
      },
      cancel() {
        cancelled = true;
      },
    });
    const reading = readBodyBounded(new Response(endless), {
      limit: 64 * 1024,
      what: 'The answer',
    });
    await expect(reading).rejects.toMatchObject({ code: 'TOO_LARGE' });
    expect(cancelled).toBe(true);
    expect(sent).toBeLessThan(80 * 1024);
  });

  it('refuses a body whose declared length is past the limit without reading it', async () => {
    const response = new Response('{}', { headers: { 'content-length': '999999' } });
    await expect(readBodyBounded(response, { limit: 1000 })).rejects.toMatchObject({
      code: 'TOO_LARGE',
    });
    expect((await readBodyBounded(new Response('{"a":1}'))).toString()).toBe('{"a":1}');
  });

  it('gives the bytes exactly whether the body is as long as announced, longer or shorter', async () => {
    const bytes = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251));
    const chunked = (declared: number) =>
      new Response(
        new ReadableStream({
          start(controller) {
            for (let at = 0; at < bytes.length; at += 700)
              controller.enqueue(bytes.subarray(at, at + 700));
            controller.close();
          },
        }),
        { headers: { 'content-length': String(declared) } },
      );
    // Announced exactly, announced shorter (a compressed transfer), announced longer (cut).
    for (const declared of [5000, 1200, 9000]) {
      expect((await readBodyBounded(chunked(declared))).equals(bytes)).toBe(true);
    }
  });
});
