/**
 * Exact Euclidean distance transform with anisotropic spacing (SPEC.md B7).
 */
import { checkGrid, checkSpacing, lesionBoundingBox, type Dims } from "../heterogeneity/lesion-grid";

/** Stands in for "no background yet" in the first pass; finite so parabola maths never sees Inf - Inf. */
const FAR = 1e20;

/**
 * For every lesion voxel, the Euclidean distance (mm) from its centre to the centre of the nearest
 * non-lesion voxel; positions outside the grid count as non-lesion, so a lesion cut by the scan edge
 * has its border there. Non-lesion voxels are 0.
 *
 * Felzenszwalb & Huttenlocher's separable algorithm (Theory of Computing 2012;8:415-428): three 1D
 * passes of the lower envelope of parabolas w(q - p)^2 + f(p), with w the squared spacing of the
 * axis, so the result is exact for anisotropic voxels. Work is cropped to the lesion's bounding box
 * plus one background voxel on every side, which keeps it exact: any voxel beyond that shell is
 * farther than its projection onto the shell.
 *
 * @param mask non-zero = lesion.
 * @param spacingMm voxel size [x, y, z], mm.
 */
export function distanceToBorderMm(mask: Uint8Array, dims: Dims, spacingMm: Dims): Float32Array {
  checkGrid(dims, { mask });
  checkSpacing(spacingMm);
  const [nx, ny] = dims;
  const box = lesionBoundingBox(mask, dims);
  const origin = box.min.map((m) => m - 1);
  const size = box.min.map((m, a) => box.max[a] - m + 3);
  const [bx, by, bz] = size;

  const d2 = new Float64Array(bx * by * bz);
  for (let z = 1; z < bz - 1; z++) {
    for (let y = 1; y < by - 1; y++) {
      const src = nx * (origin[1] + y + ny * (origin[2] + z)) + origin[0];
      for (let x = 1; x < bx - 1; x++) if (mask[src + x] !== 0) d2[x + bx * (y + by * z)] = FAR;
    }
  }

  const longest = Math.max(bx, by, bz);
  const line = new Float64Array(longest);
  const out1 = new Float64Array(longest);
  const v = new Int32Array(longest);
  const zc = new Float64Array(longest + 1);
  const strides = [1, bx, bx * by];
  for (let axis = 0; axis < 3; axis++) {
    const len = size[axis];
    const stride = strides[axis];
    const w = spacingMm[axis] * spacingMm[axis];
    const [a1, a2] = [0, 1, 2].filter((a) => a !== axis);
    for (let j = 0; j < size[a2]; j++) {
      for (let i = 0; i < size[a1]; i++) {
        const start = i * strides[a1] + j * strides[a2];
        for (let q = 0; q < len; q++) line[q] = d2[start + q * stride];
        lowerEnvelope(line, len, w, out1, v, zc);
        for (let q = 0; q < len; q++) d2[start + q * stride] = out1[q];
      }
    }
  }

  const out = new Float32Array(mask.length);
  for (let z = 1; z < bz - 1; z++) {
    for (let y = 1; y < by - 1; y++) {
      const dst = nx * (origin[1] + y + ny * (origin[2] + z)) + origin[0];
      for (let x = 1; x < bx - 1; x++) if (mask[dst + x] !== 0) out[dst + x] = Math.sqrt(d2[x + bx * (y + by * z)]);
    }
  }
  return out;
}

/** 1D squared distance transform: out[q] = min_p w (q - p)^2 + f[p] (Felzenszwalb & Huttenlocher, Alg. 1). */
function lowerEnvelope(f: Float64Array, n: number, w: number, out: Float64Array, v: Int32Array, z: Float64Array): void {
  let k = 0;
  v[0] = 0;
  z[0] = -Infinity;
  z[1] = Infinity;
  for (let q = 1; q < n; q++) {
    let s = intersection(f, w, q, v[k]);
    while (s <= z[k]) {
      k--;
      s = intersection(f, w, q, v[k]);
    }
    k++;
    v[k] = q;
    z[k] = s;
    z[k + 1] = Infinity;
  }
  k = 0;
  for (let q = 0; q < n; q++) {
    while (z[k + 1] < q) k++;
    out[q] = w * (q - v[k]) * (q - v[k]) + f[v[k]];
  }
}

/** Where the parabolas rooted at q and p meet (index units). */
function intersection(f: Float64Array, w: number, q: number, p: number): number {
  return (f[q] + w * q * q - (f[p] + w * p * p)) / (2 * w * (q - p));
}
