import { describe, expect, it } from 'vitest';
import { createSeededRng, deriveRunSeed } from './rng';

const draw = (seed: number, n: number) => {
  const rng = createSeededRng(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe('createSeededRng', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    expect(draw(42, 20)).toEqual(draw(42, 20));
    expect(draw(42, 20)).not.toEqual(draw(43, 20));
  });

  it('gives floats in [0, 1) spread evenly (mean ≈ 1/2, each tenth ≈ 10%)', () => {
    const xs = draw(7, 100_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    // Mean of 100,000 uniforms: standard error 0.289 / 316 ≈ 0.0009; allow 5 SE.
    expect(Math.abs(xs.reduce((s, x) => s + x, 0) / xs.length - 0.5)).toBeLessThan(0.0046);
    const tenths = new Array(10).fill(0);
    for (const x of xs) tenths[Math.floor(x * 10)]++;
    // Each count is binomial(100,000, 0.1): SE ≈ 95; allow 5 SE.
    for (const c of tenths) expect(Math.abs(c - 10_000)).toBeLessThan(475);
  });

  it('uses the low 32 bits of the seed', () => {
    expect(draw(2 ** 32 + 5, 5)).toEqual(draw(5, 5));
  });
});

describe('deriveRunSeed', () => {
  it('gives each run its own 32-bit seed, the same every time', () => {
    const seeds = Array.from({ length: 1000 }, (_, run) => deriveRunSeed(1, run));
    expect(new Set(seeds).size).toBe(1000);
    for (const s of seeds) expect(s >>> 0).toBe(s);
    expect(deriveRunSeed(1, 3)).toBe(seeds[3]);
    expect(deriveRunSeed(2, 3)).not.toBe(seeds[3]);
  });
});
