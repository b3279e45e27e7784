/**
 * Deterministic randomness for the demo phantom: string hashing for seeds, smooth lattice noise
 * for organ and lesion texture, and correlated (grainy) CT noise per slice.
 * Everything is seeded, so a scan's bytes depend only on the story.
 */
import { createRng } from "../analysis/random";

export { createRng };

/** FNV-1a over UTF-16 code units: stable seeds from names ("crc-anti-egfr/L1"). */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Integer lattice hash in [0, 1): the value of the noise at a lattice point. */
function lattice(ix: number, iy: number, iz: number, seed: number): number {
  let h = Math.imul(ix, 0x27d4eb2d) ^ Math.imul(iy, 0x165667b1) ^ Math.imul(iz, 0x9e3779b1) ^ seed;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

const fade = (t: number) => t * t * (3 - 2 * t);

/** Value noise in [-1, 1], smooth (C1) between lattice points one unit apart. */
export function valueNoise3(x: number, y: number, z: number, seed: number): number {
  const x0 = Math.floor(x), y0 = Math.floor(y), z0 = Math.floor(z);
  const fx = fade(x - x0), fy = fade(y - y0), fz = fade(z - z0);
  let acc = 0;
  for (let c = 0; c < 8; c++) {
    const dx = c & 1, dy = (c >> 1) & 1, dz = (c >> 2) & 1;
    const w = (dx ? fx : 1 - fx) * (dy ? fy : 1 - fy) * (dz ? fz : 1 - fz);
    acc += w * lattice(x0 + dx, y0 + dy, z0 + dz, seed);
  }
  return acc * 2 - 1;
}

/** Two-octave value noise, roughly in [-1, 1]: lesion heterogeneity and irregular necrosis. */
export function fbm3(x: number, y: number, z: number, seed: number): number {
  return 0.67 * valueNoise3(x, y, z, seed) + 0.33 * valueNoise3(2.03 * x, 2.03 * y, 2.03 * z, seed ^ 0x5bd1e995);
}

/** Binomial 1-4-6-4-1 kernel: a near-Gaussian blur with sigma of one pixel, in five taps. */
const TAPS = [1 / 16, 4 / 16, 6 / 16, 4 / 16, 1 / 16];
const TAPS_SUM_SQ = TAPS.reduce((a, w) => a + w * w, 0);

/** Scratch buffers for addCorrelatedNoise, sized for one padded slice. */
export function noiseWork(nx: number, ny: number): { a: Float32Array; b: Float32Array } {
  return { a: new Float32Array((nx + 4) * (ny + 4)), b: new Float32Array((nx + 4) * ny) };
}

/**
 * Adds CT-like noise to one slice: white noise blurred by a small (binomial, ~Gaussian) kernel,
 * because reconstructed CT noise is spatially correlated (a grain of a pixel or two), not
 * independent per pixel. The blur's variance reduction is compensated so the result has standard
 * deviation `sigmaHu`. The white noise is drawn on a slice padded by two pixels, so the blur needs
 * no edge handling.
 */
export function addCorrelatedNoise(slice: Float32Array, nx: number, ny: number, sigmaHu: number, rng: () => number, work: { a: Float32Array; b: Float32Array }): void {
  const { a, b } = work;
  const w = nx + 4;
  for (let p = 0; p < a.length; p++) a[p] = rng() - 0.5;
  const [k0, k1, k2] = TAPS;
  // Vertical pass over the padded width, then horizontal into the slice.
  for (let y = 0; y < ny; y++) {
    const o = y * w;
    for (let x = 0; x < w; x++) {
      b[o + x] = k0 * (a[o + x] + a[o + 4 * w + x]) + k1 * (a[o + w + x] + a[o + 3 * w + x]) + k2 * a[o + 2 * w + x];
    }
  }
  // Uniform(-0.5, 0.5) has variance 1/12; a separable 2D blur scales the deviation by sumSq.
  const gain = sigmaHu / (Math.sqrt(1 / 12) * TAPS_SUM_SQ);
  for (let y = 0; y < ny; y++) {
    const o = y * w, q = y * nx;
    for (let x = 0; x < nx; x++) {
      slice[q + x] += gain * (k0 * (b[o + x] + b[o + x + 4]) + k1 * (b[o + x + 1] + b[o + x + 3]) + k2 * b[o + x + 2]);
    }
  }
}
