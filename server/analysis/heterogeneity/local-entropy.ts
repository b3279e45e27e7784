/**
 * Heterogeneity map (SPEC.md H1-H4): per-voxel Shannon entropy of the discretised grey levels in
 * a cubic window, restricted to the lesion.
 */
import { AnalysisError } from "../errors";
import { checkGrid, lesionBoundingBox, type Dims } from "./lesion-grid";

export interface LocalEntropyOptions {
  /** Half-width of the cubic window in voxels; 2 gives the 5 x 5 x 5 window of DESIGN §2.2. */
  radius?: number;
}

export const DEFAULT_ENTROPY_RADIUS = 2;

/** Grey levels spanned inside one lesion beyond which the input cannot be a discretised image. */
const MAX_LEVELS = 1 << 20;

/**
 * Local entropy map (SPEC.md H1-H4).
 *
 * For every lesion voxel v: H(v) = -sum_g p_g log2 p_g over the discretised levels g of the lesion
 * voxels inside the (2r+1)^3 window centred on v (window in voxels, not mm, as in DESIGN §2.2).
 * Voxels outside the lesion are 0. Entropy is in bits; the maximum is log2((2r+1)^3).
 *
 * Speed (H4): the window slides along x with an incremental histogram; entropy is kept as
 * H = log2 N - S / N with S = sum_g c_g log2 c_g updated from a table of c log2 c differences, so a
 * step costs 2 (2r+1)^2 voxel visits instead of (2r+1)^3 plus a histogram scan.
 *
 * @param bins discretised grey level per voxel (1-based) on the full image grid: the radiomics
 *   `discretise` (fixed bin width, 25 HU by default for CT) of the lesion's values, scattered back
 *   to their voxels; values outside the lesion are ignored.
 * @param mask lesion mask on the same grid; non-zero = lesion.
 * @param dims grid size [nx, ny, nz].
 * @returns entropy in bits per voxel, on the full grid.
 * @see Shannon CE, Bell Syst Tech J 1948; IBSI (Zwanenburg et al., Radiology 2020) for discretisation.
 */
export function localEntropyMap(
  bins: Int32Array,
  mask: Uint8Array,
  dims: Dims,
  opts: LocalEntropyOptions = {},
): Float32Array {
  const r = opts.radius ?? DEFAULT_ENTROPY_RADIUS;
  if (!Number.isInteger(r) || r < 1) {
    throw new AnalysisError("INVALID_SETTINGS", `radius must be a positive integer, got ${r}`);
  }
  const n = checkGrid(dims, { bins, mask });
  const [nx, ny] = dims;
  const box = lesionBoundingBox(mask, dims);
  const [x0, y0, z0] = box.min;
  const bx = box.max[0] - x0 + 1;
  const by = box.max[1] - y0 + 1;
  const bz = box.max[2] - z0 + 1;

  // Cropping to the bounding box keeps the work proportional to the lesion, not the scan.
  let minBin = Infinity;
  let maxBin = -Infinity;
  for (let i = 0; i < n; i++) {
    if (mask[i] === 0) continue;
    if (bins[i] < minBin) minBin = bins[i];
    if (bins[i] > maxBin) maxBin = bins[i];
  }
  if (minBin < 1) throw new AnalysisError("INVALID_INPUT", `grey levels must be 1-based, found ${minBin} in the lesion`);
  if (maxBin - minBin + 1 > MAX_LEVELS) {
    throw new AnalysisError("INVALID_INPUT", `the lesion spans ${maxBin - minBin + 1} grey levels; discretise first`);
  }
  // Level minus minBin for lesion voxels, -1 elsewhere, so the inner loops read one array.
  const level = new Int32Array(bx * by * bz).fill(-1);
  for (let z = 0; z < bz; z++) {
    for (let y = 0; y < by; y++) {
      const src = x0 + nx * (y0 + y + ny * (z0 + z));
      const dst = bx * (y + by * z);
      for (let x = 0; x < bx; x++) if (mask[src + x] !== 0) level[dst + x] = bins[src + x] - minBin;
    }
  }

  const side = 2 * r + 1;
  const maxCount = side * side * side;
  // inc[c] = (c+1) log2(c+1) - c log2 c: the change in S when a level's count goes from c to c+1.
  const inc = new Float64Array(maxCount);
  const log2N = new Float64Array(maxCount + 1);
  for (let c = 0; c < maxCount; c++) inc[c] = xlog2x(c + 1) - xlog2x(c);
  for (let c = 1; c <= maxCount; c++) log2N[c] = Math.log2(c);

  const counts = new Int32Array(maxBin - minBin + 1);
  const out = new Float32Array(n);
  let total = 0;
  let s = 0;
  let ya = 0;
  let yb = 0;
  let za = 0;
  let zb = 0;

  // Adds (delta = 1) or removes (delta = -1) the lesion voxels of the window's y-z plane at column px.
  const slide = (px: number, delta: 1 | -1): void => {
    for (let zz = za; zz <= zb; zz++) {
      for (let yy = ya; yy <= yb; yy++) {
        const v = level[px + bx * (yy + by * zz)];
        if (v < 0) continue;
        if (delta === 1) {
          s += inc[counts[v]++];
          total++;
        } else {
          s -= inc[--counts[v]];
          total--;
        }
      }
    }
  };

  for (let z = 0; z < bz; z++) {
    za = Math.max(0, z - r);
    zb = Math.min(bz - 1, z + r);
    for (let y = 0; y < by; y++) {
      const row = bx * (y + by * z);
      if (!rowHasLesion(level, row, bx)) continue;
      ya = Math.max(0, y - r);
      yb = Math.min(by - 1, y + r);
      for (let px = 0; px <= Math.min(r, bx - 1); px++) slide(px, 1);
      const outRow = x0 + nx * (y0 + y + ny * (z0 + z));
      for (let x = 0; x < bx; x++) {
        if (level[row + x] >= 0) {
          const h = log2N[total] - s / total;
          // Running sums carry ~1e-15 rounding; a one-level window must read exactly 0 (H2).
          out[outRow + x] = h > 1e-9 ? h : 0;
        }
        if (x - r >= 0) slide(x - r, -1);
        if (x + r + 1 < bx) slide(x + r + 1, 1);
      }
      for (let px = Math.max(0, bx - r); px < bx; px++) slide(px, -1);
      s = 0; // counts and total are back to zero; reset the float sum so rounding never accumulates
    }
  }
  return out;
}

function xlog2x(c: number): number {
  return c === 0 ? 0 : c * Math.log2(c);
}

function rowHasLesion(level: Int32Array, row: number, bx: number): boolean {
  for (let x = 0; x < bx; x++) if (level[row + x] >= 0) return true;
  return false;
}
