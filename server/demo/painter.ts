/**
 * Paints implicit shapes into one axial slice with partial-volume edges.
 *
 * Each voxel is a 0.9 x 0.9 x 5 mm box. Near a surface the shape's occupancy of that box is
 * estimated by linearising the implicit: with world gradient g, the box's half-extent along the
 * normal is h = (|gx| sx + |gy| sy + |gz| sz) / (2 |g|), so occupancy = clamp(0.5 - phi / (2 h |g|)).
 * That is exact for a planar surface and makes edges (and the domes of thick slices) blend the way a
 * scanner's partial volume does; occupancy >= 0.5 exactly when the voxel centre is inside.
 * Painting is back to front: each layer blends its value over what is already there.
 */
import type { Patient } from "./patient";
import { SCAN_SPACING_MM, columnOf, rowOf } from "./scan-grid";
import type { Implicit } from "./shapes";

/** Dominant tissue per voxel, kept beside the HU so tests can check each tissue's intensity. */
export const TISSUE = {
  air: 0, skin: 1, fat: 2, muscle: 3, lung: 4, liver: 5, spleen: 6, kidney: 7, cortical: 8, cancellous: 9,
  blood: 10, myocardium: 11, airway: 12, bowel: 13, fluid: 14, cartilage: 15, disc: 16, pancreas: 17,
  adrenal: 18, thyroid: 19, gland: 20, table: 21, soft: 22,
} as const;
export type Tissue = (typeof TISSUE)[keyof typeof TISSUE];

export type HuFn = (x: number, y: number, z: number) => number;
export type Mask = "cavity" | "lung" | "liver";

export interface Layer {
  tissue: Tissue;
  hu: number | HuFn;
  phi: Implicit;
  /** Conservative reference-frame extent: z range and in-plane box [x0, x1, y0, y1]. */
  zMin: number;
  zMax: number;
  box: [number, number, number, number];
  /** Multiply occupancy by a mask painted earlier in this slice (organs stay inside the cavity). */
  clip?: Mask;
  /** Keep this layer's occupancy as a mask for later layers and vessel trees. */
  record?: Mask;
}

/** One slice being painted: reference coordinates per column/row and the per-slice buffers. */
export interface SliceContext {
  patient: Patient;
  nx: number;
  ny: number;
  /** Reference-frame z of the slice centre. */
  zr: number;
  xr: Float64Array;
  yr: Float64Array;
  hu: Float32Array;
  tissue: Uint8Array;
  masks: Record<Mask, Float32Array>;
}

/**
 * |phi| beyond this (reference mm) is fully inside or outside: the largest voxel footprint along a
 * normal is half of 0.9 + 0.9 + 5 mm, 3.4 mm, plus a margin for implicits that are nearly distances.
 */
const BAND = 3.8;
const STEP = 0.3;

export function blend(ctx: SliceContext, p: number, occ: number, value: number, tissue: Tissue): void {
  ctx.hu[p] += occ * (value - ctx.hu[p]);
  if (occ >= 0.5) ctx.tissue[p] = tissue;
}

/** Column and row ranges covering a reference-frame box in this slice. */
export function pixelRange(ctx: SliceContext, box: [number, number, number, number]): [number, number, number, number] {
  const s = ctx.patient.scaleXY;
  const c0 = columnOf(box[1] * s), c1 = columnOf(box[0] * s);
  const r0 = rowOf(box[3] * s), r1 = rowOf(box[2] * s);
  return [
    Math.max(0, Math.floor(c0) - 1), Math.min(ctx.nx - 1, Math.ceil(c1) + 1),
    Math.max(0, Math.floor(r0) - 1), Math.min(ctx.ny - 1, Math.ceil(r1) + 1),
  ];
}

/** Occupancy of the voxel at reference (x, y, z) by the implicit's inside. */
export function occupancy(ctx: SliceContext, phi: Implicit, x: number, y: number, z: number, phi0: number): number {
  if (phi0 > BAND) return 0;
  if (phi0 < -BAND) return 1;
  const gx = (phi(x + STEP, y, z) - phi0) / STEP;
  const gy = (phi(x, y + STEP, z) - phi0) / STEP;
  const gz = (phi(x, y, z + STEP) - phi0) / STEP;
  const { scaleXY, scaleZ } = ctx.patient;
  // World gradient = reference gradient / scale; the footprint uses world voxel sizes.
  const den = (Math.abs(gx) * SCAN_SPACING_MM[0] + Math.abs(gy) * SCAN_SPACING_MM[1]) / scaleXY + (Math.abs(gz) * SCAN_SPACING_MM[2]) / scaleZ;
  if (den < 1e-6) return phi0 <= 0 ? 1 : 0;
  const o = 0.5 - phi0 / den;
  return o <= 0 ? 0 : o >= 1 ? 1 : o;
}

/** Pixels per side of the blocks used to skip regions far from a surface. */
const BLOCK = 4;
/**
 * How far phi can change from a block's centre to its corners: half the block diagonal times a
 * small allowance for implicits that are only approximately distances.
 */
const BLOCK_REACH = ((Math.SQRT2 * BLOCK * SCAN_SPACING_MM[0]) / 2) * 1.3;

export function paintLayer(ctx: SliceContext, layer: Layer): void {
  const z = ctx.zr;
  if (z < layer.zMin - BAND || z > layer.zMax + BAND) return;
  const [c0, c1, r0, r1] = pixelRange(ctx, layer.box);
  const clip = layer.clip ? ctx.masks[layer.clip] : null;
  const rec = layer.record ? ctx.masks[layer.record] : null;
  const constant = typeof layer.hu === "number" ? layer.hu : null;
  const huFn = typeof layer.hu === "function" ? layer.hu : null;
  const s = ctx.patient.scaleXY;
  for (let br = r0; br <= r1; br += BLOCK) {
    for (let bc = c0; bc <= c1; bc += BLOCK) {
      const er = Math.min(r1, br + BLOCK - 1), ec = Math.min(c1, bc + BLOCK - 1);
      // One evaluation decides a whole block far outside (skip) or deep inside (no gradients).
      const centre = layer.phi((ctx.xr[bc] + ctx.xr[ec]) / 2, (ctx.yr[br] + ctx.yr[er]) / 2, z);
      if (centre > BAND + BLOCK_REACH / s) continue;
      const deep = centre < -(BAND + BLOCK_REACH / s);
      for (let r = br; r <= er; r++) {
        const y = ctx.yr[r];
        for (let c = bc; c <= ec; c++) {
          const p = r * ctx.nx + c;
          if (clip && clip[p] <= 0) continue;
          const x = ctx.xr[c];
          let occ = 1;
          if (!deep) {
            const phi0 = layer.phi(x, y, z);
            if (phi0 > BAND) continue;
            occ = occupancy(ctx, layer.phi, x, y, z, phi0);
          }
          if (clip) occ *= clip[p];
          if (rec) rec[p] = occ;
          if (occ <= 0) continue;
          blend(ctx, p, occ, constant ?? huFn!(x, y, z), layer.tissue);
        }
      }
    }
  }
}

/** Builds a layer from an implicit and its bounds (helper for the anatomy tables). */
export function layer(
  tissue: Tissue,
  hu: number | HuFn,
  phi: Implicit,
  bounds: { zMin: number; zMax: number; box: [number, number, number, number] },
  extra: Pick<Layer, "clip" | "record"> = {},
): Layer {
  return { tissue, hu, phi, zMin: bounds.zMin, zMax: bounds.zMax, box: bounds.box, ...extra };
}
