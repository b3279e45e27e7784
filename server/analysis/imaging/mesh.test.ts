import { createRng } from "../random";
import { describe, expect, it } from "vitest";
import type { Vec3 } from "../types";
import { convexHull2D, convexHull3D } from "./convex-hull";
import { meshDiameters } from "./diameters";
import { surfaceMesh } from "./marching-cubes";
import { ellipsoidAreaMm2 } from "./morphology";
import { covarianceEigenvalues, symmetricEigenvalues3, voxelMoments } from "./pca";
import { expectAnalysisError } from "./test-utils";


function randomMask(rand: () => number, dims: Vec3, density: number): Uint8Array {
  const m = new Uint8Array(dims[0] * dims[1] * dims[2]).map(() => (rand() < density ? 1 : 0));
  m[Math.floor(rand() * m.length)] = 1;
  return m;
}

/** PyRadiomics' calculate_meshDiameter: all vertex pairs, planes by exact coordinate equality. */
function bruteDiameters(v: Int32Array, n: number, sp: Vec3): number[] {
  const d = [0, 0, 0, 0];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) {
    const dx = ((v[3 * a] - v[3 * b]) * sp[0]) / 2, dy = ((v[3 * a + 1] - v[3 * b + 1]) * sp[1]) / 2, dz = ((v[3 * a + 2] - v[3 * b + 2]) * sp[2]) / 2;
    const s = dx * dx + dy * dy + dz * dz;
    if (v[3 * a + 2] === v[3 * b + 2]) d[0] = Math.max(d[0], s);
    if (v[3 * a + 1] === v[3 * b + 1]) d[1] = Math.max(d[1], s);
    if (v[3 * a] === v[3 * b]) d[2] = Math.max(d[2], s);
    d[3] = Math.max(d[3], s);
  }
  return d.map(Math.sqrt);
}

describe("surfaceMesh", () => {
  it("[I60] one voxel is an octahedron with vertices at its six face centres: volume s^3/6, area sqrt(3) s^2 for cubes", () => {
    const m = surfaceMesh(Uint8Array.from([1]), [1, 1, 1], [2, 3, 5]);
    expect(m.volumeMm3).toBeCloseTo((2 * 3 * 5) / 6, 12);
    expect(m.vertexCount).toBe(6);
    expect(Array.from(m.vertices2).sort((a, b) => a - b)).toEqual([-1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0].sort((a, b) => a - b));
    expect(surfaceMesh(Uint8Array.from([1]), [1, 1, 1], [1, 1, 1]).areaMm2).toBeCloseTo(Math.sqrt(3), 12);
  });

  it("[I61] the mesh is closed: volume and area are invariant under translation, vertices are unique (30 seeded masks)", () => {
    const rand = createRng(7);
    for (let t = 0; t < 30; t++) {
      const dims: Vec3 = [2 + Math.floor(rand() * 6), 2 + Math.floor(rand() * 6), 1 + Math.floor(rand() * 5)];
      const sp: Vec3 = [0.5 + rand(), 0.5 + rand(), 1 + 2 * rand()];
      const m = randomMask(rand, dims, 0.2 + 0.6 * rand());
      const a = surfaceMesh(m, dims, sp);
      expect(a.volumeMm3).toBeGreaterThan(0);
      const [nx, ny, nz] = dims;
      // Signed tetrahedra to the origin sum to the enclosed volume only for a closed surface.
      const shifted = new Uint8Array((nx + 3) * (ny + 1) * (nz + 2));
      for (let z = 0; z < nz; z++) for (let y = 0; y < ny; y++) for (let x = 0; x < nx; x++) {
        shifted[x + 2 + (nx + 3) * (y + 1 + (ny + 1) * (z + 1))] = m[x + nx * (y + ny * z)];
      }
      const b = surfaceMesh(shifted, [nx + 3, ny + 1, nz + 2], sp);
      expect(b.volumeMm3).toBeCloseTo(a.volumeMm3, 9);
      expect(b.areaMm2).toBeCloseTo(a.areaMm2, 9);
      expect(b.vertexCount).toBe(a.vertexCount);
      const keys = new Set<string>();
      for (let i = 0; i < a.vertexCount; i++) keys.add(Array.from(a.vertices2.subarray(3 * i, 3 * i + 3)).join(","));
      expect(keys.size).toBe(a.vertexCount);
    }
  });

  it("[I62] like PyRadiomics, ambiguous (saddle) cubes are resolved by the fixed table, so a mirrored mask can differ; unambiguous boxes do not", () => {
    // Two voxels touching along an edge only: the saddle face makes the mirror image differ.
    const box = new Uint8Array(4 * 3 * 2).fill(1);
    const mirroredBox = surfaceMesh(box.slice().reverse(), [4, 3, 2], [1, 2, 3]);
    expect(mirroredBox.volumeMm3).toBeCloseTo(surfaceMesh(box, [4, 3, 2], [1, 2, 3]).volumeMm3, 12);
    const diag = surfaceMesh(Uint8Array.from([1, 0, 0, 1]), [2, 2, 1], [1, 1, 1]);
    const anti = surfaceMesh(Uint8Array.from([0, 1, 1, 0]), [2, 2, 1], [1, 1, 1]);
    // One diagonal gives two separate octahedra (area 2 sqrt 3), its mirror image a joined surface.
    expect(diag.areaMm2).toBeCloseTo(2 * Math.sqrt(3), 12);
    expect(anti.areaMm2).toBeCloseTo(2.5 * Math.sqrt(3), 12);
    expect(diag.volumeMm3).toBeCloseTo(anti.volumeMm3, 12);
  });

  it("[I60] throws EMPTY_MASK for an empty mask", () => {
    expectAnalysisError(() => surfaceMesh(new Uint8Array(8), [2, 2, 2], [1, 1, 1]), "EMPTY_MASK", /no non-zero voxel/);
  });
});

describe("convex hulls", () => {
  it("[I63] 3D hull of a cube's corners plus interior and face points: closed, outward, volume 8 and area 24", () => {
    const rand = createRng(3);
    const pts: number[] = [];
    for (const x of [-1, 1]) for (const y of [-1, 1]) for (const z of [-1, 1]) pts.push(x, y, z);
    for (let i = 0; i < 300; i++) pts.push(...[0, 1, 2].map(() => Math.floor(rand() * 3) - 1));
    const p = Int32Array.from(pts), n = pts.length / 3;
    const hull = convexHull3D(p, n)!;
    const edges = new Set<string>();
    let v6 = 0;
    for (let t = 0; t < hull.faces.length; t += 3) {
      const [a, b, c] = [hull.faces[t], hull.faces[t + 1], hull.faces[t + 2]];
      edges.add(`${a},${b}`); edges.add(`${b},${c}`); edges.add(`${c},${a}`);
      const P = (i: number) => [p[3 * i], p[3 * i + 1], p[3 * i + 2]];
      const [A, B, C] = [P(a), P(b), P(c)];
      v6 += A[0] * (B[1] * C[2] - B[2] * C[1]) - A[1] * (B[0] * C[2] - B[2] * C[0]) + A[2] * (B[0] * C[1] - B[1] * C[0]);
      for (let q = 0; q < n; q++) {
        const u = [B[0] - A[0], B[1] - A[1], B[2] - A[2]], w = [C[0] - A[0], C[1] - A[1], C[2] - A[2]], r = [p[3 * q] - A[0], p[3 * q + 1] - A[1], p[3 * q + 2] - A[2]];
        expect((u[1] * w[2] - u[2] * w[1]) * r[0] + (u[2] * w[0] - u[0] * w[2]) * r[1] + (u[0] * w[1] - u[1] * w[0]) * r[2]).toBeLessThanOrEqual(0);
      }
    }
    for (const e of edges) expect(edges.has(e.split(",").reverse().join(","))).toBe(true);
    expect(v6 / 6).toBe(8);
  });

  it("[I63] returns null for coplanar points; 2D hull drops collinear points", () => {
    expect(convexHull3D(Int32Array.from([0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0]), 4)).toBeNull();
    const sq = Int32Array.from([0, 0, 1, 0, 2, 0, 2, 2, 0, 2, 1, 1]);
    expect(convexHull2D(sq, 6).sort()).toEqual([0, 2, 3, 4]);
  });
});

describe("meshDiameters", () => {
  it("[I64] [I65] equal PyRadiomics' all-pairs search over mesh vertices (40 seeded masks, anisotropic spacing)", () => {
    const rand = createRng(11);
    for (let t = 0; t < 40; t++) {
      const dims: Vec3 = [1 + Math.floor(rand() * 8), 1 + Math.floor(rand() * 8), 1 + Math.floor(rand() * 6)];
      const sp: Vec3 = [0.3 + rand(), 0.3 + rand(), 1 + 3 * rand()];
      const mesh = surfaceMesh(randomMask(rand, dims, 0.1 + 0.5 * rand()), dims, sp);
      const d = meshDiameters(mesh, sp);
      const ref = bruteDiameters(mesh.vertices2, mesh.vertexCount, sp);
      expect([d.sliceMm, d.columnMm, d.rowMm, d.max3dMm].map((x) => +x.toFixed(9))).toEqual(ref.map((x) => +x.toFixed(9)));
    }
  });
});

describe("PCA and ellipsoid helpers", () => {
  it("[I66] eigenvalues of symmetric matrices, ascending", () => {
    expect(symmetricEigenvalues3([2, 0, 0, 3, 0, 1])).toEqual([1, 2, 3]);
    const ev = symmetricEigenvalues3([4, 1, 2, 3, 0.5, 5]);
    // Characteristic polynomial check: trace and determinant are preserved.
    expect(ev[0] + ev[1] + ev[2]).toBeCloseTo(12, 10);
    expect(ev[0] * ev[1] * ev[2]).toBeCloseTo(4 * (3 * 5 - 0.25) - 1 * (5 - 1) + 2 * (0.5 - 6), 9);
  });

  it("[I66] a 1 x 1 x n bar has eigenvalues 0, 0 and the variance of its z positions (N or N - 1)", () => {
    const m = voxelMoments(Uint8Array.from([1, 1, 1, 1]), [1, 1, 4], [1, 1, 2]);
    expect(covarianceEigenvalues(m, "N")).toEqual([0, 0, 5]);
    expect(covarianceEigenvalues(m, "N-1")[2]).toBeCloseTo(20 / 3, 12);
  });

  it("[I70] ellipsoid area: sphere 4 pi r^2; triaxial equals IBSI's 21-term Legendre series evaluated directly", () => {
    expect(ellipsoidAreaMm2(3, 3, 3)).toBeCloseTo(4 * Math.PI * 9, 9);
    const [a, b, c] = [5, 3, 2];
    const al = Math.sqrt(1 - (b * b) / (a * a)), be = Math.sqrt(1 - (c * c) / (a * a));
    const x = (al * al + be * be) / (2 * al * be);
    const P = [1, x];
    for (let n = 1; n < 20; n++) P.push(((2 * n + 1) * x * P[n] - n * P[n - 1]) / (n + 1));
    const series = P.reduce((acc, p, v) => acc + ((al * be) ** v / (1 - 4 * v * v)) * p, 0);
    expect(ellipsoidAreaMm2(a, b, c)).toBeCloseTo(4 * Math.PI * a * b * series, 9);
  });
});
