import type { QuantileBand } from './result';

/**
 * The `p` quantile (0–1) of ascending-sorted `sorted` by linear interpolation between order
 * statistics (R's type 7, also NumPy's default). `NaN` for an empty array.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Rounds to 2 decimals (cents of a currency, hundredths of an hour). */
export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** The p10/p50/p90 and mean of `values` (not modified), each rounded to 2 decimals. */
export function toBand(values: Float64Array): QuantileBand {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return {
    p10: round2(quantileSorted(sorted, 0.1)),
    p50: round2(quantileSorted(sorted, 0.5)),
    p90: round2(quantileSorted(sorted, 0.9)),
    mean: round2(values.length > 0 ? sum / values.length : Number.NaN),
  };
}
