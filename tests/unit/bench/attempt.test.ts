// A failing benchmark measurement is tried once more, then kept as a failed row that the
// table shows and the growth and target checks leave out.
import { describe, expect, it } from 'vitest';
import { withOneRetry } from '../../../bench/lib/attempt';
import { failedRow, formatRow, growthOf, rowOf } from '../../../bench/lib/report';
import { checkTargets } from '../../../bench/lib/targets';
import type { ChildResult } from '../../../bench/lib/types';

function result(size: number, ms: number, variant: 'step' | 'baseline'): ChildResult {
  return {
    step: 'open',
    variant,
    size,
    timesMs: [ms],
    medianMs: ms,
    firstMs: ms,
    inputRssMb: 100,
    peakRssMb: 200,
    firstPeakRssMb: 190,
    facts: {},
  };
}

describe('withOneRetry', () => {
  it('answers the first success without retrying', async () => {
    let calls = 0;
    const outcome = await withOneRetry(() => Promise.resolve(++calls));
    expect(outcome).toEqual({ ok: true, value: 1, retried: false });
  });

  it('tries once more after a failure and says it did', async () => {
    let calls = 0;
    const reasons: string[] = [];
    const outcome = await withOneRetry(
      () => (++calls === 1 ? Promise.reject(new Error('fetch failed\nstack')) : Promise.resolve(7)),
      (reason) => reasons.push(reason),
    );
    expect(outcome).toEqual({ ok: true, value: 7, retried: true });
    expect(reasons).toEqual(['fetch failed']);
  });

  it('gives up after the second failure with its first line', async () => {
    let calls = 0;
    const outcome = await withOneRetry(() => Promise.reject(new Error(`exit ${++calls}\nmore`)));
    expect(outcome).toEqual({ ok: false, error: 'exit 2' });
    expect(calls).toBe(2);
  });
});

describe('failed rows', () => {
  const ok = [50_000, 100_000].map((size) =>
    rowOf(result(size, size / 100, 'step'), result(size, size / 200, 'baseline')),
  );
  const failed = failedRow('open', 200_000, 'open step at 200000: exit 1');

  it('show in the table as failed', () => {
    expect(formatRow(failed)).toMatch(/^open\s+200,000\s+FAILED: open step at 200000: exit 1$/);
  });

  it('are left out of the growth and the targets', () => {
    const [growth] = growthOf([...ok, failed]);
    expect(growth!.largestExponent).toBeCloseTo(1, 5);
    const [open] = checkTargets([...ok, failed]);
    expect(open).toMatchObject({ step: 'open', measured: 'worst 2.00 at 50,000', met: true });
  });
});
