import { describe, expect, it } from 'vitest';
import { releaseBytes } from '../../../src/core/io/release-bytes';

describe('releaseBytes', () => {
  it('frees a buffer that owns its memory at once: it and its views read as empty', () => {
    const bytes = Buffer.alloc(8 * 1024 * 1024, 0x41);
    const view = bytes.subarray(10, 20);
    const before = process.memoryUsage().arrayBuffers;
    releaseBytes(bytes);
    expect(before - process.memoryUsage().arrayBuffers).toBeGreaterThanOrEqual(8 * 1024 * 1024);
    expect(bytes.length).toBe(0);
    expect(view.length).toBe(0);
    // A second call finds it already released.
    expect(() => releaseBytes(bytes)).not.toThrow();
  });

  it("leaves a slice of Node's pool, and a part of a larger buffer, as they are", () => {
    const pooled = Buffer.from('small text');
    releaseBytes(pooled);
    expect(pooled.toString()).toBe('small text');
    const whole = Buffer.alloc(1024, 0x42);
    const part = whole.subarray(0, 512);
    releaseBytes(part);
    expect(part.length).toBe(512);
    expect(whole[1023]).toBe(0x42);
  });

  it('frees a buffer whose memory runs the spare bytes given past its end, and no further', () => {
    const memory = new ArrayBuffer(4097);
    const bytes = Buffer.from(memory, 0, 4096);
    releaseBytes(bytes);
    expect(bytes.length).toBe(4096);
    releaseBytes(Buffer.from(new ArrayBuffer(4098), 0, 4096), 1);
    expect(memory.detached).toBe(false);
    releaseBytes(bytes, 1);
    expect(memory.detached).toBe(true);
    expect(bytes.length).toBe(0);
  });
});
