/**
 * Ribs, costal cartilages, sternum and scapulae: bones that live inside the body wall, so they are
 * placed by depth below the skin (wall-paint.ts buffers) and by the angle around the trunk.
 * Ribs slope down from back to front, which is why an axial slice cuts long arcs of the posterior
 * ribs and short ovals of the anterior ones, as on a real chest CT.
 */
import { TISSUE, blend, type SliceContext } from "./painter";
import { SCAN_SPACING_MM } from "./scan-grid";
import { bump, clamp, lerp, smoothstep } from "./shapes";
import type { WallBuffers } from "./wall-paint";

const HU_CORTEX = 720;
const HU_MARROW = 240;
const HU_CARTILAGE = 115;

interface Rib {
  /** Angle (rad from the posterior midline) where bone ends and where the cartilage ends. */
  boneEnd: number;
  cartilageEnd: number;
  halfThick: number;
  halfHeight: number;
  /** Centreline height sampled over the angle (TABLE_STEPS + 1 samples over 0..pi). */
  zTable: Float64Array;
  zLo: number;
  zHi: number;
}

const TABLE_STEPS = 1024;

/**
 * Rib k's centreline: level behind (head at vertebra k), falling steeply around the side and
 * flattening in front, 30-75 mm lower at its anterior end; the cartilages of ribs 8-10 turn up again
 * to form the costal margin. The steep lateral course is why an axial slice shows long posterior
 * arcs but short oblique sections of the lateral ribs.
 */
const DROP_MM = [30, 58, 66, 72, 75, 75, 72, 68, 62, 55, 45, 35];
const RIBS: Rib[] = Array.from({ length: 12 }, (_, n) => {
  const k = n + 1;
  const boneEnd = k <= 7 ? 0.74 * Math.PI : k <= 10 ? 0.66 * Math.PI : k === 11 ? 0.5 * Math.PI : 0.38 * Math.PI;
  const cartilageEnd = k <= 7 ? 0.93 * Math.PI : k <= 10 ? 0.82 * Math.PI : boneEnd;
  const z0 = 184 - 24.2 * n;
  const drop = DROP_MM[n];
  const rise = k >= 8 && k <= 10 ? 35 : 0;
  const zTable = new Float64Array(TABLE_STEPS + 1);
  for (let i = 0; i <= TABLE_STEPS; i++) {
    const psi = (i / TABLE_STEPS) * Math.PI;
    const along = rise > 0 ? Math.min(psi, boneEnd) : psi;
    const g = smoothstep(0.6, 2.7, along);
    zTable[i] = z0 - drop * g + (rise > 0 && psi > boneEnd ? (psi - boneEnd) * rise : 0);
  }
  const used = zTable.slice(0, Math.ceil((cartilageEnd / Math.PI) * TABLE_STEPS) + 1);
  const halfHeight = k === 1 ? 6 : 4.2;
  return { boneEnd, cartilageEnd, halfThick: k === 1 ? 4 : 3, halfHeight, zTable, zLo: Math.min(...used), zHi: Math.max(...used) };
});

function ribZ(rib: Rib, psi: number): number {
  const t = (Math.min(Math.max(psi, 0), Math.PI) / Math.PI) * TABLE_STEPS;
  const i = Math.min(TABLE_STEPS - 1, Math.floor(t));
  return rib.zTable[i] + (rib.zTable[i + 1] - rib.zTable[i]) * (t - i);
}

/**
 * Occupancy of an elliptic cross-section (half sizes a, b) at offsets (u, v) from its centre, for a
 * voxel whose extent along u and v is spanU and spanV mm (the linearised footprint of painter.ts).
 */
function sectionOcc(u: number, v: number, a: number, b: number, spanU: number, spanV: number): number {
  const e = Math.sqrt((u / a) ** 2 + (v / b) ** 2);
  if (e > 3) return 0;
  const m = Math.min(a, b);
  const phi = (e - 1) * m;
  const gu = e > 1e-6 ? (m * u) / (a * a * e) : 0;
  const gv = e > 1e-6 ? (m * v) / (b * b * e) : 1;
  return clamp(0.5 - phi / Math.max(Math.abs(gu) * spanU + Math.abs(gv) * spanV, 0.2), 0, 1);
}

/** Paints a bone with cortex and marrow (or cartilage) from its section occupancy function. */
function paintBone(ctx: SliceContext, i: number, outer: number, inner: number, cartilage: boolean, endFade: number): void {
  if (outer <= 0) return;
  if (cartilage) {
    blend(ctx, i, outer * endFade, HU_CARTILAGE, TISSUE.cartilage);
    return;
  }
  blend(ctx, i, outer * endFade, HU_CORTEX, TISSUE.cortical);
  if (inner > 0) blend(ctx, i, inner * endFade, HU_MARROW, TISSUE.cancellous);
}

export function paintRibsAndSternum(ctx: SliceContext, wall: WallBuffers): void {
  const { nx, ny, zr } = ctx;
  const s = ctx.patient.scaleXY;
  const px = SCAN_SPACING_MM[0] / s;
  const pz = SCAN_SPACING_MM[2] / ctx.patient.scaleZ;
  // Per rib, the range of angles where it can reach this slice (most of a rib misses it).
  const ribs = RIBS.flatMap((rib) => {
    let lo = Infinity, hi = -Infinity;
    for (let t = 0; t <= TABLE_STEPS; t++) {
      if (Math.abs(zr - rib.zTable[t]) < rib.halfHeight + 7) {
        const psi = (t / TABLE_STEPS) * Math.PI;
        lo = Math.min(lo, psi);
        hi = Math.max(hi, psi);
      }
    }
    return hi < lo ? [] : [{ rib, lo: Math.max(0.3, lo - 0.01), hi: Math.min(rib.cartilageEnd + 0.05, hi + 0.01) }];
  });
  const scapulaLevel = zr > 70 && zr < 182, sternumLevel = zr > -45 && zr < 150;
  for (let r = 0; r < ny; r++) {
    const y = ctx.yr[r];
    for (let c = 0; c < nx; c++) {
      const i = r * nx + c;
      const d = wall.depth[i];
      // Outside the body, or deep in the cavity (wall-paint.ts marks both): no wall bones here.
      if (d < 0 || d > 500) continue;
      const x = ctx.xr[c];
      const ribStart = wall.ribStart[i], muscleStart = wall.muscleStart[i];
      // Ribs: centred in the rib layer, 1.5 mm of intercostal muscle either side.
      const u = d - (ribStart + 4.5);
      const inRibs = ribs.length > 0 && Math.abs(u) < 8;
      // The scapula lies inside the posterior muscles, between infraspinatus and subscapularis.
      const su = d - (muscleStart + 0.62 * (ribStart - muscleStart));
      const inScapula = scapulaLevel && y < 0 && Math.abs(su) < 6;
      const inSternum = sternumLevel && y > 0 && Math.abs(x) < 34;
      if (!inRibs && !inScapula && !inSternum) continue;
      const psi = Math.atan2(Math.abs(x), -y);
      const rho = Math.hypot(x, y);
      if (inRibs) {
        for (const { rib, lo, hi } of ribs) {
          if (psi < lo || psi > hi) continue;
          const zc = ribZ(rib, psi);
          const v = zr - zc;
          if (Math.abs(v) > rib.halfHeight + 6) continue;
          const slope = Math.abs(ribZ(rib, psi + 0.01) - zc) / (0.01 * rho);
          const cart = psi > rib.boneEnd;
          const fade = clamp((psi - 0.3) * (rho / px) + 0.5, 0, 1) * clamp((rib.cartilageEnd - psi) * (rho / px) + 0.5, 0, 1);
          const a = rib.halfThick + (cart ? 0.6 : 0), b = rib.halfHeight + (cart ? 1 : 0);
          // Across the wall a voxel spans ~1.2 pixels; along z its slab plus the rib's slope across it.
          const spanV = pz + slope * 1.2 * px;
          const outer = sectionOcc(u, v, a, b, 1.2 * px, spanV);
          const inner = cart ? 0 : sectionOcc(u, v, a - 1.1, b - 1.3, 1.2 * px, spanV);
          paintBone(ctx, i, outer, inner, cart, fade);
        }
      }
      // Sternum: manubrium, body and xiphoid in the anterior midline, level with the cartilages.
      if (inSternum) {
        const halfWidth = zr > 100 ? lerp(22, 28, (zr - 100) / 43) : zr > -22 ? 15 : 7;
        const halfDepth = zr > -22 ? 6 : 3;
        const ends = clamp((143 - zr) / pz + 0.5, 0, 1) * clamp((zr + 38) / pz + 0.5, 0, 1);
        const sd = d - (ribStart + 2.5);
        const outer = sectionOcc(x, sd, halfWidth, halfDepth, px, px);
        const inner = sectionOcc(x, sd, halfWidth - 1.5, halfDepth - 1.5, px, px);
        paintBone(ctx, i, outer, inner, false, ends);
      }
      // Scapula: a thin blade, triangular from the inferior angle up to the spine and glenoid.
      if (inScapula) {
        const t = Math.sqrt(clamp((zr - 72) / 106, 0, 1));
        const medial = lerp(0.8, 0.42, t), lateral = lerp(0.86, 1.15, t);
        if (psi > medial - 0.05 && psi < lateral + 0.05) {
          const rim = smoothstep(lateral - 0.12, lateral - 0.02, psi) + 0.8 * bump(150, 160, 176, 182, zr);
          const half = 1.3 + 2.2 * Math.min(1, rim);
          const fade = clamp((psi - medial) * (rho / px) + 0.5, 0, 1) * clamp((lateral - psi) * (rho / px) + 0.5, 0, 1);
          const occ = clamp(0.5 - (Math.abs(su) - half) / px, 0, 1) * fade;
          if (occ > 0) blend(ctx, i, occ, half > 2.5 ? 600 : 520, TISSUE.cortical);
        }
      }
    }
  }
}
