import { describe, expect, it } from 'vitest';
import { quantileSorted, round2, toBand } from './quantiles';

describe('quantiles', () => {
  it('interpolates between order statistics (R type 7)', () => {
    const xs = [10, 20, 30, 40, 50];
    // h = (n − 1) p: p10 → h 0.4 → 10 + 0.4 × 10 = 14; p50 → 30; p90 → h 3.6 → 40 + 0.6 × 10 = 46.
    expect(quantileSorted(xs, 0.1)).toBeCloseTo(14);
    expect(quantileSorted(xs, 0.5)).toBe(30);
    expect(quantileSorted(xs, 0.9)).toBeCloseTo(46);
    expect(quantileSorted(xs, 0)).toBe(10);
    expect(quantileSorted(xs, 1)).toBe(50);
    expect(quantileSorted([7], 0.9)).toBe(7);
    expect(Number.isNaN(quantileSorted([], 0.5))).toBe(true);
  });

  it('bands unsorted values without changing them, rounded to 2 decimals', () => {
    const values = Float64Array.from([3, 1, 2, 4]);
    // Sorted 1 2 3 4: p10 h 0.3 → 1.3; p50 h 1.5 → 2.5; p90 h 2.7 → 3.7; mean 2.5.
    expect(toBand(values)).toEqual({ p10: 1.3, p50: 2.5, p90: 3.7, mean: 2.5 });
    expect(Array.from(values)).toEqual([3, 1, 2, 4]);
    expect(round2(2.154700538)).toBe(2.15);
  });
});
