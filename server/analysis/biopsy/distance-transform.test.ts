import { describe, expect, it } from "vitest";
import { createRng } from "../random";
import { distanceToBorderMm } from "./distance-transform";

type Dims = [number, number, number];

/** Reference: the nearest non-lesion voxel centre by exhaustive search, the grid's outer shell included. */
function bruteForce(mask: Uint8Array, dims: Dims, s: Dims): Float64Array {
  const [nx, ny, nz] = dims;
  const background: Array<[number, number, number]> = [];
  for (let z = -1; z <= nz; z++)
    for (let y = -1; y <= ny; y++)
      for (let x = -1; x <= nx; x++) {
        const inside = x >= 0 && y >= 0 && z >= 0 && x < nx && y < ny && z < nz;
        if (!inside || mask[x + nx * (y + ny * z)] === 0) background.push([x, y, z]);
      }
  const out = new Float64Array(mask.length);
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    const x = i % nx;
    const y = Math.floor(i / nx) % ny;
    const z = Math.floor(i / (nx * ny));
    let best = Infinity;
    for (const [bx, by, bz] of background) best = Math.min(best, Math.hypot((x - bx) * s[0], (y - by) * s[1], (z - bz) * s[2]));
    out[i] = best;
  }
  return out;
}

describe("distanceToBorderMm", () => {
  it("[B7] equals brute force on a random blob with anisotropic spacing", () => {
    const dims: Dims = [14, 11, 9];
    const spacing: Dims = [0.7, 0.9, 3];
    const rng = createRng(21);
    const mask = new Uint8Array(14 * 11 * 9);
    for (let z = 1; z < 8; z++)
      for (let y = 1; y < 10; y++)
        for (let x = 1; x < 13; x++) {
          const r = Math.hypot((x - 6.5) * 0.7, (y - 5) * 0.9, (z - 4) * 3);
          if (r < 6 && rng() < 0.93) mask[x + 14 * (y + 11 * z)] = 1;
        }
    const got = distanceToBorderMm(mask, dims, spacing);
    const want = bruteForce(mask, dims, spacing);
    for (let i = 0; i < mask.length; i++) expect(got[i]).toBeCloseTo(want[i], 5);
  });

  it("[B7] treats positions outside the grid as border", () => {
    const dims: Dims = [7, 6, 5];
    const spacing: Dims = [1, 2, 0.5];
    const mask = new Uint8Array(7 * 6 * 5).fill(1);
    mask[3 + 7 * (3 + 6 * 2)] = 0; // one interior hole
    const got = distanceToBorderMm(mask, dims, spacing);
    const want = bruteForce(mask, dims, spacing);
    for (let i = 0; i < mask.length; i++) expect(got[i]).toBeCloseTo(want[i], 5);
    expect(got[0]).toBeCloseTo(0.5, 6); // corner voxel: nearest outside neighbour along z
  });

  it("[B7] gives a ball's centre the smallest radius found outside the ball", () => {
    const n = 41;
    const dims: Dims = [n, n, 21];
    const spacing: Dims = [0.5, 0.5, 1];
    const mask = new Uint8Array(n * n * 21);
    let nearestOutside = Infinity;
    for (let z = 0; z < 21; z++)
      for (let y = 0; y < n; y++)
        for (let x = 0; x < n; x++) {
          const r = Math.hypot((x - 20) * 0.5, (y - 20) * 0.5, z - 10);
          if (r <= 8) mask[x + n * (y + n * z)] = 1;
          else nearestOutside = Math.min(nearestOutside, r);
        }
    const centre = distanceToBorderMm(mask, dims, spacing)[20 + n * (20 + n * 10)];
    expect(nearestOutside).toBeGreaterThan(8);
    expect(nearestOutside).toBeLessThan(8.1);
    expect(centre).toBeCloseTo(nearestOutside, 6);
  });
});
