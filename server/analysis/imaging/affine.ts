/**
 * Voxel-to-world affine helpers shared by the readers and the writer (SPEC.md I10-I13).
 * Affines are row-major 4x4, world = A * [i, j, k, 1], world in RAS+ millimetres.
 */
import { AnalysisError } from "../errors";
import type { Affine, Vec3 } from "../types";

/** Builds an affine from three direction columns (already scaled by spacing, mm) and an origin (mm). */
export function affineFromColumns(cols: [Vec3, Vec3, Vec3], origin: Vec3): Affine {
  const [c0, c1, c2] = cols;
  const a: Affine = [
    c0[0], c1[0], c2[0], origin[0],
    c0[1], c1[1], c2[1], origin[1],
    c0[2], c1[2], c2[2], origin[2],
    0, 0, 0, 1,
  ];
  // Sign flips (LPS to RAS) make -0; x + 0 normalises it so affines compare and print cleanly.
  return a.map((x) => x + 0) as Affine;
}

/** Voxel spacing in mm: the Euclidean norm of each of the first three affine columns [I12]. */
export function spacingFromAffine(a: Affine): Vec3 {
  const out: Vec3 = [0, 0, 0];
  for (let c = 0; c < 3; c++) out[c] = Math.hypot(a[c], a[4 + c], a[8 + c]);
  return out;
}

/** Maps a voxel coordinate (i, j, k; may be fractional) to world RAS mm. */
export function voxelToWorld(a: Affine, ijk: Vec3): Vec3 {
  const [i, j, k] = ijk;
  return [
    a[0] * i + a[1] * j + a[2] * k + a[3],
    a[4] * i + a[5] * j + a[6] * k + a[7],
    a[8] * i + a[9] * j + a[10] * k + a[11],
  ];
}

/** Maps a world RAS mm point to (fractional) voxel coordinates: the inverse of {@link voxelToWorld}. */
export function worldToVoxel(a: Affine, p: Vec3): Vec3 {
  const [m00, m01, m02, , m10, m11, m12, , m20, m21, m22] = a;
  const det = det3(a);
  const x = p[0] - a[3], y = p[1] - a[7], z = p[2] - a[11];
  return [
    ((m11 * m22 - m12 * m21) * x + (m02 * m21 - m01 * m22) * y + (m01 * m12 - m02 * m11) * z) / det,
    ((m12 * m20 - m10 * m22) * x + (m00 * m22 - m02 * m20) * y + (m02 * m10 - m00 * m12) * z) / det,
    ((m10 * m21 - m11 * m20) * x + (m01 * m20 - m00 * m21) * y + (m00 * m11 - m01 * m10) * z) / det,
  ];
}

/** Determinant of the 3x3 part; negative for a left-handed voxel grid. */
export function det3(a: Affine): number {
  return (
    a[0] * (a[5] * a[10] - a[6] * a[9]) -
    a[1] * (a[4] * a[10] - a[6] * a[8]) +
    a[2] * (a[4] * a[9] - a[5] * a[8])
  );
}

/**
 * Rejects an affine that cannot place voxels in the world: non-finite entries, a bottom row other
 * than [0 0 0 1], or a singular 3x3 part (zero spacing or collinear axes) [I13].
 * @param source names the file field the affine came from, for the error message.
 */
export function assertValidAffine(a: Affine, source: string): void {
  for (let n = 0; n < 16; n++) {
    if (!Number.isFinite(a[n])) {
      throw new AnalysisError("CORRUPT_FILE", `${source}: affine entry [${Math.floor(n / 4)}][${n % 4}] is ${a[n]}, not a finite number`);
    }
  }
  if (a[12] !== 0 || a[13] !== 0 || a[14] !== 0 || a[15] !== 1) {
    throw new AnalysisError("CORRUPT_FILE", `${source}: affine bottom row is [${a.slice(12).join(", ")}], expected [0, 0, 0, 1]`);
  }
  const sp = spacingFromAffine(a);
  for (let c = 0; c < 3; c++) {
    if (!(sp[c] > 0)) throw new AnalysisError("CORRUPT_FILE", `${source}: voxel spacing along axis ${c} is ${sp[c]} mm; it must be > 0`);
  }
  // Relative test so that micrometre and metre-scale grids are judged alike.
  if (Math.abs(det3(a)) <= 1e-9 * sp[0] * sp[1] * sp[2]) {
    throw new AnalysisError("CORRUPT_FILE", `${source}: the voxel axes are collinear (affine determinant ~ 0)`);
  }
}

/**
 * NIfTI quaternion (b, c, d) + offsets + pixdim + qfac to an affine, as nifti1_io.c
 * nifti_quatern_to_mat44 does: a = sqrt(1 - b^2 - c^2 - d^2), renormalising when that is ~0 [I9].
 */
export function quaternToAffine(q: Vec3, offset: Vec3, pixdim: Vec3, qfac: number): Affine {
  let [b, c, d] = q;
  let a = 1 - (b * b + c * c + d * d);
  if (a < 1e-7) {
    // A 180-degree rotation: (b, c, d) is a unit vector up to rounding in the float32 header.
    const s = 1 / Math.sqrt(b * b + c * c + d * d);
    b *= s; c *= s; d *= s;
    a = 0;
  } else {
    a = Math.sqrt(a);
  }
  const [dx, dy] = pixdim;
  const dz = qfac < 0 ? -pixdim[2] : pixdim[2];
  const m: Affine = [
    (a * a + b * b - c * c - d * d) * dx, 2 * (b * c - a * d) * dy, 2 * (b * d + a * c) * dz, offset[0],
    2 * (b * c + a * d) * dx, (a * a + c * c - b * b - d * d) * dy, 2 * (c * d - a * b) * dz, offset[1],
    2 * (b * d - a * c) * dx, 2 * (c * d + a * b) * dy, (a * a + d * d - c * c - b * b) * dz, offset[2],
    0, 0, 0, 1,
  ];
  // x + 0 turns -0 into 0 so that exact comparisons and printed affines stay clean.
  return m.map((x) => x + 0) as Affine;
}

type M3 = [number, number, number, number, number, number, number, number, number];

function inv3(m: M3): M3 {
  const [a, b, c, d, e, f, g, h, i] = m;
  const A = e * i - f * h, B = -(d * i - f * g), C = d * h - e * g;
  const det = a * A + b * B + c * C;
  return [
    A / det, -(b * i - c * h) / det, (b * f - c * e) / det,
    B / det, (a * i - c * g) / det, -(a * f - c * d) / det,
    C / det, -(a * h - b * g) / det, (a * e - b * d) / det,
  ];
}

/**
 * The closest rotation (polar decomposition, as nifti_mat33_polar) of a normalised 3x3 matrix.
 * A sheared sform cannot be stored as a qform; the qform then holds its nearest rigid version.
 */
function polar(m: M3): M3 {
  let x = m.slice() as M3;
  for (let it = 0; it < 100; it++) {
    const y = inv3(x);
    const next = x.map((v, n) => 0.5 * (v + y[(n % 3) * 3 + Math.floor(n / 3)])) as M3;
    let diff = 0;
    for (let n = 0; n < 9; n++) diff = Math.max(diff, Math.abs(next[n] - x[n]));
    x = next;
    if (diff < 1e-12) break;
  }
  return x;
}

/**
 * Affine to NIfTI quaternion parameters, after nifti1_io.c nifti_mat44_to_quatern: the columns
 * are normalised, a left-handed grid sets qfac = -1 and flips the third column [I3].
 */
export function affineToQuatern(aff: Affine): { b: number; c: number; d: number; qfac: number; pixdim: Vec3; offset: Vec3 } {
  const pixdim = spacingFromAffine(aff);
  const m: M3 = [
    aff[0] / pixdim[0], aff[1] / pixdim[1], aff[2] / pixdim[2],
    aff[4] / pixdim[0], aff[5] / pixdim[1], aff[6] / pixdim[2],
    aff[8] / pixdim[0], aff[9] / pixdim[1], aff[10] / pixdim[2],
  ];
  let qfac = 1;
  if (det3(aff) < 0) {
    qfac = -1;
    m[2] = -m[2]; m[5] = -m[5]; m[8] = -m[8];
  }
  const [r11, r12, r13, r21, r22, r23, r31, r32, r33] = polar(m);
  let a = r11 + r22 + r33 + 1;
  let b: number, c: number, d: number;
  if (a > 0.5) {
    a = 0.5 * Math.sqrt(a);
    b = (0.25 * (r32 - r23)) / a;
    c = (0.25 * (r13 - r31)) / a;
    d = (0.25 * (r21 - r12)) / a;
  } else {
    const xd = 1 + r11 - (r22 + r33), yd = 1 + r22 - (r11 + r33), zd = 1 + r33 - (r11 + r22);
    if (xd > 1) {
      b = 0.5 * Math.sqrt(xd); c = (0.25 * (r12 + r21)) / b; d = (0.25 * (r13 + r31)) / b; a = (0.25 * (r32 - r23)) / b;
    } else if (yd > 1) {
      c = 0.5 * Math.sqrt(yd); b = (0.25 * (r12 + r21)) / c; d = (0.25 * (r23 + r32)) / c; a = (0.25 * (r13 - r31)) / c;
    } else {
      d = 0.5 * Math.sqrt(zd); b = (0.25 * (r13 + r31)) / d; c = (0.25 * (r23 + r32)) / d; a = (0.25 * (r21 - r12)) / d;
    }
    // The header stores only b, c, d and assumes a >= 0; q and -q are the same rotation.
    if (a < 0) { b = -b; c = -c; d = -d; }
  }
  return { b, c, d, qfac, pixdim, offset: [aff[3], aff[7], aff[11]] };
}
