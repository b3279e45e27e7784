/**
 * Intralesional heterogeneity (ITH) score (SPEC.md H10-H12).
 */
import { AnalysisError } from "../errors";
import { DEFAULT_ENTROPY_RADIUS } from "./local-entropy";

/** Lesions with fewer voxels than this are too small for texture (DESIGN §2.2). */
export const ITH_MIN_VOXELS = 64;

export type IthResult =
  | { tooSmall: false; score: number; meanEntropyBits: number; voxelCount: number }
  | { tooSmall: true; voxelCount: number; reason: string };

/**
 * ITH score, 0-100: mean local entropy over the lesion / log2((2r+1)^3) * 100; with the default
 * 5 x 5 x 5 window the divisor is log2(125) ≈ 6.966 bits, the entropy of a window whose 125 voxels
 * all differ, so 100 means maximal local disorder (H10).
 *
 * @param entropyMap output of `localEntropyMap` (bits per voxel, full grid).
 * @param mask the lesion mask used for that map; non-zero = lesion.
 * @param opts.radius the window half-width the map was computed with (default 2).
 * @returns the score, or `tooSmall` for lesions under 64 voxels, which are not scored (H11).
 */
export function ithScore(entropyMap: Float32Array, mask: Uint8Array, opts: { radius?: number } = {}): IthResult {
  if (entropyMap.length !== mask.length) {
    throw new AnalysisError("MASK_IMAGE_MISMATCH", `entropy map has ${entropyMap.length} voxels, mask ${mask.length}`);
  }
  const r = opts.radius ?? DEFAULT_ENTROPY_RADIUS;
  if (!Number.isInteger(r) || r < 1) throw new AnalysisError("INVALID_SETTINGS", `radius must be a positive integer, got ${r}`);
  let voxelCount = 0;
  let sum = 0;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] === 0) continue;
    voxelCount++;
    sum += entropyMap[i];
  }
  if (voxelCount < ITH_MIN_VOXELS) {
    return {
      tooSmall: true,
      voxelCount,
      reason: `${voxelCount} voxels: too small for texture (needs at least ${ITH_MIN_VOXELS}), not scored`,
    };
  }
  const meanEntropyBits = sum / voxelCount;
  const maxBits = Math.log2((2 * r + 1) ** 3);
  // Float32 storage can push a maximal map a hair above the bound; the score is defined on 0-100.
  const score = Math.min(100, Math.max(0, (meanEntropyBits / maxBits) * 100));
  return { tooSmall: false, score, meanEntropyBits, voxelCount };
}
