// Small statistics for the benchmark table: medians and the growth exponent.

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The exponent k in time ~ size^k, by least squares on log-log points: 1 is linear, below
 * 1 better than linear, above it worse. Needs two sizes or more.
 */
export function growthExponent(points: readonly { size: number; ms: number }[]): number | null {
  const usable = points.filter((p) => p.size > 0 && p.ms > 0);
  if (usable.length < 2) return null;
  const xs = usable.map((p) => Math.log(p.size));
  const ys = usable.map((p) => Math.log(p.ms));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return den === 0 ? null : num / den;
}

export function mb(bytes: number): number {
  return Math.round((bytes / 1048576) * 10) / 10;
}
