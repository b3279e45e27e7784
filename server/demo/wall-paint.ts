/**
 * Paints the body wall of one slice (air, skin, fat, muscle, rib layer, cavity fat) from the
 * concentric layers of body-wall.ts, and leaves the per-pixel depths behind for the ribs, sternum
 * and scapula, which sit at fixed depths inside those layers.
 */
import { WallAtZ, emptyWallSample } from "./body-wall";
import { TISSUE, type SliceContext } from "./painter";
import { SCAN_SPACING_MM } from "./scan-grid";

export const HU = { air: -1000, skin: 30, fat: -100, muscle: 45, cavityFat: -95 } as const;

/** Per-pixel wall geometry of the current slice, mm in the reference frame. */
export interface WallBuffers {
  depth: Float32Array;
  muscleStart: Float32Array;
  ribStart: Float32Array;
}

/** Overlap of [lo, hi] with [a, b], as a fraction of (hi - lo). */
function frac(lo: number, hi: number, a: number, b: number): number {
  const o = Math.min(hi, b) - Math.max(lo, a);
  return o > 0 ? o / (hi - lo) : 0;
}

/**
 * Wall geometry is sampled every fourth pixel and interpolated in between: depths and layer
 * thicknesses vary over centimetres, so bilinear interpolation errs by hundredths of a millimetre.
 */
const STRIDE = 4;
const FIELDS = 7;

export function paintWall(ctx: SliceContext, out: WallBuffers): void {
  const { patient: p, nx, ny, zr } = ctx;
  const cavity = ctx.masks.cavity;
  const wallZ = new WallAtZ(p, zr);
  const w = emptyWallSample();
  // Coarse nodes: depth, normal, layer starts, and whether the node is well outside the body.
  const cw = Math.ceil((nx - 1) / STRIDE) + 1, ch = Math.ceil((ny - 1) / STRIDE) + 1;
  const node = new Float32Array(cw * ch * FIELDS);
  for (let j = 0; j < ch; j++) {
    const y = ctx.yr[Math.min(ny - 1, j * STRIDE)];
    for (let i = 0; i < cw; i++) {
      const x = ctx.xr[Math.min(nx - 1, i * STRIDE)];
      const o = (j * cw + i) * FIELDS;
      const outline = wallZ.outline(x, y);
      if (outline > 12) {
        node[o] = -1e3;
        continue;
      }
      wallZ.sample(x, y, w, outline);
      node[o] = w.depth;
      node[o + 1] = w.nx;
      node[o + 2] = w.ny;
      node[o + 3] = w.fatStart;
      node[o + 4] = w.muscleStart;
      node[o + 5] = w.ribStart;
      node[o + 6] = w.cavityStart;
    }
  }
  for (let r = 0; r < ny; r++) {
    const j = Math.min(ch - 2, Math.floor(r / STRIDE)), fy = r / STRIDE - j;
    for (let c = 0; c < nx; c++) {
      const i = Math.min(cw - 2, Math.floor(c / STRIDE)), fx = c / STRIDE - i;
      const pix = r * nx + c;
      const o00 = (j * cw + i) * FIELDS, o10 = o00 + FIELDS, o01 = o00 + cw * FIELDS, o11 = o01 + FIELDS;
      // All four nodes well inside the cavity: so is this pixel (depths are smooth), no blending.
      if (
        node[o00] - node[o00 + 6] > 3 && node[o10] - node[o10 + 6] > 3 &&
        node[o01] - node[o01 + 6] > 3 && node[o11] - node[o11 + 6] > 3
      ) {
        ctx.hu[pix] = HU.cavityFat;
        ctx.tissue[pix] = TISSUE.fat;
        cavity[pix] = 1;
        out.depth[pix] = 1e3;
        continue;
      }
      cavity[pix] = 0;
      out.depth[pix] = -1e3;
      // A node far outside means the skin is far: this pixel is air.
      if (node[o00] === -1e3 || node[o10] === -1e3 || node[o01] === -1e3 || node[o11] === -1e3) {
        ctx.hu[pix] = HU.air;
        ctx.tissue[pix] = TISSUE.air;
        continue;
      }
      const w00 = (1 - fy) * (1 - fx), w10 = (1 - fy) * fx, w01 = fy * (1 - fx), w11 = fy * fx;
      const d = w00 * node[o00] + w10 * node[o10] + w01 * node[o01] + w11 * node[o11];
      const nxN = w00 * node[o00 + 1] + w10 * node[o10 + 1] + w01 * node[o01 + 1] + w11 * node[o11 + 1];
      const nyN = w00 * node[o00 + 2] + w10 * node[o10 + 2] + w01 * node[o01 + 2] + w11 * node[o11 + 2];
      const fatStart = w00 * node[o00 + 3] + w10 * node[o10 + 3] + w01 * node[o01 + 3] + w11 * node[o11 + 3];
      const muscleStart = w00 * node[o00 + 4] + w10 * node[o10 + 4] + w01 * node[o01 + 4] + w11 * node[o11 + 4];
      const ribStart = w00 * node[o00 + 5] + w10 * node[o10 + 5] + w01 * node[o01 + 5] + w11 * node[o11 + 5];
      const cavityStart = w00 * node[o00 + 6] + w10 * node[o10 + 6] + w01 * node[o01 + 6] + w11 * node[o11 + 6];
      out.depth[pix] = d;
      out.muscleStart[pix] = muscleStart;
      out.ribStart[pix] = ribStart;
      // Half the voxel's in-plane footprint along the wall normal (painter.ts explains the model).
      const h = (0.5 * (Math.abs(nxN) * SCAN_SPACING_MM[0] + Math.abs(nyN) * SCAN_SPACING_MM[1])) / p.scaleXY;
      if (d - h >= cavityStart) {
        // Wholly inside the body cavity: the common case, no layer blending needed.
        ctx.hu[pix] = HU.cavityFat;
        ctx.tissue[pix] = TISSUE.fat;
        cavity[pix] = 1;
        continue;
      }
      const lo = d - h, hi = d + h;
      const muscle = ribStart - muscleStart;
      // A thin fat plane splits thick muscle (pectoralis major/minor, latissimus/erector): the
      // planes between muscles are what make a wall look like muscles rather than a rind.
      const planeAt = muscleStart + 0.4 * muscle;
      const plane = muscle > 20 ? 1.2 : 0;
      const fSkin = frac(lo, hi, 0, fatStart);
      const fFat = frac(lo, hi, fatStart, muscleStart) + frac(lo, hi, planeAt, planeAt + plane);
      const fMuscle = frac(lo, hi, muscleStart, cavityStart) - frac(lo, hi, planeAt, planeAt + plane);
      const fCavity = frac(lo, hi, cavityStart, 1e9);
      const fAir = Math.max(0, 1 - fSkin - fFat - fMuscle - fCavity);
      ctx.hu[pix] = fAir * HU.air + fSkin * HU.skin + fFat * HU.fat + fMuscle * HU.muscle + fCavity * HU.cavityFat;
      cavity[pix] = fCavity;
      const best = Math.max(fAir, fSkin, fFat, fMuscle, fCavity);
      ctx.tissue[pix] =
        best === fAir ? TISSUE.air : best === fSkin ? TISSUE.skin : best === fMuscle ? TISSUE.muscle : TISSUE.fat;
    }
  }
}
