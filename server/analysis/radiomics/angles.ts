/**
 * Neighbour directions exactly as PyRadiomics' C extension generates them (cmatrices.c
 * `get_angle_count` / `build_angles`), in numpy axis order (z, y, x). The order and the
 * bounding-box size limits matter: texture values are averaged over these directions. SPEC A1-A3.
 */

/** A direction as offsets in numpy axis order: [dz, dy, dx]. */
export type Angle = [number, number, number];

/**
 * Directions whose Chebyshev (infinity-norm) length is one of `distances`.
 *
 * @param sizeZyx ROI bounding-box size in numpy order (z, y, x), in voxels: an offset of at least
 *   the size in a dimension is never generated [A2]
 * @param distances Chebyshev distances in voxels (PyRadiomics `distances`, default [1])
 * @param bidirectional both a and -a (26 neighbours at distance 1) or only the first half
 *   (13 directions), as PyRadiomics uses for GLCM/GLRLM [A1]
 * @param force2Ddimension numpy axis excluded from the directions, or -1 for 3D [A3]
 */
export function generateAngles(
  sizeZyx: [number, number, number],
  distances: readonly number[],
  bidirectional: boolean,
  force2Ddimension: number,
): Angle[] {
  let maxDistance = 0;
  for (const d of distances) {
    if (!Number.isInteger(d) || d < 1) throw new Error(`invalid distance ${d}`);
    if (d > maxDistance) maxDistance = d;
  }
  const count = angleCount(sizeZyx, distances, bidirectional, force2Ddimension);
  const nOffsets = 2 * maxDistance + 1;
  const strides = [nOffsets * nOffsets, nOffsets, 1];
  const angles: Angle[] = [];
  // Offsets run from +max to -max per dimension, z slowest: the first half of the list is
  // the mono-directional set, the second half its mirror image.
  for (let k = 0; angles.length < count && k < nOffsets ** 3; k++) {
    const angle: Angle = [0, 0, 0];
    let aDist = 0;
    for (let d = 0; d < 3; d++) {
      const offset = maxDistance - (Math.floor(k / strides[d]) % nOffsets);
      if ((d === force2Ddimension && offset !== 0) || offset >= sizeZyx[d] || offset <= -sizeZyx[d]) {
        aDist = -1;
        break;
      }
      angle[d] = offset;
      aDist = Math.max(aDist, Math.abs(offset));
    }
    if (aDist < 1) continue;
    if (distances.includes(aDist)) angles.push(angle);
  }
  return angles;
}

/** cmatrices.c `get_angle_count`: (2d+1)^n - (2d-1)^n per distance, limited by the box size. */
function angleCount(
  sizeZyx: [number, number, number],
  distances: readonly number[],
  bidirectional: boolean,
  force2Ddimension: number,
): number {
  let total = 0;
  for (const dist of distances) {
    let nd = 1;
    let ndd = 1;
    for (let d = 0; d < 3; d++) {
      if (d === force2Ddimension) continue;
      if (dist < sizeZyx[d]) {
        nd *= 2 * dist + 1;
        ndd *= 2 * dist - 1;
      } else {
        nd *= 2 * (sizeZyx[d] - 1) + 1;
        ndd *= 2 * (sizeZyx[d] - 1) + 1;
      }
    }
    total += nd - ndd;
  }
  return bidirectional ? total : total / 2;
}
