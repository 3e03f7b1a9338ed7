// The test bridge's frame (tests/e2e/support/bridge-frame.ts): an answer with typed arrays
// goes to the page and back unchanged, every kind of typed array, empty ones, and views
// onto part of a larger buffer (as v8.deserialize and packing leave them).
import { describe, expect, it } from 'vitest';
import { decodeBridgeFrame, encodeBridgeFrame } from '../../e2e/support/bridge-frame';

/** The frame's bytes as the page receives them: one ArrayBuffer. */
function sent(value: unknown): ArrayBuffer {
  const frame = encodeBridgeFrame(value);
  if (!frame) throw new Error('no frame');
  const bytes = new Uint8Array(frame.byteLength);
  let at = 0;
  for (const part of frame.parts) {
    bytes.set(part, at);
    at += part.byteLength;
  }
  expect(at).toBe(frame.byteLength);
  return bytes.buffer;
}

describe('bridge frame', () => {
  it('round-trips every typed array kind, in objects and arrays, with their values', () => {
    const answer = {
      ok: true,
      result: {
        name: 'SURESH YADAV ₹ 1,00,000',
        nothing: null,
        u8: Uint8Array.of(0, 1, 255),
        u8c: Uint8ClampedArray.of(0, 128, 255),
        i8: Int8Array.of(-128, 0, 127),
        u16: Uint16Array.of(0, 65535),
        i16: Int16Array.of(-32768, 32767),
        u32: Uint32Array.of(0, 4294967295),
        i32: Int32Array.of(-2147483648, 2147483647),
        f32: Float32Array.of(1.5, -0.25),
        f64: Float64Array.of(282000.5, Number.NaN, -0, Number.MAX_VALUE),
        i64: BigInt64Array.of(-(2n ** 63n), 2n ** 63n - 1n),
        u64: BigUint64Array.of(0n, 2n ** 64n - 1n),
        list: [1, Int32Array.of(-7), { deep: [Uint16Array.of(9)] }],
      },
    };
    const back = decodeBridgeFrame(sent(answer)) as typeof answer;
    expect(back).toEqual(answer);
    for (const [key, value] of Object.entries(answer.result)) {
      const got = back.result[key as keyof typeof answer.result];
      if (ArrayBuffer.isView(value)) {
        expect(got?.constructor, key).toBe(value.constructor);
        // Bytes compared, so NaN and -0 count.
        expect(Buffer.from((got as Uint8Array).buffer)).toEqual(
          Buffer.from(value.buffer, value.byteOffset, value.byteLength),
        );
      }
    }
    expect(Object.is((back.result.f64 as Float64Array)[2], -0)).toBe(true);
    expect(back.result.list[1]).toBeInstanceOf(Int32Array);
  });

  it('round-trips empty typed arrays beside full ones', () => {
    const answer = { a: new Float64Array(0), b: Uint32Array.of(5), c: new Uint8Array(0) };
    const back = decodeBridgeFrame(sent(answer)) as typeof answer;
    expect(back.a).toBeInstanceOf(Float64Array);
    expect(back.a.length).toBe(0);
    expect(Array.from(back.b)).toEqual([5]);
    expect(back.c.length).toBe(0);
  });

  it('sends only the viewed part of a larger buffer, and each array gets its own buffer', () => {
    const shared = new ArrayBuffer(64);
    new Uint8Array(shared).fill(0xee);
    const amounts = new Float64Array(shared, 16, 2);
    amounts.set([100.25, -3]);
    const codes = new Uint32Array(shared, 40, 3);
    codes.set([1, 2, 3]);
    const frame = encodeBridgeFrame({ amounts, codes })!;
    // 4 bytes of length, the header, then 16 + 12 bytes: not the 64 of the buffer.
    expect(frame.byteLength).toBe(4 + new TextEncoder().encode(frame.header).length + 16 + 12);
    const back = decodeBridgeFrame(sent({ amounts, codes })) as {
      amounts: Float64Array;
      codes: Uint32Array;
    };
    expect(Array.from(back.amounts)).toEqual([100.25, -3]);
    expect(Array.from(back.codes)).toEqual([1, 2, 3]);
    expect(back.amounts.byteOffset).toBe(0);
    expect(back.amounts.buffer.byteLength).toBe(16);
    expect(back.codes.buffer.byteLength).toBe(12);
  });

  it('a typed array as the whole answer, and no frame for an answer without one', () => {
    expect(Array.from(decodeBridgeFrame(sent(Int16Array.of(-1, 2))) as Int16Array)).toEqual([
      -1, 2,
    ]);
    expect(encodeBridgeFrame({ ok: true, result: { list: [1, 'two'] } })).toBeNull();
  });

  it("keeps the header readable as JSON with the arrays' kinds (what tests scan)", () => {
    const frame = encodeBridgeFrame({ ok: true, result: { amount: Float64Array.of(1) } })!;
    const header = JSON.parse(frame.header) as { value: unknown; parts: unknown[] };
    expect(header.value).toEqual({ ok: true, result: { amount: null } });
    expect(header.parts).toEqual([
      { path: ['result', 'amount'], type: 'Float64Array', offset: 0, byteLength: 8 },
    ]);
  });

  it('gives text back exactly, long and short, Indian scripts, a BOM, a lone surrogate', () => {
    const answer = {
      amount: Float64Array.of(1),
      texts: [
        'UPI-SURESH YADAV-9933839045@okicici-'.repeat(300),
        '₹ 1,00,000 नकद जमा 🙂 '.repeat(400),
        '\uFEFF' + 'x'.repeat(5000),
        'a'.repeat(5000) + '\uD800' + 'b',
        'short ₹',
      ],
    };
    const back = decodeBridgeFrame(sent(answer)) as typeof answer;
    expect(back.texts).toEqual(answer.texts);
    expect(back.texts[2]!.charCodeAt(0)).toBe(0xfeff);
    expect(back.texts[3]!.charCodeAt(5000)).toBe(0xd800);
    expect(back.amount).toEqual(answer.amount);
  });
});
