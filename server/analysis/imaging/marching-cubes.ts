/**
 * Surface mesh of a binary mask, exactly as PyRadiomics' cshape.c builds it (SPEC.md I60-I62):
 * marching cubes on the mask padded by one voxel, vertices at edge midpoints, mesh volume as a sum
 * of signed tetrahedra to the origin, area as the sum of triangle areas.
 */
import { AnalysisError } from "../errors";
import type { Vec3 } from "../types";
import { CORNERS, EDGE_MIDPOINTS, TRIANGLES } from "./marching-cubes-table";

/** A closed triangle mesh's measures plus its vertices. */
export interface SurfaceMesh {
  /** Mesh volume, mm^3. */
  volumeMm3: number;
  /** Mesh surface area, mm^2. */
  areaMm2: number;
  /**
   * Unique mesh vertices as doubled voxel indices (2x, 2y, 2z) on the mask's grid, x,y,z triples:
   * integers, so that hulls and "same plane" tests are exact. Multiply by spacing / 2 for mm.
   */
  vertices2: Int32Array;
  vertexCount: number;
}

/** Inclusive bounding box of the non-zero voxels, or null when there are none. */
export function maskBounds(mask: ArrayLike<number>, dims: Vec3): { min: Vec3; max: Vec3 } | null {
  const [nx, ny, nz] = dims;
  const min: Vec3 = [nx, ny, nz], max: Vec3 = [-1, -1, -1];
  for (let z = 0, p = 0; z < nz; z++) for (let y = 0; y < ny; y++) for (let x = 0; x < nx; x++, p++) {
    if (mask[p] === 0) continue;
    if (x < min[0]) min[0] = x;
    if (x > max[0]) max[0] = x;
    if (y < min[1]) min[1] = y;
    if (y > max[1]) max[1] = y;
    if (z < min[2]) min[2] = z;
    if (z > max[2]) max[2] = z;
  }
  return max[0] < 0 ? null : { min, max };
}

/**
 * Cube-index bits contributed by a column of four voxels (bit 0: row (y, z), 1: (y+1, z),
 * 2: (y, z+1), 3: (y+1, z+1)) as the cube's low-x face (`left`) or high-x face (`right`).
 */
function columnBits(): [Uint8Array, Uint8Array] {
  const left = new Uint8Array(16), right = new Uint8Array(16);
  for (let q = 0; q < 16; q++) {
    for (let a = 0; a < 8; a++) {
      const [dz, dy, dx] = CORNERS[a];
      if (q & (1 << (dy + 2 * dz))) (dx === 0 ? left : right)[q] |= 1 << a;
    }
  }
  return [left, right];
}

/** Corner 7's neighbours (6, 4, 3) decide whether edges 6, 7, 11 hold a vertex (see cshape.c). */
const OWN_EDGES: ReadonlyArray<readonly [number, number]> = [[6, 6], [4, 7], [3, 11]];

/**
 * Marching cubes on `mask != 0` [I60]. Each grid edge between an inside and an outside voxel
 * holds exactly one vertex, recorded once by the cube that owns the edge [I61].
 * @param spacingMm voxel size (x, y, z) in mm.
 * @throws AnalysisError EMPTY_MASK when the mask has no voxel.
 */
export function surfaceMesh(mask: ArrayLike<number>, dims: Vec3, spacingMm: Vec3): SurfaceMesh {
  const box = maskBounds(mask, dims);
  if (!box) throw new AnalysisError("EMPTY_MASK", "the mask has no non-zero voxel");
  const [nx, ny] = dims;
  // Crop to the bounding box and pad by one background voxel on every side.
  const px = box.max[0] - box.min[0] + 3, py = box.max[1] - box.min[1] + 3, pz = box.max[2] - box.min[2] + 3;
  const padded = new Uint8Array(px * py * pz);
  for (let z = box.min[2]; z <= box.max[2]; z++) for (let y = box.min[1]; y <= box.max[1]; y++) {
    const src = nx * (y + ny * z), dst = px * (y - box.min[1] + 1 + py * (z - box.min[2] + 1)) + 1 - box.min[0];
    for (let x = box.min[0]; x <= box.max[0]; x++) if (mask[src + x] !== 0) padded[dst + x] = 1;
  }
  const [sx, sy, sz] = spacingMm;
  // Triangle corners per configuration, in mm relative to the cube origin, as flat (z, y, x) lists.
  const triMm = TRIANGLES.map((edges) => Float64Array.from(edges.flatMap((e) => [EDGE_MIDPOINTS[e][0] * sz, EDGE_MIDPOINTS[e][1] * sy, EDGE_MIDPOINTS[e][2] * sx])));
  const [left, right] = columnBits();

  let verts = new Int32Array(3 * 4096);
  let nv = 0;
  let volume6 = 0, area2 = 0;
  // Doubled-index offset from padded-crop coordinates back to the mask grid.
  const ox = 2 * (box.min[0] - 1), oy = 2 * (box.min[1] - 1), oz = 2 * (box.min[2] - 1);
  const plane = px * py;
  for (let iz = 0; iz < pz - 1; iz++) for (let iy = 0; iy < py - 1; iy++) {
    const r00 = px * (iy + py * iz), r01 = r00 + px, r10 = r00 + plane, r11 = r10 + px;
    // Each cube shares a column of four corners with the previous one: read four voxels, not eight.
    let prev = padded[r00] | (padded[r01] << 1) | (padded[r10] << 2) | (padded[r11] << 3);
    for (let ix = 0; ix < px - 1; ix++) {
      const next = padded[r00 + ix + 1] | (padded[r01 + ix + 1] << 1) | (padded[r10 + ix + 1] << 2) | (padded[r11 + ix + 1] << 3);
      let idx = left[prev] | right[next];
      prev = next;
      if (idx === 0 || idx === 0xff) continue;
      let sign = 1;
      if (idx & 0x80) { idx ^= 0xff; sign = -1; }
      if (nv + 9 > verts.length) { const grown = new Int32Array(verts.length * 2); grown.set(verts); verts = grown; }
      for (let e = 0; e < 3; e++) {
        if (!(idx & (1 << OWN_EDGES[e][0]))) continue;
        const m = EDGE_MIDPOINTS[OWN_EDGES[e][1]];
        verts[nv++] = 2 * ix + 2 * m[2] + ox;
        verts[nv++] = 2 * iy + 2 * m[1] + oy;
        verts[nv++] = 2 * iz + 2 * m[0] + oz;
      }
      const t = triMm[idx];
      const cz = iz * sz, cy = iy * sy, cx = ix * sx;
      for (let q = 0; q < t.length; q += 9) {
        const az = cz + t[q], ay = cy + t[q + 1], ax = cx + t[q + 2];
        const bz = cz + t[q + 3], by = cy + t[q + 4], bx = cx + t[q + 5];
        const kz = cz + t[q + 6], ky = cy + t[q + 7], kx = cx + t[q + 8];
        // Signed volume of the tetrahedron (origin, a, b, c) x 6, in cshape.c's (z, y, x) order.
        volume6 += sign * ((ay * bx - by * ax) * kz + (ax * bz - bx * az) * ky + (az * by - bz * ay) * kx);
        const uz = az - kz, uy = ay - ky, ux = ax - kx, vz = bz - kz, vy = by - ky, vx = bx - kx;
        const c0 = uy * vx - vy * ux, c1 = ux * vz - vx * uz, c2 = uz * vy - vz * uy;
        area2 += Math.sqrt(c0 * c0 + c1 * c1 + c2 * c2);
      }
    }
  }
  return { volumeMm3: volume6 / 6, areaMm2: area2 / 2, vertices2: verts.subarray(0, nv), vertexCount: nv / 3 };
}
