/**
 * The body wall: skin outline, subcutaneous fat, muscles and the rib layer, as concentric layers
 * measured inward from the skin. Layer thicknesses vary with the angle around the trunk and with
 * height (pectorals, axillary fat, erector spinae, scapular muscles, abdominal wall), which is what
 * makes a slice read as chest, axilla or upper abdomen. Reference-frame mm (patient.ts).
 * Everything that depends only on height is computed once per slice (`WallAtZ`): this is the
 * hottest code of the phantom, evaluated three times for every voxel of the body.
 */
import type { Patient } from "./patient";
import { bump, ellipsoid, lerp, pwl, smin, smoothstep, type Implicit } from "./shapes";

/** Skin thickness and the rib layer (ribs with intercostal muscle) inside the muscles, mm. */
export const SKIN_MM = 1.8;
export const RIB_LAYER_MM = 9;

const Z_KNOTS = [-130, -60, -20, 40, 100, 140, 170, 200];
/** Half-width, anterior and posterior half-depth of the trunk without its fat, mm. */
const HALF_WIDTH = [128, 132, 136, 139, 145, 144, 132, 112];
const HALF_ANTERIOR = [88, 90, 92, 96, 88, 80, 68, 56];
const HALF_POSTERIOR = [92, 94, 95, 97, 97, 95, 91, 83];

export interface WallSample {
  /** Depth below the skin along the inward normal, mm (negative outside the body). */
  depth: number;
  /** In-plane unit normal (for the voxel footprint across the layers). */
  nx: number;
  ny: number;
  /** Depths where fat, muscle, the rib layer and the body cavity begin, mm. */
  fatStart: number;
  muscleStart: number;
  ribStart: number;
  cavityStart: number;
}

export const emptyWallSample = (): WallSample => ({ depth: 0, nx: 0, ny: 0, fatStart: 0, muscleStart: 0, ribStart: 0, cavityStart: 0 });

const breastL = ellipsoid([-84, 82, 52], [58, 34, 46]);
const breastR = ellipsoid([84, 82, 52], [58, 34, 46]);

/** The wall at one height. */
export class WallAtZ {
  private readonly a: number;
  private readonly bA: number;
  private readonly bP: number;
  private readonly chest: number;
  private readonly axillaZ: number;
  private readonly pectoralZ: number;
  private readonly scapularZ: number;
  private readonly neck: number;
  private readonly breasts: boolean;

  constructor(private readonly p: Patient, readonly z: number) {
    const f = p.fatMm;
    this.a = pwl(Z_KNOTS, HALF_WIDTH, z) + f;
    this.bA = pwl(Z_KNOTS, HALF_ANTERIOR, z) + 0.8 * f;
    this.bP = pwl(Z_KNOTS, HALF_POSTERIOR, z) + f * p.backFatFactor;
    this.chest = smoothstep(-60, -15, z);
    this.axillaZ = bump(68, 95, 150, 170, z);
    this.pectoralZ = bump(20, 55, 150, 172, z);
    this.scapularZ = bump(70, 95, 165, 185, z);
    this.neck = 22 * smoothstep(150, 195, z);
    this.breasts = p.breasts && z > -10 && z < 110;
  }

  private trunk(x: number, y: number): number {
    const b = y >= 0 ? this.bA : this.bP;
    const u = Math.abs(x) / this.a, v = Math.abs(y) / b;
    // Anterior half an ellipse, posterior half a superellipse (exponent 3): the back lies flat on
    // the table. F is 1-homogeneous, so (F - 1) * radius has a bounded gradient everywhere (a
    // radial rho - R(theta) would not near the centre, and depths there would come out wrong).
    const f = y >= 0 ? Math.sqrt(u * u + v * v) : Math.cbrt(u * u * u + v * v * v);
    // A shallow groove over the spinous processes, between the bulges of the erector spinae.
    const groove = y < -0.4 * b && x > -50 && x < 50 ? 5 * Math.exp(-((x / 16) ** 2)) * smoothstep(-0.5 * b, -0.85 * b, y) : 0;
    return (f - 1) * 0.5 * (this.a + b) + groove;
  }

  /** Signed radial distance to the skin (negative inside), mm; not gradient-normalised. */
  outline(x: number, y: number): number {
    const t = this.trunk(x, y);
    if (!this.breasts || y < 20) return t;
    return smin(smin(t, breastL(x, y, this.z), 14), breastR(x, y, this.z), 14);
  }

  /** Depth and layer boundaries at (x, y); the depth is the outline normalised by its gradient. */
  sample(x: number, y: number, out: WallSample, outline = this.outline(x, y)): WallSample {
    const d = 0.3;
    const f0 = outline;
    const gx = (this.outline(x + d, y) - f0) / d;
    const gy = (this.outline(x, y + d) - f0) / d;
    const g = Math.sqrt(gx * gx + gy * gy) || 1;
    out.depth = -f0 / g;
    out.nx = gx / g;
    out.ny = gy / g;
    const bulge = this.breasts && y > 20 ? Math.max(0, this.trunk(x, y) - f0) : 0;
    this.thickness(x, y, bulge, out);
    return out;
  }

  /** Fat and muscle thickness by direction from the trunk's centre; fills the layer starts. */
  private thickness(x: number, y: number, bulge: number, out: WallSample): void {
    const p = this.p;
    const rho = Math.sqrt(x * x + y * y) || 1;
    const c = x / rho, s = y / rho;
    const wA = s > 0 ? s * s : 0, wP = s < 0 ? s * s : 0, wL = c * c;
    const ax = Math.abs(x);
    // Fat: thin over the sternum, thicker on the abdomen; the axilla is a fat-filled space (arms up).
    const fatAnterior = lerp(1.25, 0.7, this.chest);
    const axilla = this.axillaZ > 0 ? 18 * this.axillaZ * smoothstep(0.78, 0.96, Math.abs(c)) * smoothstep(-0.55, -0.2, s) : 0;
    const fat = p.fatMm * (wA * fatAnterior + wL + wP * p.backFatFactor) + axilla + bulge;
    // Muscles: pectorals on the upper chest, rectus and obliques on the abdomen, serratus laterally,
    // erector spinae beside the spine, the scapular muscles behind the upper ribs, neck muscles on top.
    let anterior = 0;
    if (wA > 0) {
      const pectoral = this.pectoralZ > 0 ? 16 * this.pectoralZ * bump(12, 45, 95, 128, ax) : 0;
      const rectus = 1.5 + 8 * smoothstep(3, 9, ax) * smoothstep(75, 50, ax) + 13 * smoothstep(50, 95, ax);
      anterior = lerp(rectus, 4 + pectoral, this.chest);
    }
    let posterior = 0;
    if (wP > 0) {
      const erector = 27 * Math.exp(-(((ax - 33) / 24) ** 2));
      const scapular = this.scapularZ > 0 ? 20 * this.scapularZ * bump(40, 70, 120, 148, ax) : 0;
      posterior = 7 + erector + scapular;
    }
    const lateral = lerp(15, 7, this.chest);
    const muscle = p.muscleFactor * (wA * anterior + wL * lateral + wP * posterior) + this.neck * (1 - 0.7 * wA);
    out.fatStart = SKIN_MM;
    out.muscleStart = SKIN_MM + fat;
    out.ribStart = out.muscleStart + muscle;
    out.cavityStart = out.ribStart + RIB_LAYER_MM;
  }
}

/**
 * Implicit of the body cavity (inside the rib layer): negative inside, for growing vessel trees.
 * Heights are rounded to 1 mm to reuse the per-height wall: the layers change slowly with height.
 */
export function cavityPhi(p: Patient): Implicit {
  const s = emptyWallSample();
  const walls = new Map<number, WallAtZ>();
  return (x, y, z) => {
    const key = Math.round(z);
    let wall = walls.get(key);
    if (!wall) walls.set(key, (wall = new WallAtZ(p, key)));
    wall.sample(x, y, s);
    return s.cavityStart - s.depth;
  };
}
