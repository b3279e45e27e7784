/**
 * The demo scans' voxel grid and orientation.
 *
 * World frame: NIfTI RAS+ millimetres (+x patient right, +y anterior, +z superior), the frame
 * every Mosaic volume uses (server/analysis/types.ts). The affine is diag(-0.9, -0.9, 5) plus an
 * origin, the same layout dcm2niix-style conversions of an axial DICOM CT give (DICOM LPS rows and
 * columns): voxel column i runs toward the patient's LEFT and row j toward POSTERIOR, slice k toward
 * superior. Drawn row by row with row 0 at the top, a slice therefore shows anterior up and the
 * patient's right on the viewer's left: the radiological convention. Viewers that honour the
 * affine (NiiVue) reorient from it, so either display convention comes out right.
 *
 * The world origin is anatomical: z = 0 near the dome of the right hemidiaphragm, x = y = 0 the
 * centre of the field of view (the body's centre in the axial plane).
 */
import type { Affine } from "../analysis/types";

export const SCAN_DIMS: [number, number, number] = [384, 300, 60];
export const SCAN_SPACING_MM: [number, number, number] = [0.9, 0.9, 5];

const [NX, NY] = SCAN_DIMS;
const [SX, SY, SZ] = SCAN_SPACING_MM;
/** World x, y of voxel (0, 0): the field of view is centred on x = y = 0. */
const X0 = (SX * (NX - 1)) / 2;
const Y0 = (SY * (NY - 1)) / 2;
/** World z of the lowest slice centre: the slab runs from the kidneys' upper poles to the lower neck. */
const Z0 = -110;

export function scanAffine(): Affine {
  return [-SX, 0, 0, X0, 0, -SY, 0, Y0, 0, 0, SZ, Z0, 0, 0, 0, 1];
}

export const worldX = (i: number) => X0 - i * SX;
export const worldY = (j: number) => Y0 - j * SY;
export const worldZ = (k: number) => Z0 + k * SZ;
/** Fractional voxel index of a world coordinate (inverse of worldX/Y/Z). */
export const columnOf = (x: number) => (X0 - x) / SX;
export const rowOf = (y: number) => (Y0 - y) / SY;
export const sliceOf = (z: number) => (z - Z0) / SZ;
/** The nearest slice centre to a world z, clamped into the volume. */
export function snapToSlice(z: number): number {
  return worldZ(Math.min(SCAN_DIMS[2] - 1, Math.max(0, Math.round(sliceOf(z)))));
}
