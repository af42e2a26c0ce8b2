/**
 * The random source of a simulation. The model has no randomness of its own: a caller passes a
 * seed (and, if it likes, its own generator factory), so the same seed gives the same numbers.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
}

/** Builds an {@link Rng} from a 32-bit seed; {@link createSeededRng} is the default. */
export type RngFactory = (seed: number) => Rng;

/**
 * A seeded generator: mulberry32 (Tommy Ettinger's public-domain 32-bit generator, written from
 * its description). Only the low 32 bits of `seed` are used; the same seed gives the same sequence
 * on every machine. Fast and well spread, not for cryptography.
 */
export function createSeededRng(seed: number): Rng {
  let a = seed >>> 0;
  return {
    next() {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/**
 * The seed of run `run` of a simulation seeded with `seed`: a 32-bit hash of both (the murmur3
 * finaliser), so each run has its own stream and the first k runs do not depend on how many follow.
 */
export function deriveRunSeed(seed: number, run: number): number {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(run + 1, 0x85ebca77)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
