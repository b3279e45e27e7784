/**
 * Seeded pseudo-random numbers for the analysis core.
 *
 * The core must be deterministic (STYLE.md "The pure core"), so nothing in it calls `Math.random`:
 * every stochastic step (k-means++ seeding, subsampling) takes a generator made here from a seed
 * that the caller stores with the result.
 */

/**
 * Creates a mulberry32 generator (Tommy Ettinger, 2017; public domain): 32-bit state, period 2^32,
 * passes gjrand and PractRand up to 2^32 outputs, which is ample for seeding and subsampling.
 *
 * @param seed any finite number; it is reduced to an unsigned 32-bit integer, so `seed` and
 *   `seed + 2^32` give the same stream.
 * @returns a function returning uniform numbers in [0, 1) with 32 bits of resolution.
 */
export function createRng(seed: number): () => number {
  if (!Number.isFinite(seed)) throw new RangeError(`createRng: seed must be finite, got ${seed}`);
  let state = Math.trunc(seed) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
