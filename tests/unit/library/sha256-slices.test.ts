// The checksum is computed over slices of the payload text: it must equal the hash of the
// whole text's UTF-8 wherever the slices fall, surrogate pairs and multi-byte text included.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/core/library/format';

const whole = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('sha256Hex', () => {
  const texts = [
    '',
    'a',
    '{"narration":"UPI-₹500-naïve"}',
    'pay 😀 to 🏦 bank'.repeat(7),
    '😀😀😀😀😀',
    // A lone high surrogate at the very end, and one in the middle.
    'abc\ud83d',
    'ab\ud83dcd',
  ];

  it.each(texts)('gives the whole-text digest for every slice size: %j', (text) => {
    for (let chunk = 1; chunk <= Math.max(1, text.length + 1); chunk++) {
      expect(sha256Hex(text, chunk)).toBe(whole(text));
    }
    expect(sha256Hex(text)).toBe(whole(text));
  });

  it('tells different texts apart', () => {
    expect(sha256Hex('😀a', 1)).not.toBe(sha256Hex('😀b', 1));
  });
});
