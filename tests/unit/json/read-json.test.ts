// The JSON every reader takes: BOM accepted, too-deep nesting refused with its place, keys
// given twice found with their path and every value.
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, readJson, scanJson } from '../../../src/shared/json/read-json';

describe('readJson', () => {
  it('accepts a leading byte-order mark', () => {
    expect(readJson('\uFEFF{"a":1}').value).toEqual({ a: 1 });
  });

  it('names a key given twice, with its path and each value (JSON.parse kept the last)', () => {
    const text =
      '{"accounts":{"a-1":{"transactions":[{"amount":1},{"amount":100,"x":"]:,","amount":250.5}]}}}';
    const read = readJson(text);
    expect(
      (read.value as { accounts: Record<string, { transactions: { amount: number }[] }> }).accounts[
        'a-1'
      ]!.transactions[1]!.amount,
    ).toBe(250.5);
    expect(read.duplicates).toEqual([
      { path: '$.accounts["a-1"].transactions[1].amount', key: 'amount', values: ['100', '250.5'] },
    ]);
  });

  it('finds a key spelt two ways, three times, and in an object with many keys', () => {
    const many = Array.from({ length: 40 }, (_, i) => `"k${i}":${i}`).join(',');
    const read = readJson(`{"a":"x","\\u0061":{"b":true},"a":null,"big":{${many},"k7":"again"}}`);
    expect(read.duplicates).toEqual([
      { path: '$.a', key: 'a', values: ['"x"', '{…}', 'null'] },
      { path: '$.big.k7', key: 'k7', values: ['7', '"again"'] },
    ]);
  });

  it('reports nothing for the same key in different objects', () => {
    expect(readJson('[{"a":1},{"a":2},{"b":{"a":3}}]').duplicates).toEqual([]);
  });

  it('refuses nesting past the limit, naming where, and text that is not JSON', () => {
    const deep = `{"x":${'['.repeat(MAX_JSON_DEPTH + 5)}${']'.repeat(MAX_JSON_DEPTH + 5)}}`;
    expect(() => readJson(deep, 'f.json')).toThrow(
      /^f\.json is nested more than 256 levels deep \(at \$\.x\[0\]\[0\]\[0\]\[0\]\[0\]…\): not a BankConnect response$/,
    );
    expect(() => readJson('[' + '['.repeat(100_000) + ']'.repeat(100_001))).toThrow(/levels deep/);
    expect(() => readJson('{"a":', 'f.json')).toThrow(/^f\.json is not JSON \(/);
    expect(readJson('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH)).duplicates).toEqual(
      [],
    );
  });

  it('scans any text without throwing, even when it is not JSON', () => {
    for (const text of ['', '"', '{"a', '}}}]]', '{"a":1,"a', '\\"', '{"\\', '[,,,]']) {
      expect(() => scanJson(text)).not.toThrow();
    }
  });
});
